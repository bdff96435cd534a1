package org.clearance.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Command-line tests run the CLI's commands in the started application ({@code org.clearance.cli.Cli}) and carry the
 * tag "cli", so that {@code -Dtest.groups=cli} runs them all. None boots the application per command: a
 * {@code @QuarkusMainTest} would, and would leave the {@code @QuarkusTest} classes after it in the same JVM without
 * the server's port. The packaged jar's own start-up is tested by the *IT classes.
 */
class TestTagsTest {

    @Test
    void shouldTagEveryCommandLineTestAndNoOther() throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        List<String> untagged = sources.stream().filter(p -> read(p).contains("\n    Cli cli;"))
                .filter(p -> !read(p).contains("\n@Tag(\"cli\")")).map(Path::toString).toList();
        List<String> wronglyTagged = sources.stream().filter(p -> read(p).contains("\n@Tag(\"cli\")"))
                .filter(p -> !read(p).contains("\n    Cli cli;")).map(Path::toString).toList();
        List<String> bootingPerCommand = sources.stream().filter(p -> read(p).contains("\n@QuarkusMainTest"))
                .map(Path::toString).toList();

        assertThat(untagged).as("command-line tests without @Tag(\"cli\")").isEmpty();
        assertThat(wronglyTagged).as("@Tag(\"cli\") on a class that runs no command").isEmpty();
        assertThat(bootingPerCommand).as("@QuarkusMainTest classes").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
