package org.clearance.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the docs test reads a page: which blocks run, their commands and exit codes, and the output they show. */
class RunnableBlocksTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadRunBlocksWithTheirCommandsExitCodeAndShownOutput() throws IOException {
        Path page = page("""
                Intro.

                ```sh run exit=1
                ./clearance screen examples/orders   # screen them
                ./clearance packs build rules --sign keys/acme.key \\
                    --publisher "Acme Trade Compliance"
                ```

                prints:

                ```text output
                34 orders: … BLOCK
                ```

                ```
                ./clearance not run
                ```

                ```sh not-run: needs a server
                ./clearance serve
                ```
                """);

        List<RunnableBlocks.Block> blocks = RunnableBlocks.read(page).blocks();

        assertThat(blocks).hasSize(1);
        RunnableBlocks.Block block = blocks.get(0);
        assertThat(block.line()).as("the line of the opening fence").isEqualTo(3);
        assertThat(block.exitCode()).isEqualTo(1);
        assertThat(block.commands()).extracting(RunnableBlocks.Command::text).containsExactly(
                "./clearance screen examples/orders",
                "./clearance packs build rules --sign keys/acme.key  --publisher \"Acme Trade Compliance\"");
        assertThat(block.commands()).extracting(RunnableBlocks.Command::line).containsExactly(4, 5);
        assertThat(block.commands()).extracting(RunnableBlocks.Command::exitCode).as("the block's exit=1").containsExactly(1, 1);
        assertThat(block.shownOutput()).contains(List.of("34 orders: … BLOCK"));
    }

    @Test
    void shouldLetALineStateItsOwnExitCode() throws IOException {
        Path page = page("""
                ```sh run
                ./clearance screen examples/orders/25-us-valves-to-crimea.json   # exit 1: the order is blocked
                ./clearance cases list                                            # all cases
                ```
                """);

        assertThat(RunnableBlocks.read(page).blocks().get(0).commands()).extracting(RunnableBlocks.Command::exitCode)
                .containsExactly(1, 0);
    }

    @Test
    void shouldRefuseAnOutputBlockThatFollowsNoRunBlock() throws IOException {
        Path page = page("""
                ```text output
                hello
                ```
                """);

        assertThatThrownBy(() -> RunnableBlocks.read(page)).hasMessageContaining("must follow a run block");
    }

    @Test
    void shouldSplitWordsAsTheShellDoesAndDropComments() {
        assertThat(ShellWords.split("cases act X release --reason \"Valves for irrigation; verified\" 'a b'"))
                .containsExactly("cases", "act", "X", "release", "--reason", "Valves for irrigation; verified", "a b");
        assertThat(ShellWords.withoutComment("./clearance rules test   # all cases")).isEqualTo("./clearance rules test   ");
        assertThat(ShellWords.withoutComment("./clearance x --reason \"no # here\"")).isEqualTo("./clearance x --reason \"no # here\"");
        assertThatThrownBy(() -> ShellWords.split("x 'open")).hasMessageContaining("unclosed quote");
    }

    @Test
    void shouldFindShownLinesInOrderWithAnEllipsisForAnyText() {
        List<String> printed = List.of("rule coverage: 71 of 71 rules", "338 passed, 0 failed", "done");

        assertThat(RunnableDocsTest.missingLines(List.of("rule coverage: … rules", "338 passed, 0 failed"), printed)).isEmpty();
        assertThat(RunnableDocsTest.missingLines(List.of("338 passed, 0 failed", "rule coverage: … rules"), printed))
                .containsExactly("rule coverage: … rules");
        assertThat(RunnableDocsTest.missingLines(List.of("267 passed, 0 failed"), printed)).containsExactly("267 passed, 0 failed");
        assertThat(RunnableDocsTest.missingLines(List.of("…"), printed)).isEmpty();
    }

    private Path page(String text) throws IOException {
        Path page = dir.resolve("page.md");
        Files.writeString(page, text);
        return page;
    }
}
