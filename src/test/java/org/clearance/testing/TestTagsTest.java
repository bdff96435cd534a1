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
 * Command-line tests run in test JVMs of their own (the surefire execution for tag "cli"): a {@code @QuarkusMainTest}
 * without the tag would share a JVM with {@code @QuarkusTest} classes, which then can find RestAssured without the
 * server's port.
 */
class TestTagsTest {

    @Test
    void shouldTagEveryCommandLineTestAndNoOther() throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(Path.of("src/test/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        List<String> untagged = sources.stream().filter(p -> read(p).contains("\n@QuarkusMainTest"))
                .filter(p -> !read(p).contains("\n@Tag(\"cli\")")).map(Path::toString).toList();
        List<String> wronglyTagged = sources.stream().filter(p -> read(p).contains("\n@Tag(\"cli\")"))
                .filter(p -> !read(p).contains("\n@QuarkusMainTest")).map(Path::toString).toList();

        assertThat(untagged).as("@QuarkusMainTest classes without @Tag(\"cli\")").isEmpty();
        assertThat(wronglyTagged).as("@Tag(\"cli\") on a class that is no @QuarkusMainTest").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
