package org.clearance.rules.reload;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.clearance.rules.FileTrees;

/**
 * A throw-away copy of a small rule pack (src/test/resources/reload-pack) that the reload tests edit, and the profile
 * that serves it. Small because every reload checks the pack, rule tests included: the shipped pack's hundreds of
 * cases took seconds a check, a dozen times in these tests.
 */
public final class TempRules {

    public static final Path ORIGINAL = Path.of("src/test/resources/reload-pack").toAbsolutePath();
    private static Path copy;

    private TempRules() {
    }

    /** Serves a temp copy of the small pack, with a short debounce and a small upload limit. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clearance.rules.directory", dir().toString(),
                    "clearance.reload.debounce", "200ms",
                    "clearance.reload.max-upload-bytes", "2000000",
                    // A test that gave up on a slow reload would leave it to finish in the next test.
                    "quarkus.http.test-timeout", "300s");
        }
    }

    public static synchronized Path dir() {
        if (copy == null) {
            try {
                copy = Files.createTempDirectory("clearance-reload-test-").resolve("rules");
                FileTrees.copy(ORIGINAL, copy);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copy;
    }

    /** Puts every file back as in the original (only the files that differ, so a watcher sees little). */
    static void restore() throws IOException {
        Path dir = dir();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!Files.exists(ORIGINAL.resolve(dir.relativize(file).toString()))) {
                    Files.delete(file);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(ORIGINAL)) {
            for (Path source : walk.toList()) {
                Path target = dir.resolve(ORIGINAL.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target) || Files.mismatch(source, target) != -1) {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void append(String file, String text) throws IOException {
        Path path = dir().resolve(file);
        Files.writeString(path, Files.readString(path) + text);
    }

    static void replace(String file, String from, String to) throws IOException {
        Path path = dir().resolve(file);
        String text = Files.readString(path);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    /** The 1-based line of the first occurrence of {@code text} in {@code file}. */
    static int lineOf(String file, String text) throws IOException {
        var lines = Files.readAllLines(dir().resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new IllegalStateException(file + " has no line with " + text);
    }

    /** A zip of {@code root}'s contents, each entry under {@code prefix}. */
    static byte[] zip(Path root, String prefix) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(prefix + root.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] zipOf(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
