package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clearance.rules.FileTrees;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code clearance rules diff} through the real CLI: a changed rule, a changed data row, a git ref, and every exit code. */
@QuarkusTest
@Tag("cli")
class RulesDiffCliTest {

    @Inject
    Cli cli;

    private static final String CORPUS = "examples/orders";

    @Test
    void shouldReportTheOrdersAChangedRuleAffectsAndFailOnChangeWhenAsked() throws IOException {
        Path head = copyOfRules();
        replace(head.resolve("eu/chp-due-diligence.drl"), "@id(\"EU-12GB-01\") @jurisdiction(\"EU\") @severity(\"INFO\")",
                "@id(\"EU-12GB-01\") @jurisdiction(\"EU\") @severity(\"REVIEW\")");

        CliRun result = cli.launch("rules", "diff", "--base", "rules", "--rules", head.toString(),
                "--corpus", CORPUS, "--fail-on-change");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(result.output())
                .contains("1 rule change(s), 0 data file change(s)")
                .contains("~ EU-12GB-01: severity INFO -> REVIEW")
                .contains("Order DTM-2025-0610 (examples/orders/04-chp-to-kazakhstan-with-no-russia-clause.json): REVIEW (unchanged)")
                .contains("  + EU-12GB-01 REVIEW /lines/0: line 1: ")
                .contains("  - EU-12GB-01 INFO /lines/0: line 1: ")
                .contains("because EU-12GB-01 changed: severity INFO -> REVIEW")
                .containsPattern("\\d of \\d+ order\\(s\\) change \\(0 decision\\(s\\), \\d in findings only\\)");
        assertThat(cli.launch("rules", "diff", "--base", "rules", "--rules", head.toString(), "--corpus", CORPUS)
                .exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void shouldBlameAChangedDataRowOnTheRulesThatReadIt() throws IOException {
        Path head = copyOfRules();
        Path countries = head.resolve("data/common/diversion-countries.csv");
        List<String> rows = Files.readAllLines(countries);
        long kazakhRows = rows.stream().filter(l -> l.startsWith("KZ,")).count();
        Files.write(countries, rows.stream().filter(l -> !l.startsWith("KZ,")).toList());

        CliRun result = cli.launch("rules", "diff", "--base", "rules", "--rules", head.toString(),
                "--corpus", CORPUS, "--format", "json", "--fail-on-change");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        JsonNode report = new ObjectMapper().readTree(CiReportsCliTest.json(result.output()));
        assertThat(report.get("changes").get("rules")).isEmpty();
        JsonNode data = report.get("changes").get("data").get(0);
        assertThat(data.get("file").asText()).isEqualTo("data/common/diversion-countries.csv");
        assertThat(data.get("rows_removed").asLong()).isEqualTo(kazakhRows).isPositive();
        assertThat(data.get("rows_added").asInt()).isZero();
        assertThat(data.get("read_by")).extracting(JsonNode::asText)
                .containsExactly("ALL-DIV-01", "ALL-RF-HUB-01", "ALL-RISK-00B", "ALL-TRD-01");
        JsonNode order = find(report.get("orders"), "DTM-2025-0610");
        assertThat(order.get("before").asText()).isEqualTo("REVIEW");
        assertThat(order.get("after").asText()).isEqualTo("CLEAR");
        assertThat(order.get("lost")).extracting(f -> f.get("rule_id").asText()).containsOnly("ALL-DIV-01");
        assertThat(order.get("gained")).isEmpty();
        assertThat(order.get("causes").get(0).get("change").asText())
                .isEqualTo("unchanged; reads data/common/diversion-countries.csv changed");
        assertThat(report.get("base").get("rule_pack").asText()).isNotEqualTo(report.get("head").get("rule_pack").asText());
    }

    @Test
    void shouldCompareWithTheRulesFolderAtAGitRef() throws Exception {
        Path repo = Files.createTempDirectory("repo");
        git(repo, "init", "-q");
        Files.writeString(repo.resolve("README.md"), "orders\n");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "no rules yet");
        FileTrees.copy(Path.of("rules"), repo.resolve("rules"));
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "rules");
        Path drl = repo.resolve("rules/eu/chp-due-diligence.drl");
        replace(drl, "@id(\"EU-12GB-01\") @jurisdiction(\"EU\") @severity(\"INFO\")",
                "@id(\"EU-12GB-01\") @jurisdiction(\"EU\") @severity(\"BLOCK\")");
        String rules = repo.resolve("rules").toString();

        CliRun changed = cli.launch("rules", "diff", "--base", "HEAD", "--rules", rules, "--corpus", CORPUS);
        CliRun noRules = cli.launch("rules", "diff", "--base", "HEAD~1", "--rules", rules, "--corpus", CORPUS);
        CliRun noRef = cli.launch("rules", "diff", "--base", "no-such-branch", "--rules", rules, "--corpus", CORPUS);

        assertThat(changed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(changed.output()).contains("(HEAD:rules)").contains("~ EU-12GB-01: severity INFO -> BLOCK")
                .contains("Order DTM-2025-0610 (examples/orders/04-chp-to-kazakhstan-with-no-russia-clause.json): REVIEW -> BLOCK");
        assertThat(noRules.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(noRules.errors()).contains("--base HEAD~1: the commit has no folder rules/");
        assertThat(noRef.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(noRef.errors()).contains("--base no-such-branch: no such folder, and no such commit, branch or tag");
    }

    @Test
    void shouldExitThreeWhenTheBasePackDoesNotLoad() throws IOException {
        Path base = copyOfRules();
        replace(base.resolve("eu/chp-due-diligence.drl"), "@id(\"EU-12GB-01\")", "");

        CliRun result = cli.launch("rules", "diff", "--base", base.toString(), "--corpus", CORPUS);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.RULE_PACK);
        assertThat(result.errors()).contains("the base rule pack (" + base + ") does not load")
                .contains("eu/chp-due-diligence.drl:").contains("lacks @id").doesNotContain("\tat ");
    }

    @Test
    void shouldExitTwoForAnUnreadableCorpus() {
        CliRun result = cli.launch("rules", "diff", "--base", "rules", "--corpus", "no/such/orders");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(result.errors()).contains("no/such/orders:/: no such file or folder");
    }

    private static JsonNode find(JsonNode orders, String orderId) {
        for (JsonNode order : orders) {
            if (order.get("order_id").asText().equals(orderId)) {
                return order;
            }
        }
        throw new AssertionError("no change reported for order " + orderId + " in " + orders);
    }

    private static Path copyOfRules() throws IOException {
        Path target = Files.createTempDirectory("rules");
        FileTrees.copy(Path.of("rules"), target);
        return target;
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString(), "-c", "user.name=Test",
                "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("git " + String.join(" ", args)).isZero();
    }
}
