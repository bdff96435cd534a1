package org.clearance.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Copies and removes whole folders: candidate packs, checked-out base packs and their tests' copies of rules/. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Copies every folder and file under {@code from} to the same place under {@code to}. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    /** As {@link #delete}, for clean-up that must not fail: nothing happens for null, and a failure is only logged. */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            delete(dir);
        } catch (IOException | RuntimeException e) {
            io.quarkus.logging.Log.debugf("cannot delete %s: %s", dir, e.getMessage());
        }
    }

    /** Deletes {@code dir} and everything in it, deepest first; what cannot be deleted stays. */
    public static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
