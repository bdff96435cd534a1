package org.clearance.docs;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clearance.rules.FileTrees;

/**
 * Before the application starts, makes the working directory a fresh copy of what a user of the repository has
 * (README, docs, rules, examples), so that the commands of the docs read and write there as they would in a
 * checkout, and never in this one. Maven runs the docs tests in target/docs-run and names the repository in
 * {@code docs.repository}; elsewhere this refuses to start.
 */
public class RepositoryCopy implements QuarkusTestResourceLifecycleManager {

    private static final List<String> COPIED = List.of("README.md", "docs", "rules", "examples");
    /** Kept between runs: compiled rule packs are found by their text, and compiling the pack takes seconds. */
    private static final Path KEPT = Path.of("target", "compiled-packs");

    @Override
    public Map<String, String> start() {
        String property = System.getProperty("docs.repository");
        Path here = Path.of("").toAbsolutePath();
        if (property == null || Path.of(property).toAbsolutePath().equals(here)) {
            throw new IllegalStateException("The docs tests run their commands in a copy of the repository: run them "
                    + "through Maven (mvn -B verify, or mvn -B test -Dtest.groups=docs), which starts them in "
                    + "target/docs-run. Working directory now: " + here);
        }
        Path repository = Path.of(property).toAbsolutePath();
        try {
            emptyExceptKept(here);
            for (String name : COPIED) {
                FileTrees.copy(repository.resolve(name), here.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy the repository into " + here, e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }

    private static void emptyExceptKept(Path here) throws IOException {
        Path kept = here.resolve(KEPT);
        try (Stream<Path> walk = Files.walk(here)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.equals(here) && !path.startsWith(kept) && !kept.startsWith(path)) {
                    Files.delete(path);
                }
            }
        }
    }
}
