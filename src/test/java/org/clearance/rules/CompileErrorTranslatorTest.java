package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken rule files compiled by the real loader, and the messages their authors read. */
class CompileErrorTranslatorTest {

    private static final String LINE_FIELDS = "orderId, index, description, hsCode, eccn, euControlEntry, quantity, unit, "
            + "value, currency, originCountry, softwareClass, usDirectProduct, jpTable23Item, casNumber, "
            + "concentrationPercent, usContentPercent, cclListed, classified, declaredUsDirectProduct, foreignMade, hs6, "
            + "hs6Display, hsChapter, hsHeading, label, pointer";
    private static final String FACT_TYPES = "Order, Line, ChpLine, RussiaBelarusLink, OrderParty, Party, PartyOwner, PartyIdentifier, RouteStop, CountryLink, "
            + "OrderChange, Payment, Contract, EndUse, BuyerHistory, RiskFactor, DataRow, DataCompleteness, PartyMatch, ListedOwnership, "
            + "CountryRisk, Applicability, CitedAuthorisation, Authorisation, Cover, Finding, Subject, OrderScoped";

    @TempDir
    Path dir;

    @Test
    void shouldNameTheFactsFieldsAndTheClosestOneForAnUnknownField() throws IOException {
        List<String> problems = load(rule("$l : Line( hs_six == \"854231\" )", ""));

        assertThat(problems).containsExactly("us/broken.drl:8: Line has no field hs_six; did you mean hs6? Its fields: "
                + LINE_FIELDS);
    }

    @Test
    void shouldReportAnUnknownFieldOfANestedFactOnceWithoutMvelsEcho() throws IOException {
        List<String> problems = load(rule("$o : Order( buyer.countryy == \"RU\" )", ""));

        assertThat(problems).containsExactly("us/broken.drl:8: Party has no field countryy; did you mean country? "
                + "Its fields: name, country, region, address, type, incorporated, identifiers, addressType, industry, "
                + "incorporatedIn, nationality, owners, typedIdentifiers, incorporationCountry, individual, nationalityUnknown");
    }

    @Test
    void shouldFindTheFieldAnAuthorWroteInTheOrderFilesSnakeCase() throws IOException {
        List<String> problems = load(rule("$l : Line( origin_country == \"CN\" )", ""));

        assertThat(problems).containsExactly("us/broken.drl:8: Line has no field origin_country; did you mean "
                + "originCountry? Its fields: " + LINE_FIELDS);
    }

    @Test
    void shouldTranslateAnUnknownMethodInTheThenPart() throws IOException {
        List<String> problems = load(rule("$l : Line( )", "String code = $l.hs_six();"));

        assertThat(problems).containsExactly("us/broken.drl:5: in the then part: Line has no field hs_six; "
                + "did you mean hs6? Its fields: " + LINE_FIELDS);
    }

    @Test
    void shouldSuggestTheClosestFactTypeOrTheMissingImport() throws IOException {
        List<String> misspelt = load(rule("$l : Lin( hs6 == \"854231\" )", ""));
        List<String> notImported = load(rule("$c : ChpLine( )", ""));

        assertThat(misspelt).containsExactly("us/broken.drl:8: unknown fact type Lin; did you mean Line? Fact types: "
                + FACT_TYPES);
        assertThat(notImported).containsExactly("us/broken.drl:8: fact type ChpLine is not imported: "
                + "add 'import org.clearance.facts.ChpLine;' below the package line");
    }

