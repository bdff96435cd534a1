package org.clearance.rules;

import io.quarkus.logging.Log;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.clearance.lists.FileHash;
import org.clearance.rules.reload.FolderFingerprint;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rule packages kept on disk between runs, so that a CLI command, a server start or a test run that loads a
 * pack compiled before reads it in about a second instead of compiling it for several. A file is found by the exact
 * text that was screened and compiled and by the application build that compiled it (its classes and the Drools
 * jar), so a changed rule, fact class or allow-list never meets an old file.
 * <p>
 * A file holds compiled code, as the database holds data: the folder is created for its owner alone, and its place is
 * next to the database ({@code clearance.rules.compiled-cache}). Reading is guarded all the same: a checksum over the
 * content, only Drools', MVEL's, the JDK's and the application's classes deserialised, and the caller screens the
 * compiled classes with the allow-list again. Any problem with a file means compiling from the text, as without it.
 */
final class CompiledPackFiles {

    private static final String FOLDER_PROPERTY = "clearance.rules.compiled-cache";
    private static final byte[] MAGIC = "clearance compiled rule packages 1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;
    /** Far above any pack within the rule limits (the shipped pack's file is under 2 MB): a bigger file is not read. */
    private static final long MAX_FILE_BYTES = 64L << 20;
    /** The newest few are kept: one per pack a process may switch between, as in memory. */
    private static final int KEPT = 5;
    private static final ObjectInputFilter ONLY_RULE_CLASSES = ObjectInputFilter.Config.createFilter(
            "java.base/*;org.drools.**;org.kie.**;org.mvel2.**;org.clearance.**;!*");

    private static volatile String buildId;

    private CompiledPackFiles() {
    }

    /** The packages compiled earlier from exactly these sources (their {@link CompiledPacks#key}) by this build. */
    static Optional<Collection<KiePackage>> read(String sourcesKey) {
        Optional<Path> file = location(sourcesKey);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return Optional.empty();
        }
        try {
            if (Files.size(file.get()) > MAX_FILE_BYTES) {
                Log.warnf("Compiled rule pack %s is larger than any pack could be; compiling the pack instead",
                        file.get());
                discard(file.get());
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file.get());
            byte[] content = verifiedContent(bytes);
            if (content == null) {
                Log.warnf("Compiled rule pack %s is damaged; compiling the pack instead", file.get());
                discard(file.get());
                return Optional.empty();
            }
            Collection<KiePackage> packages = deserialise(new ByteArrayInputStream(content));
            Files.setLastModifiedTime(file.get(), FileTime.from(Instant.now()));
            return Optional.of(packages);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            Log.warnf("Compiled rule pack %s is unreadable (%s); compiling the pack instead", file.get(), e.toString());
            discard(file.get());
            return Optional.empty();
        }
    }

    /** Keeps packages that compiled from these sources and passed the allow-list; a failure only costs the next run. */
    static void write(String sourcesKey, Collection<KiePackage> packages) {
        Optional<Path> file = location(sourcesKey);
        if (file.isEmpty()) {
            return;
        }
        Path folder = file.get().getParent();
        try {
            createPrivately(folder);
            ByteArrayOutputStream content = new ByteArrayOutputStream(1 << 20);
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(content)) {
                out.writeObject(new ArrayList<>(packages));
            }
            byte[] payload = content.toByteArray();
            Path temporary = Files.createTempFile(folder, ".writing-", ".tmp");
            try {
                try (var out = Files.newOutputStream(temporary)) {
                    out.write(MAGIC);
                    out.write(sha256(payload));
                    out.write(payload);
                }
                moveIntoPlace(temporary, file.get());
            } finally {
                Files.deleteIfExists(temporary);
            }
            keepNewest(folder);
        } catch (IOException | RuntimeException e) {
            Log.infof("Compiled rule pack not kept in %s: %s", folder, e.toString());
        }
    }

    private static Optional<Path> folder() {
        try {
            return ConfigProvider.getConfig().getOptionalValue(FOLDER_PROPERTY, String.class)
                    .filter(value -> !value.isBlank()).map(Path::of);
        } catch (IllegalStateException e) {
            return Optional.empty(); // outside Quarkus: no configuration, no cache
        }
    }

    /** Where the packages compiled from these sources by this build are kept; none without a folder or a build id. */
    private static Optional<Path> location(String sourcesKey) {
        Optional<Path> folder = folder();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        String build;
        try {
            build = buildId();
        } catch (IllegalStateException e) {
            Log.debugf("no compiled rule packs on disk: %s", e);
            return Optional.empty();
        }
        MessageDigest digest = sha256();
        digest.update(sourcesKey.getBytes(StandardCharsets.UTF_8));
        digest.update(build.getBytes(StandardCharsets.UTF_8));
        return Optional.of(folder.get().resolve(HexFormat.of().formatHex(digest.digest()) + ".packages"));
    }

    /** This build's classes and the Drools jar: a file from another build is never read. */
    private static String buildId() {
        String value = buildId;
        if (value == null) {
            Path application = codeOf(CompiledPackFiles.class);
            String classes;
            try {
                classes = Files.isDirectory(application) ? FolderFingerprint.of(application)
                        : FileHash.sha256(application);
            } catch (IOException e) {
                classes = null;
            }
            if (classes == null) {
                throw new IllegalStateException("cannot read the application's classes at " + application);
            }
            value = classes + " " + codeOf(DroolsObjectInputStream.class);
            buildId = value;
        }
        return value;
    }

    private static Path codeOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the classes of " + type.getName(), e);
        }
    }

    private static byte[] verifiedContent(byte[] bytes) {
        int header = MAGIC.length + DIGEST_BYTES;
        if (bytes.length <= header || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        byte[] content = Arrays.copyOfRange(bytes, header, bytes.length);
        byte[] expected = Arrays.copyOfRange(bytes, MAGIC.length, header);
        return MessageDigest.isEqual(expected, sha256(content)) ? content : null;
    }

    @SuppressWarnings("unchecked")
    private static Collection<KiePackage> deserialise(InputStream content) throws IOException, ClassNotFoundException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (DroolsObjectInputStream in = new DroolsObjectInputStream(content,
                loader != null ? loader : CompiledPackFiles.class.getClassLoader())) {
            in.setObjectInputFilter(ONLY_RULE_CLASSES);
            Object read = in.readObject();
            List<KiePackage> packages = new ArrayList<>();
            for (Object item : (Collection<Object>) read) {
                packages.add((KiePackage) item);
            }
            return packages;
        }
    }

    private static void createPrivately(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder);
        }
    }

    private static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void keepNewest(Path folder) throws IOException {
        List<Path> kept;
        try (Stream<Path> files = Files.list(folder)) {
            kept = files.filter(file -> file.getFileName().toString().endsWith(".packages")).toList();
        }
        if (kept.size() <= KEPT) {
            return;
        }
        List<Path> oldestFirst = new ArrayList<>(kept);
        oldestFirst.sort((a, b) -> modified(a).compareTo(modified(b)));
        for (Path old : oldestFirst.subList(0, oldestFirst.size() - KEPT)) {
            discard(old);
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0); // gone already: first to go
        }
    }

    private static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            Log.debugf("cannot delete %s: %s", file, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return sha256().digest(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
