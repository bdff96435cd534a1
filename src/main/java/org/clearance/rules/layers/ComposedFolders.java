package org.clearance.rules.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clearance.rules.RulePackLoader;

/** Where composed packs are written: one folder per content, under the system's temporary folder. */
final class ComposedFolders {

    private ComposedFolders() {
    }

    /**
     * Writes the composed files once per content: a folder named by their hash, moved into place in one step. A folder
     * of that name is used again only if it holds exactly these files (the temporary folder is shared with other
     * users of the machine); otherwise it is written again, or, when it cannot be removed, the files go to a new
     * folder of their own.
     */
    static Path write(Map<String, byte[]> files) {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "clearance-stacks");
        Path target = root.resolve(RulePackLoader.hash(files).substring(0, 32));
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && holdsExactly(target, files)) {
                return target;
            }
            try {
                org.clearance.rules.FileTrees.delete(target); // changed since it was composed: compose it again
            } catch (IOException | UncheckedIOException e) {
                target = root.resolve(RulePackLoader.hash(files).substring(0, 32) + "-" + java.util.UUID.randomUUID());
            }
        }
        Path staging = null;
        try {
            Files.createDirectories(root);
            staging = Files.createTempDirectory(root, ".composing-");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            try {
                Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another process composed the same layers meanwhile: its folder holds the same files.
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the composed pack to " + root, e);
        } finally {
            org.clearance.rules.FileTrees.deleteQuietly(staging);
        }
    }

    private static boolean holdsExactly(Path folder, Map<String, byte[]> files) {
        try (Stream<Path> walk = Files.walk(folder)) {
            Map<String, Path> found = new TreeMap<>();
            for (Path path : walk.toList()) {
                if (Files.isSymbolicLink(path)) {
                    return false;
                }
                if (Files.isRegularFile(path)) {
                    found.put(folder.relativize(path).toString().replace('\\', '/'), path);
                }
            }
            if (!found.keySet().equals(files.keySet())) {
                return false;
            }
            for (Map.Entry<String, Path> file : found.entrySet()) {
                if (!java.util.Arrays.equals(Files.readAllBytes(file.getValue()), files.get(file.getKey()))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
