package org.clearance.rules.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule test runner catches what a case-by-case run cannot: rules that mix the facts of several orders. */
class RuleCaseRunnerTest {

    @TempDir
    Path pack;

    @Test
    void shouldFailACaseWhoseResultChangesWhenScreenedWithOtherOrders() throws IOException {
        Files.writeString(pack.resolve("leaky.drl"), """
                package leaky;
                import org.clearance.facts.Line;
                import org.clearance.facts.OrderParty;
                import org.clearance.facts.Finding;
                rule "LEAK-1 Lines of any order are flagged when some order has a Russian buyer"
                    @id("LEAK-1") @jurisdiction("EU") @severity("REVIEW") @citation("test") @effective("2025-01-10")
                when
                    $l : Line()
                    exists OrderParty( country == "RU" )
                then
                    insert(Finding.of(drools.getRule(), $l, "leak"));
                end
                """);
        Files.writeString(pack.resolve("leaky.tests.yaml"), russianKazakhAndDayBefore("LEAK-1"));

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.passed()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.testCase()).isEqualTo("leaky.tests.yaml #2 \"Kazakh buyer\"");
            assertThat(failure.differences()).singleElement().asString()
                    .contains("when screened with other orders").contains("join every pattern on orderId");
        });
        assertThat(report.uncovered()).isEmpty();
    }

    @Test
    void shouldFailACaseWhoseMessageReadsAnotherOrder() throws IOException {
        Files.writeString(pack.resolve("chatty.drl"), """
                package chatty;
                import java.util.List;
                import org.clearance.facts.Line;
                import org.clearance.facts.OrderParty;
                import org.clearance.facts.Finding;
                rule "CHATTY-1 A line of an order with a Russian buyer names the buyers it sees"
                    @id("CHATTY-1") @jurisdiction("EU") @severity("REVIEW") @citation("test") @effective("2025-01-10")
                when
                    $l : Line()
                    exists OrderParty( orderId == $l.orderId, country == "RU" )
                    $countries : List() from accumulate( OrderParty( $c : country ), collectList( $c ) )
                then
                    insert(Finding.of(drools.getRule(), $l, "parties in " + new java.util.TreeSet($countries)));
                end
                """);
        Files.writeString(pack.resolve("chatty.tests.yaml"), russianKazakhAndDayBefore("CHATTY-1"));

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.testCase()).isEqualTo("chatty.tests.yaml #1 \"Russian buyer\"");
            assertThat(failure.differences()).singleElement().asString()
                    .contains("derived [CHATTY-1: parties in [DE, KZ, RU]] when screened with other orders")
                    .contains("but [CHATTY-1: parties in [DE, RU]] alone")
                    .contains("a rule reads facts of another order");
        });
    }

    @Test
    void shouldRequireCasesOnAndTheDayBeforeTheEffectiveDate() throws IOException {
        Files.writeString(pack.resolve("dated.drl"), """
                package dated;
                import org.clearance.facts.Line;
                import org.clearance.facts.Finding;
                rule "DATED-1 Every line needs review from 10 Jan 2025"
                    @id("DATED-1") @jurisdiction("EU") @severity("REVIEW") @citation("test") @effective("2025-01-10")
                when
                    $l : Line()
                then
                    insert(Finding.of(drools.getRule(), $l, "dated"));
                end
                """);
        String fires = "  - name: fires\n    order: %s\n    expect: { decision: REVIEW, rules: [DATED-1] }\n";
        String silent = "  - name: silent\n    order: %s\n    expect: { decision: CLEAR, rules: [] }\n";
        Files.writeString(pack.resolve("dated.tests.yaml"), "cases:\n"
                + fires.formatted(order("KZ", "2025-03-01")) + silent.formatted(order("KZ", "2024-06-01")));

        RuleTestReport undated = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(undated.failed()).isZero();
        assertThat(undated.uncovered()).singleElement().satisfies(gap -> assertThat(gap.gaps()).containsExactly(
                "has no case dated 2025-01-10 (its @effective date) in dated.tests.yaml where it fires",
                "has no case dated 2025-01-09 (the day before its @effective date) in dated.tests.yaml where it does not fire"));

        Files.writeString(pack.resolve("dated.tests.yaml"), "cases:\n"
                + fires.formatted(order("KZ", "2025-01-10")) + silent.formatted(order("KZ", "2025-01-09")));

        assertThat(new RuleCaseRunner(RulePackLoader.load(pack)).run(pack).uncovered()).isEmpty();
    }

    /** A Russian buyer on which {@code rule} fires, a Kazakh buyer, and the Russian buyer the day before its date. */
    private static String russianKazakhAndDayBefore(String rule) {
        return """
                cases:
                  - name: Russian buyer
                    order: %s
                    expect: { decision: REVIEW, rules: [%s] }
                  - name: Kazakh buyer
                    order: %s
                    expect: { decision: CLEAR, rules: [] }
                  - name: Russian buyer the day before
                    order: %s
                    expect: { decision: CLEAR, rules: [] }
                """.formatted(order("RU"), rule, order("KZ"), order("RU", "2025-01-09").replace("T-RU", "T-RU-0"));
    }

    private static String order(String buyerCountry) {
        return order(buyerCountry, "2025-01-10");
    }

    private static String order(String buyerCountry, String date) {
        return """
                {"id": "T-%s", "date": "%s", "seller": {"name": "Seller GmbH", "country": "DE"},
                 "buyer": {"name": "Buyer", "country": "%s"}, "route": ["DE", "%s"],
                 "lines": [{"description": "desk", "hs_code": "940360"}]}""".formatted(buyerCountry, date, buyerCountry, buyerCountry)
                .replace("\n", " ");
    }

    @Test
    void shouldCompareTheApplicabilityReasonsACaseExpectsAndRejectAMalformedExpectation() throws IOException {
        org.clearance.rules.FileTrees.copy(Path.of("rules/bases"), pack.resolve("bases"));
        org.clearance.rules.FileTrees.copy(Path.of("rules/data"), pack.resolve("data"));
        Files.createDirectories(pack.resolve("eu"));
        Files.copy(Path.of("rules/eu/nexus.drl"), pack.resolve("eu/nexus.drl"));
        String germanMade = """
                    base: jp-machinery-to-russia
                    changes:
                      lines: [ { description: "Spindle assemblies", hs_code: "8466.93.00", quantity: 6, unit: pcs,
                                 currency: JPY, origin_country: DE, us_content_percent: 0, us_direct_product: false } ]
                """;
        Files.writeString(pack.resolve("eu/nexus.tests.yaml"), "cases:\n"
                + "  - name: German-made goods, reason as it is\n" + germanMade
                + "    expect: { decision: CLEAR, rules: [], nexus: [EU-NEXUS-00], reasons: { EU: [\"EU-NEXUS-00: no EU nexus\", \"EU-origin goods (line 1\"] } }\n"
                + "  - name: German-made goods, reason expected wrongly\n" + germanMade
                + "    expect: { decision: CLEAR, rules: [], nexus: [EU-NEXUS-00], reasons: { EU: [\"no EU-origin goods\"] } }\n"
                + "  - name: Japanese goods\n    base: jp-machinery-to-russia\n"
                + "    expect: { decision: CLEAR, rules: [], nexus: [EU-NEXUS-00], reasons: { EU: [\"no EU-origin goods\"] } }\n");
        Files.writeString(pack.resolve("eu/malformed.tests.yaml"), "cases:\n  - name: reasons as a string\n"
                + "    base: jp-machinery-to-russia\n    expect: { decision: CLEAR, rules: [], reasons: { EU: \"no EU nexus\" } }\n");

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.testCase()).isEqualTo("eu/nexus.tests.yaml #2 \"German-made goods, reason expected wrongly\"");
            assertThat(failure.differences()).singleElement().asString()
                    .startsWith("applicability EU: expected a reason containing \"no EU-origin goods\", got [EU-NEXUS-00: no EU nexus")
                    .contains("EU-origin goods (line 1");
        });
        assertThat(report.fileErrors()).singleElement().asString()
                .isEqualTo("eu/malformed.tests.yaml case 1: expect.reasons must map US, EU, UK or JP to a list of texts its "
                        + "applicability reasons contain");
    }

    @Test
    void shouldCompareTheFindingMessagesACaseExpectsAndRejectOneForARuleItDoesNotExpect() throws IOException {
        org.clearance.rules.FileTrees.copy(Path.of("rules/bases"), pack.resolve("bases"));
        org.clearance.rules.FileTrees.copy(Path.of("rules/data"), pack.resolve("data"));
        Files.createDirectories(pack.resolve("us"));
        Files.copy(Path.of("rules/us/de-minimis.drl"), pack.resolve("us/de-minimis.drl"));
        Files.createDirectories(pack.resolve("common"));
        // The de minimis rule reads the Russia/Belarus links that this classification derives.
        Files.copy(Path.of("rules/common/russia-belarus-links.drl"), pack.resolve("common/russia-belarus-links.drl"));
        String taiwanese = """
                    base: eu-chips-to-russia
                    changes:
                      seller: { name: "Formosa Optronics Ltd", country: "TW", type: manufacturer }
                      lines: [ { description: "Camera modules", hs_code: "8543.70.90", origin_country: "TW",
                                 us_content_percent: 30, quantity: 200, unit: pcs } ]
                """;
        Files.writeString(pack.resolve("us/de-minimis.tests.yaml"), "cases:\n"
                + "  - name: content as the message says it\n" + taiwanese
                + "    expect: { decision: REVIEW, rules: [US-DEMIN-01], messages: { US-DEMIN-01: [\"with 30 % controlled\", \"level of 25 %\"] } }\n"
                + "  - name: content expected wrongly\n" + taiwanese
                + "    expect: { decision: REVIEW, rules: [US-DEMIN-01], messages: { US-DEMIN-01: [\"with 40 % controlled\"] } }\n"
                + "  - name: Near miss - Swiss buyer\n    base: eu-chips-to-switzerland\n    expect: { decision: CLEAR, rules: [] }\n");
        Files.writeString(pack.resolve("us/malformed.tests.yaml"), "cases:\n  - name: message of a rule not expected\n"
                + "    base: eu-chips-to-russia\n    expect: { decision: CLEAR, rules: [], messages: { US-DEMIN-01: [\"level\"] } }\n");

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.testCase()).isEqualTo("us/de-minimis.tests.yaml #2 \"content expected wrongly\"");
            assertThat(failure.differences()).singleElement().asString()
                    .startsWith("message of US-DEMIN-01: expected one containing \"with 40 % controlled\", got [Foreign-made item")
                    .contains("with 30 % controlled US-origin content");
        });
        assertThat(report.fileErrors()).singleElement().asString()
                .isEqualTo("us/malformed.tests.yaml case 1: expect.messages names US-DEMIN-01, which is not in expect.rules");
    }

    @Test
    void shouldScreenACaseWithTheUnmappedListRegimesItNamesAndRejectAnUnknownRegime() throws IOException {
        org.clearance.rules.FileTrees.copy(Path.of("rules/bases"), pack.resolve("bases"));
        org.clearance.rules.FileTrees.copy(Path.of("rules/data"), pack.resolve("data"));
        Files.createDirectories(pack.resolve("common"));
        Files.copy(Path.of("rules/common/unmapped-lists.drl"), pack.resolve("common/unmapped-lists.drl"));
        String ownWatchListBuyer = """
                    base: eu-chips-to-switzerland
                    changes: { buyer: { name: "Brenwick Tallaght Components", country: CH, type: distributor } }
                """;
        Files.writeString(pack.resolve("common/unmapped-lists.tests.yaml"), "cases:\n"
                + "  - name: every regime by default\n" + ownWatchListBuyer
                + "    expect: { decision: REVIEW, rules: [EU-LIST-UNMAPPED-01, JP-LIST-UNMAPPED-01, UK-LIST-UNMAPPED-01, US-LIST-UNMAPPED-01] }\n"
                + "  - name: EU only\n    unmapped_list_jurisdictions: [EU]\n" + ownWatchListBuyer
                + "    expect: { decision: REVIEW, rules: [EU-LIST-UNMAPPED-01] }\n"
                + "  - name: none\n    unmapped_list_jurisdictions: []\n" + ownWatchListBuyer
                + "    expect: { decision: CLEAR, rules: [] }\n");
        Files.writeString(pack.resolve("common/malformed.tests.yaml"), "cases:\n  - name: a regime that is not one\n"
                + "    unmapped_list_jurisdictions: [FR]\n" + ownWatchListBuyer + "    expect: { decision: CLEAR, rules: [] }\n");

        RuleTestReport report = new RuleCaseRunner(RulePackLoader.load(pack)).run(pack);

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isEqualTo(3);
        assertThat(report.fileErrors()).singleElement().asString().isEqualTo("common/malformed.tests.yaml case 1: "
                + "unmapped_list_jurisdictions must be a list of regimes out of US, EU, UK, JP; not \"FR\"");
    }
}
