package org.clearance.screening;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clearance.facts.Applicability;
import org.clearance.facts.Cover;
import org.clearance.facts.Finding;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.Severity;

/**
 * Turns what the rules concluded into verdicts, in one place for every rule: a regime without a nexus to the order
 * gets NOT_APPLICABLE with its reason, and its BLOCK/REVIEW findings become INFO ("would be BLOCK under … if the EU
 * regime applied"), so a multinational still sees them; a regime that applies only because a deciding field is
 * missing keeps its findings, each saying which field would settle it. The decision counts applicable regimes only.
 */
final class VerdictBuilder {

    private VerdictBuilder() {
    }

    /** The verdicts, the findings as they count, and the nexus of each reported regime. */
    record Verdicts(Decision decision, Map<Jurisdiction, Decision> verdicts, List<Finding> findings,
                    Map<Jurisdiction, NexusView> nexus) {
    }

    static Verdicts build(List<Finding> findings, List<Applicability> applicability) {
        return build(findings, applicability, List.of());
    }

    static Verdicts build(List<Finding> findings, List<Applicability> applicability, List<Cover> covers) {
        Map<Jurisdiction, NexusView> nexus = nexus(applicability);
        boolean anyApplies = nexus.values().stream().anyMatch(NexusView::applies);
        List<Finding> counted = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            counted.add(counted(covered(finding, covers), nexus, anyApplies));
        }
        Map<Jurisdiction, Decision> verdicts = new LinkedHashMap<>();
        for (Jurisdiction jurisdiction : Jurisdiction.REPORTED) {
            verdicts.put(jurisdiction, nexus.get(jurisdiction).applies()
                    ? Decision.of(counted.stream().filter(f -> f.jurisdiction().covers(jurisdiction)).toList())
                    : Decision.NOT_APPLICABLE);
        }
        return new Verdicts(Decision.of(counted), verdicts, counted, nexus);
    }

    /** Each reported regime's nexus; a pack without nexus rules for a regime leaves it applying (unknown = applies). */
    static Map<Jurisdiction, NexusView> nexus(List<Applicability> applicability) {
        Map<Jurisdiction, NexusView> nexus = new LinkedHashMap<>();
        for (Jurisdiction jurisdiction : Jurisdiction.REPORTED) {
            List<Applicability> facts = applicability.stream().filter(a -> a.jurisdiction() == jurisdiction)
                    .sorted(java.util.Comparator.comparing(Applicability::ruleId)
                            .thenComparing(a -> a.reason() == null ? "" : a.reason()))
                    .toList();
            if (facts.isEmpty()) {
                // A pack without nexus rules screens as before nexus rules existed: every regime applies.
                nexus.put(jurisdiction, new NexusView(true, true,
                        List.of("this rule pack has no nexus rules for " + jurisdiction + ": treated as applying"), List.of(),
                        List.of()));
                continue;
            }
            List<Applicability> applying = facts.stream().filter(Applicability::applies).toList();
            boolean applies = !applying.isEmpty();
            boolean known = !applies || applying.stream().anyMatch(Applicability::known);
            List<Applicability> shown = applies ? applying : facts;
            List<String> settledBy = applies && !known ? applying.stream().map(Applicability::settledBy)
                    .filter(s -> s != null).distinct().toList() : List.of();
            nexus.put(jurisdiction, new NexusView(applies, known, shown.stream().map(VerdictBuilder::reason).toList(),
                    settledBy, shown.stream().map(Applicability::ruleId).distinct().toList()));
        }
        return nexus;
    }

    private static String reason(Applicability fact) {
        return fact.ruleId() + ": " + fact.reason() + " (" + fact.citation()
                + ("verify".equals(fact.confidence()) ? " [verify]" : "") + ")";
    }

    private static Finding counted(Finding finding, Map<Jurisdiction, NexusView> nexus, boolean anyApplies) {
        if (finding.severity() == Severity.INFO) {
            return finding;
        }
        if (finding.jurisdiction() == Jurisdiction.ALL) {
            return anyApplies ? finding : downgraded(finding, "no regime of this rule pack applies");
        }
        NexusView regime = nexus.get(finding.jurisdiction());
        if (!regime.applies()) {
            return downgraded(finding, regime.reasons().stream().map(VerdictBuilder::withoutRuleId)
                    .collect(Collectors.joining("; ")));
        }
        if (!regime.known()) {
            // The reasons are in the verdict's applicability; the finding names only what would settle it.
            return withMessage(finding, finding.severity(), finding.message() + " [" + finding.jurisdiction()
                    + " applies because its nexus is unknown"
                    + (regime.settledBy().isEmpty() ? "" : ": " + String.join(", ", regime.settledBy()) + " would settle it")
                    + "]");
        }
        return finding;
    }

    /**
     * A finding a valid authorisation covers counts with the covering rule's severity (never a more severe one) and
     * says which authorisation covers it; several covers of one finding are all named.
     */
    private static Finding covered(Finding finding, List<Cover> covers) {
        List<Cover> applying = covers.stream().filter(c -> c.covers(finding))
                .sorted(java.util.Comparator.comparing(Cover::authorisation)).toList();
        if (applying.isEmpty()) {
            return finding;
        }
        Severity severity = applying.stream().map(Cover::severity).min(java.util.Comparator.naturalOrder()).orElseThrow(); // the strictest
        if (severity.compareTo(finding.severity()) < 0) {
            severity = finding.severity(); // a cover lowers a finding's weight, it never raises it
        }
        return withMessage(finding, severity, finding.message() + " [Covered by " + applying.stream()
                .map(c -> c.authorisation() + " (" + c.ruleId() + ")").collect(Collectors.joining("; "))
                + ": counts as " + severity + " instead of " + finding.severity() + "]");
    }

    private static Finding downgraded(Finding finding, String why) {
        String regime = finding.jurisdiction() == Jurisdiction.ALL ? "any regime" : "the " + finding.jurisdiction() + " regime";
        return withMessage(finding, Severity.INFO, "Would be " + finding.severity() + " under " + finding.citation()
                + " if " + regime + " applied to this order (" + why + "): " + finding.message());
    }

    private static String withoutRuleId(String reason) {
        int colon = reason.indexOf(": ");
        return colon < 0 ? reason : reason.substring(colon + 2);
    }

    private static Finding withMessage(Finding finding, Severity severity, String message) {
        return new Finding(finding.orderId(), finding.ruleId(), finding.jurisdiction(), severity, finding.citation(),
                finding.confidence(), message, finding.subjectPointer(), finding.subjectLabel(), finding.override());
    }
}
