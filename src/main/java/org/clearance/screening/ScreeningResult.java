package org.clearance.screening;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.clearance.facts.Applicability;
import org.clearance.facts.Cover;
import org.clearance.facts.Finding;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.PartyMatch;

/**
 * The screening of one order: the decision, a verdict per jurisdiction (a finding marked ALL
 * counts for each; NOT_APPLICABLE when the order has no nexus with the regime), the findings as they count, most
 * severe first, the risk score explained ({@code risk}; null when not computed), why each regime applies or not
 * ({@code applicability}), what the rules were given besides the order, the pack and the lists ({@code context},
 * stored so that a replay can give them the same) and the party matches they were given ({@code partyMatches}, what an
 * officer's disposition refers to).
 */
public record ScreeningResult(String orderId, String source, LocalDate asOf, Decision decision,
                              Map<Jurisdiction, Decision> verdicts, List<Finding> findings, String rulePack,
                              RiskView risk, Map<Jurisdiction, NexusView> applicability, ScreeningContext context,
                              List<PartyMatch> partyMatches) {

    public ScreeningResult {
        partyMatches = partyMatches == null ? List.of() : List.copyOf(partyMatches);
    }

    /** Ends with the message, so that two findings of one rule on one subject (two list entries) keep one order. */
    private static final Comparator<Finding> MOST_SEVERE_FIRST = Comparator.comparing(Finding::severity)
            .thenComparing(Finding::ruleId).thenComparing(Finding::subjectPointer)
            .thenComparing(Finding::message, Comparator.nullsFirst(Comparator.naturalOrder()));

    public static ScreeningResult of(String orderId, String source, LocalDate asOf, List<Finding> findings,
                                     String rulePack) {
        return of(orderId, source, asOf, findings, rulePack, null, List.of(), new ScreeningContext(List.of(), null));
    }

    /** Builds the verdicts from the findings and the nexus facts (see {@link VerdictBuilder}). */
    public static ScreeningResult of(String orderId, String source, LocalDate asOf, List<Finding> findings,
                                     String rulePack, RiskView risk, List<Applicability> applicability,
                                     ScreeningContext context) {
        return of(orderId, source, asOf, findings, rulePack, risk, applicability, List.of(), context);
    }

    /**
     * Builds the verdicts from the findings, the nexus facts and the covers of findings by valid authorisations (see
     * {@link VerdictBuilder}).
     */
    public static ScreeningResult of(String orderId, String source, LocalDate asOf, List<Finding> findings,
                                     String rulePack, RiskView risk, List<Applicability> applicability,
                                     List<Cover> covers, ScreeningContext context) {
        return of(orderId, source, asOf, findings, rulePack, risk, applicability, covers, context, List.of());
    }

    /** As above, keeping the party matches the rules were given. */
    public static ScreeningResult of(String orderId, String source, LocalDate asOf, List<Finding> findings,
                                     String rulePack, RiskView risk, List<Applicability> applicability,
                                     List<Cover> covers, ScreeningContext context, List<PartyMatch> partyMatches) {
        VerdictBuilder.Verdicts verdicts = VerdictBuilder.build(findings, applicability, covers);
        List<Finding> sorted = verdicts.findings().stream().sorted(MOST_SEVERE_FIRST).toList();
        return new ScreeningResult(orderId, source, asOf, verdicts.decision(),
                Collections.unmodifiableMap(verdicts.verdicts()), sorted, rulePack, risk,
                Collections.unmodifiableMap(verdicts.nexus()), context, partyMatches);
    }

    /** The ids of the nexus rules whose conclusions decided the applicability shown, sorted. */
    public List<String> nexusRuleIds() {
        return applicability.values().stream().flatMap(n -> n.rules().stream()).distinct().sorted().toList();
    }

    public List<String> ruleIds() {
        return findings.stream().map(Finding::ruleId).distinct().sorted().toList();
    }
}
