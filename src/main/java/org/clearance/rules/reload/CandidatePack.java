package org.clearance.rules.reload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.clearance.rules.FileTrees;
import org.clearance.rules.layers.PackStack;
import org.clearance.web.InvalidQueryException;
import org.clearance.web.InvalidRequestException;
import org.clearance.web.PayloadTooLargeException;
import org.clearance.web.Problem;

/**
 * A candidate pack unpacked into a temporary folder for checking, never touching the live pack: either a zip
 * of a rules folder, or one file overlaid on a copy of the live pack. Guards against zip-slip, zip bombs and
 * bodies that are not zips. Close it to delete the folder.
 */
public final class CandidatePack implements AutoCloseable {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final Path directory;
    private final Path temp;

    private CandidatePack(Path temp, Path directory) {
        this.temp = temp;
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** Reads at most {@code limit} bytes of a request body; more is a 413. */
    public static byte[] readBody(InputStream body, int limit) throws IOException {
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new PayloadTooLargeException("The candidate pack is larger than " + limit
                    + " bytes (clearance.reload.max-upload-bytes).");
        }
        return bytes;
    }

    /** Unpacks a zip holding a rules folder's contents, or the folder itself as its single top-level entry. */
    public static CandidatePack fromZip(byte[] zip, ReloadConfig limits) throws IOException {
        if (!isZip(zip)) {
            throw invalid("The body is not a zip archive. Send a zip of a rules folder (Content-Type: application/zip), "
                    + "or one file with ?path=<its path inside the pack>.", "body");
        }
        Path temp = Files.createTempDirectory("clearance-candidate-");
        try {
            unzip(zip, temp, limits);
            Path pack = unwrap(temp);
            if (PackStack.isStack(pack)) {
                throw invalid(NOT_A_STACK, PackStack.STACK_FILE);
            }
            return new CandidatePack(temp, pack);
        } catch (RuntimeException | IOException e) {
            delete(temp);
            throw e;
        }
    }

    /**
     * Copies {@code livePack} (for an overlay, the pack its layers compose to) and writes {@code content} at
     * {@code path} inside the copy.
     */
    public static CandidatePack overlay(Path livePack, String path, byte[] content) throws IOException {
        checkPathParameter(path);
        Path temp = Files.createTempDirectory("clearance-candidate-");
        try {
            Path target;
            try {
                target = inside(temp, path, "path");
            } catch (InvalidRequestException e) {
                throw new InvalidQueryException(List.of(InvalidQueryException.error("path", e.getMessage())));
            }
            FileTrees.copy(PackStack.resolve(livePack), temp);
            for (Path at = target; !at.equals(temp); at = at.getParent()) {
                if (at == target ? Files.isDirectory(at) : Files.exists(at) && !Files.isDirectory(at)) {
                    throw new InvalidQueryException(List.of(InvalidQueryException.error("path", "\"" + path + "\" "
                            + (at == target ? "is a folder of the pack" : "goes through a file of the pack, "
                            + temp.relativize(at)) + "; name the file to check, such as eu/dual-use.drl")));
                }
            }
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            if (PackStack.isStack(temp)) {
                throw new InvalidQueryException(List.of(InvalidQueryException.error("path", NOT_A_STACK)));
            }
            return new CandidatePack(temp, temp);
        } catch (RuntimeException | IOException e) {
            delete(temp);
            throw e;
        }
    }

    /** An uploaded pack never names folders of the server to build on. */
    private static final String NOT_A_STACK = "an uploaded pack cannot hold stack.yaml: an overlay's bases are folders "
            + "on the machine that composes it. Check an overlay with clearance rules test, or send the pack it composes to";

    /** Longest {@code ?path=} accepted, and longest name in it: within what every file system stores. */
    private static final int MAX_PATH = 255;
    private static final int MAX_PATH_NAME = 100;

    private static void checkPathParameter(String path) {
        String problem = null;
        if (path.length() > MAX_PATH) {
            problem = "is " + path.length() + " characters long; at most " + MAX_PATH + " are allowed";
        } else if (org.clearance.order.Printable.hasControl(path)) {
            problem = "contains a control character";
        } else if (java.util.Arrays.stream(path.split("[/\\\\]")).anyMatch(n -> n.length() > MAX_PATH_NAME)) {
            problem = "has a folder or file name longer than " + MAX_PATH_NAME + " characters";
        }
        if (problem != null) {
            throw new InvalidQueryException(List.of(InvalidQueryException.error("path", problem)));
        }
    }

    @Override
    public void close() {
        delete(temp);
    }

    private static boolean isZip(byte[] bytes) {
        if (bytes.length < ZIP_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ZIP_MAGIC.length; i++) {
            if (bytes[i] != ZIP_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private static void unzip(byte[] zip, Path temp, ReloadConfig limits) throws IOException {
        long unpacked = 0;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw new PayloadTooLargeException("The zip holds more than " + limits.maxZipEntries()
                            + " entries (clearance.reload.max-zip-entries).");
                }
                Path target = inside(temp, entry.getName(), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    byte[] buffer = new byte[8192];
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        unpacked += read;
                        if (unpacked > limits.maxUnpackedBytes()) {
                            throw new PayloadTooLargeException("The zip unpacks to more than " + limits.maxUnpackedBytes()
                                    + " bytes (clearance.reload.max-unpacked-bytes).");
                        }
                        out.write(buffer, 0, read);
                    }
                }
            }
        } catch (ZipException | java.io.EOFException e) {
            throw invalid("The zip archive is damaged: " + (e instanceof ZipException ? e.getMessage() : "it ends too early")
                    + ".", "body");
        } catch (IllegalArgumentException e) {
            // ZipInputStream's way of saying an entry name is not valid in the archive's encoding.
            throw invalid("The zip archive is damaged: an entry name is not valid UTF-8.", "body");
        } catch (java.nio.file.FileSystemException e) {
            throw invalid("The zip archive holds a name that cannot be a file here (" + e.getReason() + ").", "body");
        }
        if (entries == 0) {
            throw invalid("The zip archive is empty.", "body");
        }
    }

    /** A zip of the folder itself ({@code rules/eu/...}) has one top-level folder holding no rule file directly. */
    private static Path unwrap(Path temp) throws IOException {
        List<Path> top;
        try (Stream<Path> list = Files.list(temp)) {
            top = list.toList();
        }
        if (top.size() != 1 || !Files.isDirectory(top.get(0))) {
            return temp;
        }
        try (Stream<Path> list = Files.list(top.get(0))) {
            boolean holdsRules = list.anyMatch(p -> p.getFileName().toString().endsWith(".drl"));
            return holdsRules ? temp : top.get(0);
        }
    }

    /** Resolves a name from the request inside {@code root}, refusing anything that would land outside (zip-slip). */
    private static Path inside(Path root, String name, String source) {
        if (name == null || name.isBlank()) {
            throw invalid("A file path is empty.", source);
        }
        try {
            Path relative = Path.of(name.replace('\\', '/'));
            Path target = root.resolve(relative).normalize();
            if (relative.isAbsolute() || name.startsWith("/") || !target.startsWith(root) || target.equals(root)) {
                throw invalid("The path \"" + name + "\" points outside the rules folder; use a relative path such as eu/dual-use.drl.",
                        source);
            }
            return target;
        } catch (InvalidPathException e) {
            throw invalid("The path \"" + name + "\" is not a valid file path: " + e.getReason() + ".", source);
        }
    }

    private static InvalidRequestException invalid(String message, String source) {
        return new InvalidRequestException(message, List.of(new Problem.Error(source, null, message)));
    }

    private static void delete(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
