package org.clearance.rules.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clearance.facts.Finding;
import org.clearance.facts.Severity;
import org.clearance.packs.PackBuilder;
import org.clearance.packs.PackBundleLimits;
import org.clearance.packs.PackDescription;
import org.clearance.packs.PackKeys;
import org.clearance.packs.PackPull;
import org.clearance.packs.SigningKey;
import org.clearance.packs.TrustedKeys;
import org.clearance.rules.DataSet;
import org.clearance.rules.FileTrees;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePack;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackLoader;
import org.clearance.rules.RulePackProblem;
import org.clearance.rules.cases.RuleCaseRunner;
import org.clearance.rules.cases.RuleTestReport;
import org.clearance.screening.Screener;
import org.clearance.screening.ScreeningResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pulled, signed base pack with a company overlay on top: composed, loaded, screened and tested as one pack, with
 * each file's layer, the overrides' reasons in findings, the overlay's data rows, and every refusal named.
 */
class PackStackTest {

    private static final Path SMALL_PACK = Path.of("src/test/resources/reload-pack").toAbsolutePath();
    private static final String ORDER = "src/test/resources/reload-pack/bases/eu-chips-to-kazakhstan.json";

    @TempDir
    Path work;
    private Path overlay;
    private Path base;

    @BeforeEach
    void pullABaseAndStartAnOverlay() throws IOException {
        Path source = work.resolve("publisher");
        FileTrees.copy(SMALL_PACK, source);
        write(source.resolve("data/common/watch.csv"), """
                # source: test watch list
                # version: 1
                # completeness: partial - test rows
                code,label
                AA,first
                BB,second
                """);
        var pair = PackKeys.generate(PackKeys.Algorithm.ED25519);
        Path bundle = work.resolve("eu-legal-1.4.0.tar.gz");
        PackBuilder.build(source, new PackDescription("eu-legal", "1.4.0", "Test Authority", List.of("EU", "US"), null),
                new SigningKey(pair.getPrivate(), pair.getPublic()), bundle);
        base = PackPull.pull(bundle, TrustedKeys.of(pair.getPublic()), null, work.resolve("packs"), false,
                PackBundleLimits.DEFAULT).folder();
        overlay = Files.createDirectories(work.resolve("overlay"));
        write(overlay.resolve(PackStack.STACK_FILE), "bases:\n  - ../packs/eu-legal/1.4.0\n");
    }

    @Test
    void shouldLoadTheBaseAndTheOverlayAsOnePackWithEachRulesLayerAndTheOverridesInItsFindings() throws IOException {
        write(overlay.resolve("company/kazakhstan.drl"), """
                package company;

                import org.clearance.facts.Finding;
                import org.clearance.facts.Order;

                rule "CO-KZ-01 every order to Kazakhstan is reviewed"
                    @id("CO-KZ-01") @jurisdiction("ALL") @severity("REVIEW")
                    @citation("Acme export policy EP-7, section 3")
                    @effective("2025-01-01")
                when
                    $order : Order( buyer.country == "KZ" )
                then
                    insert(Finding.of(drools.getRule(), $order, "Company policy: orders to Kazakhstan are reviewed."));
                end
                """);
        write(overlay.resolve("company/kazakhstan.tests.yaml"), """
                cases:
                  - name: An order to Kazakhstan on the policy's first day
                    base: eu-chips-to-kazakhstan
                    changes: { date: "2025-01-01" }
                    expect: { decision: REVIEW, rules: [CO-KZ-01] }
                  - name: Near miss - the day before the policy
                    base: eu-chips-to-kazakhstan
                    changes: { date: "2024-12-31" }
                    expect: { decision: CLEAR, rules: [] }
                  - name: Near miss - the buyer is in Uzbekistan
                    base: eu-chips-to-kazakhstan
                    changes: { buyer: { country: "UZ" } }
                    expect: { decision: CLEAR, rules: [] }
                  - name: Without the no-Russia clause the raised rule blocks
                    base: eu-chips-to-kazakhstan
                    changes: { contract: { no_russia_clause: false } }
                    expect: { decision: BLOCK, rules: [CO-KZ-01, EU-12G-01] }
                """);
        write(overlay.resolve("data/common/watch.csv"), """
                # source: Acme internal watch list
                # version: 2026-12
                code,label
                CC,third
                """);
        write(overlay.resolve(Overrides.FILE), """
                rules:
                  - rule: EU-12G-01
                    severity: BLOCK
                    reason: Our board does not sell to Central Asia without the clause.
                    author: Jane Doe, Head of Export Compliance
                  - rule: US-CRIMEA-01
                    disable: true
                    reason: Covered by our own Ukraine screening.
                    author: Jane Doe, Head of Export Compliance
                data:
                  - file: data/common/watch.csv
                    remove: [BB]
                    reason: Delisted by our own review.
                    author: John Roe
                """);

        RulePack pack = RulePackLoader.load(overlay);

        Layers layers = Layers.of(pack.directory()).orElseThrow();
        assertThat(layers.layers()).extracting(Layers.Layer::label).containsExactly("eu-legal 1.4.0 (Test Authority)", "overlay");
        assertThat(layers.layerOf("eu/no-russia-clause.drl").name()).isEqualTo("eu-legal");
        assertThat(layers.layerOf("company/kazakhstan.drl").overlay()).isTrue();
        RuleInfo raised = pack.rules().stream().filter(r -> r.id().equals("EU-12G-01")).findFirst().orElseThrow();
        assertThat(raised.severity()).isEqualTo(Severity.BLOCK);
        assertThat(raised.line()).as("the catalogue still points at the author's line").isEqualTo(7);
        DataSet watch = pack.dataSets().stream().filter(d -> d.name().equals("common/watch")).findFirst().orElseThrow();
        assertThat(watch.rows()).extracting(row -> row.key()).containsExactly("AA", "CC");

        String order = Files.readString(Path.of(ORDER)).replace("\"no_russia_clause\": true", "\"no_russia_clause\": false");
        ScreeningResult result = new Screener(pack).screen("order", order, null).results().get(0);
        Finding finding = result.findings().stream().filter(f -> f.ruleId().equals("EU-12G-01")).findFirst().orElseThrow();
        assertThat(finding.severity()).isEqualTo(Severity.BLOCK);
        assertThat(finding.override()).contains("severity REVIEW \u2192 BLOCK", "without the clause", "Jane Doe");
        assertThat(result.findings()).filteredOn(f -> f.ruleId().equals("CO-KZ-01")).singleElement()
                .satisfies(f -> assertThat(f.override()).isNull());

        RuleTestReport report = new RuleCaseRunner(pack).run(overlay);
        assertThat(report.failures()).as("the base's cases pass under the overlay, and the overlay's own").isEmpty();
        assertThat(report.uncovered()).isEmpty();
        assertThat(report.passed()).isEqualTo(2 + 4 + 2 + 4); // crimea, no-russia-clause, dual-use, the overlay's
    }

