package org.clearance.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.clearance.cli.Cli;
import org.clearance.cli.CliRun;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderInput;
import org.clearance.order.OrderParser;
import org.clearance.order.ParsedOrder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every command README and docs/ give a reader to copy runs as the page says: each {@code sh run} block, in page
 * order (README first, then docs/ by name), in a fresh copy of the repository ({@link RepositoryCopy}), with the
 * exit code the block states and the output the page shows after it. {@code ./clearance} commands run in the started
 * application as the CLI tests run them ({@link Cli}); the jar's own start-up is tested by the *IT classes. Other
 * commands (curl) run in bash against this test's server, with the variables earlier commands set.
 */
@QuarkusTest
@Tag("cli")
@Tag("docs")
@WithTestResource(RepositoryCopy.class)
class RunnableDocsTest {

    /** The one command of the docs that is not run here: it is the command that runs this test. */
    private static final String TEST_SUITE = "mvn -B verify";
    private static final String CLI = "./clearance ";
    private static final String ANY_TEXT = "…";
    private static final String CASE_ID = "CASE_ID";
    /** Where the docs' examples find the server; the test server listens elsewhere. */
    private static final String DOCS_SERVER = "localhost:8080";
    private static final Pattern CAPTURED = Pattern.compile("([A-Z_]+)=\\$\\(\\./clearance (.*)\\)");
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    Cli cli;

    @TestHTTPResource("/")
    java.net.URI server;

    /** What blocks set with NAME=$(./clearance …), for the commands of later blocks: one reader's shell session. */
    private final Map<String, String> shellVariables = new HashMap<>();

    @TestFactory
    Stream<DynamicTest> shouldRunEveryRunnableBlockAsItsPageSays() throws IOException {
        return pages().stream().flatMap(page -> blocks(page).stream())
                .map(block -> DynamicTest.dynamicTest(block.where(), () -> run(block)));
    }

    @Test
    void shouldMarkEveryBlockOfCommandsAsRunOrSayWhyNot() throws IOException {
        List<String> unmarked = new ArrayList<>();
        for (Path page : pages()) {
            for (RunnableBlocks.Fenced block : RunnableBlocks.fenced(page)) {
                if (block.info().isEmpty() && block.body().stream().anyMatch(line -> line.startsWith(CLI)
                        || line.startsWith("curl ") || CAPTURED.matcher(line).matches())) {
                    unmarked.add(page + ":" + block.line());
                }
            }
        }
        assertThat(unmarked).as("blocks of ./clearance or curl commands with neither `sh run` nor `sh not-run: why`").isEmpty();
    }

    @Test
    void shouldAcceptEveryWholeOrderThePagesShow() throws IOException {
        List<String> checked = new ArrayList<>();
        for (Path page : pages()) {
            for (RunnableBlocks.Fenced block : RunnableBlocks.fenced(page)) {
                if (!block.info().equals("json order")) {
                    continue;
                }
                String where = page + ":" + block.line();
                List<OrderDocument> documents = OrderInput.split(where, String.join("\n", block.body())).documents();
                assertThat(documents).as(where).hasSize(1);
                ParsedOrder parsed = OrderParser.parse(documents.get(0), null, LocalDate.now());
                assertThat(parsed.problems()).as(where + ": the order the page shows is valid").isEmpty();
                checked.add(where);
            }
        }
        assertThat(checked).as("orders marked ```json order").isNotEmpty();
    }

    @Test
    void shouldRunTheReadmeCommandsAndTheGuidesOfEveryTask() throws IOException {
        List<Path> withRunBlocks = pages().stream().filter(page -> !blocks(page).isEmpty()).toList();

        assertThat(withRunBlocks).extracting(Path::toString).contains("README.md", "docs/api.md", "docs/authoring.md",
                "docs/cases.md", "docs/cli.md", "docs/licences.md", "docs/operations.md", "docs/packs.md", "docs/trade.md");
    }

    private void run(RunnableBlocks.Block block) {
        CliRun last = null;
        String caseId = null;
        for (RunnableBlocks.Command command : block.commands()) {
            String where = block.page() + ":" + command.line() + ": " + command.text();
            if (command.text().equals(TEST_SUITE)) {
                continue;
            }
            Matcher capture = CAPTURED.matcher(command.text());
            if (capture.matches()) {
                last = cli.launch(ShellWords.split(capture.group(2)).toArray(String[]::new));
                assertThat(last.exitCode()).as("%s%n%s", where, last).isEqualTo(command.exitCode());
                shellVariables.put(capture.group(1), last.output().strip());
                continue;
            }
            if (!command.text().startsWith(CLI)) {
                last = shell(command.text(), where);
                assertThat(last.exitCode()).as("%s%n%s", where, last).isEqualTo(command.exitCode());
                continue;
            }
            List<String> args = new ArrayList<>();
            for (String word : ShellWords.split(command.text().substring(CLI.length()))) {
                if (word.equals(CASE_ID) && caseId == null) {
                    caseId = firstId(last, where);
                }
                args.add(word.equals(CASE_ID) ? caseId : word);
            }
            last = cli.launch(args.toArray(String[]::new));
            assertThat(last.exitCode()).as("%s%n%s", where, last).isEqualTo(command.exitCode());
        }
        if (block.shownOutput().isPresent()) {
            assertThat(last).as(block.where() + ": output shown after a block without a command").isNotNull();
            String printed = last.output() + last.errors();
            assertThat(missingLines(block.shownOutput().get(), printed.lines().toList()))
                    .as("%s: lines the page shows that the command does not print (in this order)%n--- printed:%n%s",
                            block.where(), printed)
                    .isEmpty();
        }
    }

    /**
     * A shell command of the docs (curl and the like), run by bash in the repository copy with the variables earlier
     * blocks set, against the test server where the docs say {@code localhost:8080}.
     */
    private CliRun shell(String command, String where) {
        try {
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", command.replace(DOCS_SERVER, server.getAuthority()));
            bash.environment().putAll(shellVariables);
            java.nio.file.Path out = Files.createTempFile("docs-out", ".txt");
            java.nio.file.Path err = Files.createTempFile("docs-err", ".txt");
            Process process = bash.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as(where + ": finished").isTrue();
            return new CliRun(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What the docs write as CASE_ID: the first id printed by the command before its first use in the block. */
    private static String firstId(CliRun previous, String where) {
        Matcher id = previous == null ? null : UUID.matcher(previous.output());
        assertThat(id != null && id.find()).as(where + ": " + CASE_ID + " stands for an id the previous command printed").isTrue();
        return id.group();
    }

    /** The shown lines not found, in order, among the printed ones; … in a shown line stands for any text. */
    static List<String> missingLines(List<String> shown, List<String> printed) {
        List<String> missing = new ArrayList<>();
        int from = 0;
        for (String line : shown) {
            if (line.isBlank()) {
                continue;
            }
            Pattern pattern = Pattern.compile(String.join(".*", Stream.of(line.stripTrailing().split(ANY_TEXT, -1))
                    .map(Pattern::quote).toList()));
            int found = -1;
            for (int n = from; n < printed.size(); n++) {
                if (pattern.matcher(printed.get(n).stripTrailing()).matches()) {
                    found = n;
                    break;
                }
            }
            if (found < 0) {
                missing.add(line);
            } else {
                from = found + 1;
            }
        }
        return missing;
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static List<RunnableBlocks.Block> blocks(Path page) {
        try {
            return RunnableBlocks.read(page).blocks();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
