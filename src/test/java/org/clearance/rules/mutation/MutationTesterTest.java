package org.clearance.rules.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation testing of a small pack (the shipped de minimis rule with its data and bases): a condition without a
 * near miss survives, named by file, line and rule; an equivalent record counts it out; stale records are problems.
 */
@BesideTheApplication
class MutationTesterTest {

    @TempDir
    Path pack;

    @Test
    void shouldReportAConditionWithoutANearMissAsASurvivorByFileLineAndRule() throws IOException {
        DeMinimisPack.write(pack, DeMinimisPack.casesWithout("US-made modules"));

        MutationReport report = MutationTester.run(pack, 1);

        assertThat(report.survivors()).extracting(r -> r.mutant().survivorMessage())
                .contains(DeMinimisPack.foreignMadeSurvivor() + " changes no test result");
        assertThat(report.overall().percent()).isLessThan(100.0);
        assertThat(report.success(100)).isFalse();
        assertThat(report.results()).filteredOn(r -> r.mutant().rule().id().equals(DeMinimisPack.RULE_ID))
                .filteredOn(r -> r.mutant().operator() == MutationOperator.MOVE_EFFECTIVE)
                .hasSize(2).allMatch(r -> r.status() == MutantResult.Status.KILLED);
        assertThat(report.results()).filteredOn(r -> r.mutant().rule().id().equals(DeMinimisPack.RULE_ID))
                .filteredOn(r -> r.mutant().operator() == MutationOperator.EMPTY_DATASET)
                .isNotEmpty().allMatch(r -> r.status() == MutantResult.Status.KILLED);
    }

    @Test
    void shouldTakeARecordWithALineForTheMutantOnThatLineOnly() throws IOException {
        int line = DeMinimisPack.lineOf("Line( foreignMade");
        DeMinimisPack.write(pack, DeMinimisPack.casesWithout("US-made modules") + """
                equivalent_mutants:
                  - rule: US-DEMIN-01
                    mutant: 'removing "foreignMade"'
                    line: %d
                    reason: test of a record with its line
                  - rule: US-DEMIN-01
                    mutant: 'removing "foreignMade"'
                    line: %d
                    reason: no such mutant on that line
                """.formatted(line, line + 1));

        MutationReport report = MutationTester.run(pack, 1);

        assertThat(report.results()).filteredOn(r -> r.mutant().description().equals("removing \"foreignMade\""))
                .singleElement().satisfies(r -> {
                    assertThat(r.mutant().line()).isEqualTo(line);
                    assertThat(r.status()).isEqualTo(MutantResult.Status.EQUIVALENT);
                    assertThat(r.detail()).isEqualTo("test of a record with its line");
                });
        assertThat(report.problems()).singleElement().asString()
                .contains("has no mutant \"removing \"foreignMade\"\" on line " + (line + 1));
    }

