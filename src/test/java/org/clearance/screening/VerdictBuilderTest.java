package org.clearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clearance.facts.Applicability;
import org.clearance.facts.Finding;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;
import org.junit.jupiter.api.Test;

/** The verdict builder: four-valued verdicts from findings and nexus facts, in one place for every rule. */
class VerdictBuilderTest {

    private static final Finding EU_BLOCK = new Finding("o1", "EU-3K-RU-01", Jurisdiction.EU, Severity.BLOCK,
            "Council Regulation (EU) No 833/2014, Art. 3k", null, "prohibited", "/lines/0", "line 1");
    private static final Finding JP_REVIEW = new Finding("o1", "JP-UNLISTED-01", Jurisdiction.JP, Severity.REVIEW,
            "FEFTA Art. 48(3)", null, "classify", "/lines/0", "line 1");
    private static final Finding ALL_REVIEW = new Finding("o1", "ALL-DIV-01", Jurisdiction.ALL, Severity.REVIEW,
            "guidance", null, "diversion risk", "", "order o1");

    private static Applicability fact(Jurisdiction j, boolean applies, boolean known, String reason, String settledBy) {
        return new Applicability("o1", j, applies, known, reason, settledBy, j + "-NEXUS-0" + (applies ? "1" : "0"),
                "citation of " + j, null);
    }

    private static List<Applicability> japaneseExport() {
        return List.of(fact(Jurisdiction.US, false, true, "no US nexus", null),
                fact(Jurisdiction.EU, false, true, "no EU nexus: shipped from JP", null),
                fact(Jurisdiction.UK, false, true, "no UK nexus", null),
                fact(Jurisdiction.JP, true, true, "exported from Japan", null));
    }

    @Test
    void shouldTurnAFindingOfANonApplicableRegimeIntoInfoSayingWhatItWouldBe() {
        VerdictBuilder.Verdicts verdicts = VerdictBuilder.build(List.of(EU_BLOCK, JP_REVIEW), japaneseExport());

        assertThat(verdicts.verdicts()).containsEntry(Jurisdiction.EU, Decision.NOT_APPLICABLE)
                .containsEntry(Jurisdiction.JP, Decision.REVIEW).containsEntry(Jurisdiction.US, Decision.NOT_APPLICABLE);
        assertThat(verdicts.decision()).isEqualTo(Decision.REVIEW);
        Finding eu = verdicts.findings().get(0);
        assertThat(eu.severity()).isEqualTo(Severity.INFO);
        assertThat(eu.message()).startsWith("Would be BLOCK under Council Regulation (EU) No 833/2014, Art. 3k if the EU regime applied")
                .contains("no EU nexus: shipped from JP").endsWith(": prohibited");
        assertThat(verdicts.nexus().get(Jurisdiction.EU).reasons()).containsExactly("EU-NEXUS-00: no EU nexus: shipped from JP (citation of EU)");
    }

    @Test
    void shouldKeepFindingsOfARegimeThatAppliesOnlyBecauseAFieldIsMissingAndNameTheField() {
        List<Applicability> facts = List.of(fact(Jurisdiction.EU, true, false, "nationality of buyer not given", "/buyer/nationality"),
                fact(Jurisdiction.US, false, true, "no US nexus", null), fact(Jurisdiction.UK, false, true, "no UK nexus", null),
                fact(Jurisdiction.JP, true, true, "exported from Japan", null));

        VerdictBuilder.Verdicts verdicts = VerdictBuilder.build(List.of(EU_BLOCK), facts);

        assertThat(verdicts.decision()).isEqualTo(Decision.BLOCK);
        assertThat(verdicts.verdicts()).containsEntry(Jurisdiction.EU, Decision.BLOCK);
        assertThat(verdicts.findings().get(0).message()).contains("EU applies because its nexus is unknown")
                .contains("/buyer/nationality would settle it");
        assertThat(verdicts.nexus().get(Jurisdiction.EU).known()).isFalse();
        assertThat(verdicts.nexus().get(Jurisdiction.EU).settledBy()).containsExactly("/buyer/nationality");
    }

    @Test
    void shouldTreatARegimeWithoutNexusFactsAsApplying() {
        VerdictBuilder.Verdicts verdicts = VerdictBuilder.build(List.of(EU_BLOCK), List.of());

        assertThat(verdicts.verdicts()).containsEntry(Jurisdiction.EU, Decision.BLOCK).containsEntry(Jurisdiction.US, Decision.CLEAR);
        assertThat(verdicts.findings().get(0)).isEqualTo(EU_BLOCK);
        assertThat(verdicts.nexus().get(Jurisdiction.UK).applies()).isTrue();
    }

    @Test
    void shouldCountAFindingForEveryRegimeOnlyWhileSomeRegimeApplies() {
        assertThat(VerdictBuilder.build(List.of(ALL_REVIEW), japaneseExport()).decision()).isEqualTo(Decision.REVIEW);

        List<Applicability> none = List.of(fact(Jurisdiction.US, false, true, "no US nexus", null),
                fact(Jurisdiction.EU, false, true, "no EU nexus", null), fact(Jurisdiction.UK, false, true, "no UK nexus", null),
                fact(Jurisdiction.JP, false, true, "no JP nexus", null));
        VerdictBuilder.Verdicts verdicts = VerdictBuilder.build(List.of(ALL_REVIEW), none);
        assertThat(verdicts.decision()).isEqualTo(Decision.CLEAR);
        assertThat(verdicts.findings().get(0).severity()).isEqualTo(Severity.INFO);
        assertThat(verdicts.verdicts().values()).containsOnly(Decision.NOT_APPLICABLE);
    }
}
