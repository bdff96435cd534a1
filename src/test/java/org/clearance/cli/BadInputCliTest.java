package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI on bad input: every bad file of the fuzz corpus exits 2 with {@code file:pointer: message} and no stack
 * trace; one unreadable file in a folder is named and the others are screened; no raw control character reaches
 * the terminal.
 */
@QuarkusTest
@Tag("cli")
@io.quarkus.test.junit.TestProfile(org.clearance.testing.OwnDatabase.class)
class BadInputCliTest {

    @Inject
    Cli cli;

    private static final Path CORPUS = Path.of("src/test/resources/fuzz-regressions");
    private static final Path CLEAR_ORDER = Path.of("examples/orders/03-italian-furniture-to-kazakhstan-clear.json");

    @Test
    void shouldExitTwoNamingEachBadFileOfTheCorpusWithoutAStackTraceAndScreenTheGoodOnes(@TempDir Path folder) throws IOException {
        List<Path> bad;
        try (Stream<Path> files = Files.list(CORPUS)) {
            bad = files.filter(f -> f.getFileName().toString().startsWith("400-")).sorted().toList();
        }
        for (Path file : bad) {
            Files.copy(file, folder.resolve(file.getFileName()));
        }
        Files.copy(CLEAR_ORDER, folder.resolve("zz-clear.json"));

        CliRun result = cli.launch("screen", folder.toString());

        assertThat(result.exitCode()).as(result.errors()).isEqualTo(ExitCodes.INPUT);
        String all = result.output() + "\n" + result.errors();
        assertThat(all).doesNotContain("at org.", "at java.", "Exception").doesNotContain("\u001B").doesNotContain("\u0000");
        for (Path file : bad) {
            assertThat(result.errors()).as(file.getFileName().toString())
                    .containsPattern("(?m)^" + java.util.regex.Pattern.quote(folder.resolve(file.getFileName()).toString())
                            + "(:\\d+)?:/[^:]*: \\S");
        }
        assertThat(result.errors()).contains("400-invalid-utf8-in-name.json:/: invalid UTF-8 at byte offset");
        assertThat(result.output()).contains("Order MVS-25-0932: CLEAR").contains("1 order(s) screened");
    }

    @Test
    void shouldEscapeControlCharactersOfAFileNameInTheTextReport(@TempDir Path folder)
            throws IOException {
        Path named = folder.resolve("order\u001B[31m.json");
        Files.copy(CLEAR_ORDER, named);

        CliRun result = cli.launch("screen", named.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).contains("order\\u001B[31m.json").doesNotContain("\u001B");
    }

    @Test
    void shouldScreenAnOrderAtTheLimitsThatOnceExitedSeventy() {
        CliRun result = cli.launch("screen", CORPUS.resolve("201-line-description-990-characters.json").toString(),
                CORPUS.resolve("201-id-128-emoji.json").toString(), CORPUS.resolve("201-chp-quantity-at-the-limit.json").toString());

        assertThat(result.exitCode()).as(result.errors()).isEqualTo(ExitCodes.OK);
        assertThat(result.output()).contains("3 order(s) screened");
    }
}