    @Test
    void shouldCatchAnOverlayThatBreaksABaseRulesTests() throws IOException {
        write(overlay.resolve(Overrides.FILE), """
                rules:
                  - rule: EU-DU-01
                    condition: Order( id == $line.orderId, buyer.country != "KZ" )
                    reason: We only care about Kazakhstan elsewhere.
                    author: J. Doe
                """);
        RulePack pack = RulePackLoader.load(overlay);
        assertThat(Files.readString(pack.directory().resolve("eu/dual-use.drl"))).contains("buyer.country != \"KZ\" ) then");
        assertThat(new RuleCaseRunner(pack).run(overlay).failures()).as("a condition leaves its rule to the overlay").isEmpty();

        // Removing a row a base rule's case needs is a change the base's own tests catch.
        write(overlay.resolve("company/watch.drl"), """
                package company;

                import org.clearance.facts.Finding;
                import org.clearance.facts.Order;

                rule "CO-ALL-01 every order is reviewed"
                    @id("CO-ALL-01") @jurisdiction("ALL") @severity("REVIEW")
                    @citation("Acme export policy EP-1")
                    @effective("2020-01-01")
                when
                    $order : Order( )
                then
                    insert(Finding.of(drools.getRule(), $order, "Reviewed."));
                end
                """);
        RulePack reviewingAll = RulePackLoader.load(overlay);
        RuleTestReport report = new RuleCaseRunner(reviewingAll).run(overlay);
        assertThat(report.failures()).as("base cases leave the overlay's own rules aside").isEmpty();
        assertThat(report.uncovered()).extracting(RuleTestReport.Uncovered::ruleId).containsExactly("CO-ALL-01");
    }