    @Test
    void shouldCountARecordedEquivalentMutantOutAndRejectStaleOrWrongRecords() throws IOException {
        DeMinimisPack.write(pack, DeMinimisPack.casesWithout("US-made modules") + """
                equivalent_mutants:
                  - rule: US-DEMIN-01
                    mutant: 'removing "foreignMade"'
                    reason: test of the record
                  - rule: US-DEMIN-01
                    mutant: 'removing "no such condition"'
                    reason: stale
                """);

        MutationReport report = MutationTester.run(pack, 1);

        assertThat(report.results()).filteredOn(r -> r.mutant().description().equals("removing \"foreignMade\""))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(MutantResult.Status.EQUIVALENT);
                    assertThat(r.detail()).isEqualTo("test of the record");
                });
        assertThat(report.problems()).singleElement().asString()
                .contains("us/de-minimis.tests.yaml equivalent_mutants 2").contains("has no mutant \"removing \"no such condition\"\"");
        assertThat(report.success(0)).isFalse();
    }


    @Test
    void shouldLetANexusMutantSurviveWhenTheCasesDoNotSayWhichApplicabilityReasonsHold() throws IOException {
        EuNexusPack.write(pack, false);

        MutationReport report = MutationTester.run(pack, 2);

        assertThat(bankLookupPointedAtNothing(report).status()).isEqualTo(MutantResult.Status.SURVIVED);
    }

    /** One run of the EU nexus pack (half a minute) for both: a mutant killed by a reason, one that never ends. */
    @Test
    void shouldKillANexusMutantByTheApplicabilityReasonsACaseExpectsAndStopOneThatReFiresForever() throws IOException {
        EuNexusPack.write(pack, true);

        MutationReport report = MutationTester.run(pack, 2);

        assertThat(bankLookupPointedAtNothing(report).status()).isEqualTo(MutantResult.Status.KILLED);
        assertThat(bankLookupPointedAtNothing(report).detail())
                .contains("Paid through a bank in Austria").contains("[EU-NEXUS-00] instead of [EU-NEXUS-03]");
        // "not Applicability( …, applies )" negated matches the rule's own "not applicable": it retracts and re-inserts it forever.
        assertThat(report.results()).filteredOn(r -> r.mutant().rule().id().equals("EU-NEXUS-00")
                        && r.mutant().description().equals("negating \"applies\""))
                .singleElement().satisfies(r -> {
                    assertThat(r.status()).isEqualTo(MutantResult.Status.TIMED_OUT);
                    assertThat(r.detail()).startsWith("did not terminate within").endsWith("a rule keeps re-firing");
                });
        assertThat(report.overall().timedOut()).isPositive();
        assertThat(report.overall().percent()).isEqualTo(100.0 * (report.overall().killed() + report.overall().timedOut())
                / (report.overall().killed() + report.overall().timedOut() + report.overall().survived()));
        java.io.StringWriter text = new java.io.StringWriter();
        MutationReportWriter.text(report, new java.io.PrintWriter(text));
        assertThat(text.toString()).contains("TIMED OUT " + EuNexusPack.RULE_FILE + ":")
                .contains("rule EU-NEXUS-00: negating \"applies\": did not terminate within");
    }

    private static MutantResult bankLookupPointedAtNothing(MutationReport report) {
        return report.results().stream().filter(r -> r.mutant().rule().id().equals("EU-NEXUS-03")
                        && r.mutant().operator() == MutationOperator.EMPTY_DATASET)
                .findFirst().orElseThrow();
    }

    @Test
    void shouldNotJudgeTheConditionMutantsOfARuleTheEngineCannotSwapInPlace() throws IOException {
        org.clearance.rules.FileTrees.copy(Path.of("rules/bases"), pack.resolve("bases"));
        org.clearance.rules.FileTrees.copy(Path.of("rules/data"), pack.resolve("data"));
        java.nio.file.Files.createDirectories(pack.resolve("common/risk"));
        java.nio.file.Files.copy(Path.of("rules/common/chp-items.drl"), pack.resolve("common/chp-items.drl"));
        // ALL-RISK-00D written as it once was, accumulating the same country links as ALL-RISK-00B: Drools shares that
        // condition between them, and taking one rule out breaks it for the other.
        String shipped = java.nio.file.Files.readString(Path.of("rules/common/risk/risk-factors.drl"));
        String sharing = shipped.replace(ALL_RISK_00D_JOINED.indent(4).stripTrailing(),
                ALL_RISK_00D_SHARED.indent(4).stripTrailing());
        assertThat(sharing).isNotEqualTo(shipped);
        java.nio.file.Files.writeString(pack.resolve("common/risk/risk-factors.drl"), sharing);
        java.nio.file.Files.writeString(pack.resolve("common/risk/risk-factors.tests.yaml"), """
                cases:
                  - name: Chips to a Kazakh buyer with a computed trade-surge risk - 4 + 7 + 2
                    base: eu-chips-to-kazakhstan
                    country_risk: [ { country: KZ, score: 50 } ]
                    expect: { decision: CLEAR, rules: [], risk_score: 13 }
                  - name: Chips to a Swiss buyer - 4
                    base: eu-chips-to-switzerland
                    expect: { decision: CLEAR, rules: [], risk_score: 4 }
                """);

        MutationReport report = MutationTester.run(pack, 1);

        assertThat(report.problems()).isEmpty();
        assertThat(report.results()).filteredOn(r -> r.mutant().rule().id().equals("ALL-RISK-00B"))
                .filteredOn(r -> r.mutant().operator() != MutationOperator.MOVE_EFFECTIVE).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(MutantResult.Status.NOT_RUN);
                    assertThat(r.detail()).startsWith("not run: taking this rule out of the compiled pack");
                });
        assertThat(report.results()).filteredOn(r -> r.mutant().rule().id().equals("ALL-RISK-00B"))
                .filteredOn(r -> r.mutant().operator() == MutationOperator.MOVE_EFFECTIVE).hasSize(2)
                .noneMatch(r -> r.status() == MutantResult.Status.NOT_RUN);
        // Killed mutants of the tier rule show that the rules around it still screen as they should.
        assertThat(report.results()).filteredOn(r -> r.mutant().rule().id().equals("ALL-RISK-00A"))
                .anyMatch(r -> r.status() == MutantResult.Status.KILLED);
        assertThat(report.byRule()).filteredOn(s -> s.name().equals("ALL-RISK-00B")).singleElement()
                .satisfies(s -> assertThat(s.notRun()).isPositive());
    }

    @Test
    void shouldDisposeASessionLeftOpenOnTheRuleBaseBeforeItsMutantsAreSwappedIn() throws IOException {
        DeMinimisPack.write(pack, DeMinimisPack.casesWithout("US-made modules"));
        org.clearance.rules.RulePack loaded = org.clearance.rules.RulePackLoader.loadUnshared(pack);
        // A session left open on the rule base, as a stopped check can leave one: the rule base evaluates each rule
        // added later on its facts. The rule's own foreignMade test stops this US-made line; a mutant without it
        // reaches usContentAbove with a threshold that is not a number, and would throw while being swapped out.
        org.kie.api.runtime.KieSession leftOpen = loaded.kieBase().newKieSession();
        leftOpen.insert(new org.clearance.facts.DataRow("us/de-minimis-thresholds", "default",
                java.util.Map.of("percent", "not a number")));
        leftOpen.insert(new org.clearance.facts.Line("left-open", 0, "Modules", "854231", null, null, null, null, null,
                null, "US", null, null, null, null, null, java.math.BigDecimal.TEN));
        java.util.List<String> problems = new java.util.ArrayList<>();
        java.util.Map<String, org.clearance.rules.RuleInfo> rules = loaded.rules().stream().collect(
                java.util.stream.Collectors.toMap(org.clearance.rules.RuleInfo::qualifiedName, r -> r));
        MutantGenerator.RuleMutants deMinimis = MutantGenerator.generate(pack, DeMinimisPack.RULE_FILE, rules, problems)
                .stream().filter(g -> g.rule().id().equals(DeMinimisPack.RULE_ID)).findFirst().orElseThrow();
        java.util.List<org.clearance.rules.cases.RuleCase> cases = MutationTester.casesOf(deMinimis.rule(),
                org.clearance.rules.cases.RuleCaseFiles.readAll(pack, problems));

        java.util.List<MutantResult> results = new MutationWorker(pack, loaded).run(deMinimis, cases);

        assertThat(problems).isEmpty();
        assertThat(loaded.kieBase().getKieSessions()).isEmpty();
        // Judged as in a run without the left session: no case of these kills it (the near miss is left out).
        assertThat(results).filteredOn(r -> r.mutant().description().equals("removing \"foreignMade\""))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(MutantResult.Status.SURVIVED));
        assertThat(results).anyMatch(r -> r.status() == MutantResult.Status.KILLED);
    }

    private static final String ALL_RISK_00D_JOINED = """
                $risks : Set( !isEmpty ) from accumulate(
                    $risk : CountryRisk()
                        and CountryLink( orderId == $order.id, country == $risk.country,
                                         link in (Link.TRANSIT, Link.DESTINATION, Link.BUYER, Link.CONSIGNEE, Link.END_USER) ),
                    collectSet( $risk ) )""";

    private static final String ALL_RISK_00D_SHARED = """
                $countries : Set( !isEmpty ) from accumulate(
                    CountryLink( orderId == $order.id, link in (Link.TRANSIT, Link.DESTINATION, Link.BUYER, Link.CONSIGNEE, Link.END_USER),
                                 $c : country ),
                    collectSet( $c ) )
                $risks : List( !isEmpty ) from accumulate(
                    $risk : CountryRisk( $countries.contains(country) ), collectList( $risk ) )""";
}