    @Test
    void shouldNameTheRuleThatLacksEndAndDropTheNullPackageNoise() throws IOException {
        String unclosed = HEADER + "rule \"X-1 first\"\n" + metadata("X-1") + "when\n    $l : Line( )\nthen\n\n"
                + "rule \"X-2 second\"\n" + metadata("X-2") + "when\n    $l : Line( )\nthen\nend\n";
        String endOfFile = HEADER + "rule \"X-1 first\"\n" + metadata("X-1") + "when\n    $l : Line( )\nthen\n";

        assertThat(load(unclosed)).containsExactly("us/broken.drl:16: rule \"X-1 first\" is not closed: write 'end' "
                + "after its then part, before the next rule [Drools: [ERR 102] Line 16:0 mismatched input 'end' in rule \"X-1 first\"]");
        assertThat(load(endOfFile)).containsExactly("us/broken.drl:10: rule \"X-1 first\" is not closed: the file ends "
                + "before its 'end' [Drools: [ERR 102] Line 10:0 mismatched input '<eof>' in rule \"X-1 first\"]");
    }

    @Test
    void shouldNameTheRuleWithUnbalancedParentheses() throws IOException {
        List<String> unclosed = load(rule("$l : Line( (hs6 == \"854231\" )", ""));
        List<String> extra = load(rule("$l : Line( hs6 == \"854231\" ))", ""));

        assertThat(unclosed).containsExactly("us/broken.drl:9: rule \"X-1 broken\": a parenthesis opened in its when part "
                + "is not closed before 'then' [Drools: [ERR 102] Line 9:0 mismatched input 'then' in rule \"X-1 broken\"]");
        assertThat(extra).containsExactly("us/broken.drl:8: rule \"X-1 broken\": a ')' closes a parenthesis that was never "
                + "opened [Drools: [ERR 102] Line 8:32 mismatched input ')' in rule \"X-1 broken\"]");
    }

    @Test
    void shouldPassAnErrorItDoesNotKnowThroughUnchanged() throws IOException {
        List<String> problems = load(rule("$l : Line( hs6 == )", ""));

        assertThat(problems).containsExactly(
                "us/broken.drl:8: [ERR 101] Line 8:22 no viable alternative at input ')' in rule \"X-1 broken\"");
        assertThat(CompileErrorTranslator.translate("unable to resolve method using strict-mode: java.lang.String.lenght()"))
                .isEqualTo("unable to resolve method using strict-mode: java.lang.String.lenght()");
    }

    @Test
    void shouldKeepNamingTheTableRowOfAnErrorInADecisionTable() throws IOException {
        Path table = Path.of("rules/uk/chp-russia-belarus.table.csv");
        String csv = Files.readString(table).replace("$chp : ChpLine()", "$chp : ChpLin()");
        Files.createDirectories(dir.resolve("uk"));
        Files.writeString(dir.resolve("uk/chp-russia-belarus.table.csv"), csv);

        List<String> problems = problems();

        String translated = ": in the rule generated from this row: unknown fact type ChpLin; did you mean ChpLine? "
                + "Fact types: " + FACT_TYPES;
        assertThat(problems).contains("uk/chp-russia-belarus.table.csv:10" + translated,
                "uk/chp-russia-belarus.table.csv:11" + translated);
    }

    private static final String HEADER = """
            package us;
            import org.clearance.facts.Line;
            import org.clearance.facts.Order;
            import org.clearance.facts.Finding;
            """;

    private static String metadata(String id) {
        return "    @id(\"" + id + "\") @jurisdiction(\"US\") @severity(\"BLOCK\") @citation(\"c\") @effective(\"2024-01-01\")\n";
    }

    /** One rule on line 5, its condition on line 8 and its consequence on line 10. */
    private static String rule(String condition, String consequence) {
        return HEADER + "rule \"X-1 broken\"\n" + metadata("X-1") + "when\n    " + condition + "\nthen\n    " + consequence + "\nend\n";
    }

    private List<String> load(String drl) throws IOException {
        Files.createDirectories(dir.resolve("us"));
        Files.writeString(dir.resolve("us/broken.drl"), drl);
        return problems();
    }

    private List<String> problems() {
        RulePackInvalidException e = catchThrowableOfType(RulePackInvalidException.class, () -> RulePackLoader.load(dir));
        assertThat(e).as("the pack must not load").isNotNull();
        return e.problems().stream().map(RulePackProblem::toString).toList();
    }
}