    @Test
    void shouldRefuseLoweringOrDisablingAMandatoryRule() throws IOException {
        Path mandatory = base.resolve("eu/no-russia-clause.drl");
        // A copy of the base whose rule is mandatory (not pulled, so it has no manifest to differ from).
        Path local = work.resolve("local-base");
        FileTrees.copy(base, local);
        Files.delete(local.resolve(".manifest.json"));
        write(local.resolve("eu/no-russia-clause.drl"), Files.readString(mandatory).replace("@severity(\"REVIEW\")",
                "@severity(\"REVIEW\") @mandatory"));
        write(overlay.resolve(PackStack.STACK_FILE), "bases: [../local-base]\n");
        write(overlay.resolve(Overrides.FILE), """
                rules:
                  - { rule: EU-12G-01, severity: INFO, reason: too noisy, author: J. Doe }
                  - { rule: EU-DU-01, severity: REVIEW, reason: we check these by hand, author: J. Doe }
                """);
        assertThat(problems()).extracting(RulePackProblem::message).containsExactly(
                "override of EU-12G-01 refused: the base marks it @mandatory, so it may not be lowered from REVIEW to INFO");

        write(overlay.resolve(Overrides.FILE), "rules:\n  - { rule: EU-12G-01, disable: true, reason: no, author: J. Doe }\n");
        assertThat(problems()).extracting(RulePackProblem::message).containsExactly(
                "override of EU-12G-01 refused: the base marks it @mandatory, so it may not be disabled");

        write(overlay.resolve(Overrides.FILE), "rules:\n  - { rule: EU-12G-01, severity: BLOCK, reason: stricter, author: J. Doe }\n");
        assertThat(RulePackLoader.load(overlay).rules()).filteredOn(r -> r.id().equals("EU-12G-01"))
                .extracting(RuleInfo::severity).containsExactly(Severity.BLOCK);
    }

    @Test
    void shouldNameEveryProblemOfAStackAndLoadNothing() throws IOException {
        write(overlay.resolve("eu/dual-use.drl"), Files.readString(base.resolve("eu/dual-use.drl")));
        write(overlay.resolve(Overrides.FILE), """
                rules:
                  - { rule: NO-SUCH-01, severity: BLOCK, reason: r, author: a }
                  - { rule: EU-12G-01, severity: BLOCK, author: a }
                  - { rule: US-CRIMEA-01, severity: BLOCK, disable: true, reason: r, author: a }
                  - { rule: EU-12G-01, severity: SEVERE, reason: r, author: a, colour: red }
                data:
                  - { file: data/common/watch.csv, remove: [ZZ], reason: r, author: a }
                """);

        assertThat(problems()).extracting(RulePackProblem::toString).containsExactlyInAnyOrder(
                "overrides.yaml: rules[1]: 'reason' is required",
                "overrides.yaml: rules[2] (US-CRIMEA-01): give exactly one of severity, condition and disable: true",
                "overrides.yaml: rules[3]: unknown field 'colour'; expected one of [author, condition, disable, reason, rule, severity]",
                "overrides.yaml: rules[3]: severity 'SEVERE' is not one of [BLOCK, REVIEW, INFO]",
                "eu/dual-use.drl: the overlay and a layer below it both have this file; change a base rule with an entry in overrides.yaml",
                "overrides.yaml: override of NO-SUCH-01: no rule of a .drl file in the stack has this @id (rules of decision tables cannot be overridden)",
                "data/common/watch.csv: overrides.yaml removes rows keyed [ZZ], which this data file does not have (the key is a row's first column)");
    }

    @Test
    void shouldRefuseABaseChangedAfterItWasPulled() throws IOException {
        Path rule = base.resolve("us/crimea.drl");
        write(rule, Files.readString(rule).replace("\"UA\"", "\"XX\""));
        write(base.resolve("us/extra.drl"), "package us;\n");

        assertThat(problems()).extracting(RulePackProblem::toString).containsExactlyInAnyOrder(
                "us/crimea.drl: in base ../packs/eu-legal/1.4.0 differs from its signed manifest: it was changed after the pack was pulled",
                "us/extra.drl: in base ../packs/eu-legal/1.4.0 is not in its signed manifest: it was added after the pack was pulled");
    }

    @Test
    void shouldComposeTheSameLayersToTheSameFolderAndHash() throws IOException {
        RulePack first = RulePackLoader.load(overlay);
        RulePack again = RulePackLoader.load(overlay);
        assertThat(again.directory()).isEqualTo(first.directory());
        assertThat(again.hash()).isEqualTo(first.hash());
        assertThat(RulePackLoader.packFiles(overlay)).contains(first.directory().resolve(Layers.FILE));

        // Someone changed the composed folder: it is composed again.
        Path composedRule = first.directory().resolve("us/crimea.drl");
        write(composedRule, Files.readString(composedRule).replace("\"UA\"", "\"XX\""));
        RulePack afterTampering = RulePackLoader.load(overlay);
        assertThat(afterTampering.hash()).isEqualTo(first.hash());
        assertThat(Files.readString(afterTampering.directory().resolve("us/crimea.drl"))).contains("\"UA\"");

        write(overlay.resolve(Overrides.FILE), "rules:\n  - { rule: EU-DU-01, severity: REVIEW, reason: r, author: a }\n");
        assertThat(RulePackLoader.load(overlay).hash()).as("an override is part of the pack").isNotEqualTo(first.hash());
    }

    private List<RulePackProblem> problems() {
        try {
            RulePackLoader.load(overlay);
        } catch (RulePackInvalidException e) {
            return e.problems();
        }
        throw new AssertionError("the stack loaded");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
