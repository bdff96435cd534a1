package org.clearance.rules.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.clearance.facts.CountryRisk;
import org.clearance.facts.PartyMatch;
import org.clearance.licences.LicenceView;
import org.clearance.screening.Decision;
import org.clearance.screening.ScreeningResult;

/**
 * One test case from a {@code *.tests.yaml} file: an order (built from a base order and changes,
 * or given whole), optionally its buyer's history (the {@code history:} fixture; null without one) and the
 * computed country risks its session sees (the {@code country_risk:} fixture; none unless the case gives them),
 * and what must come out of screening it. {@code expectedVerdicts} (regimes a case names under {@code verdicts:},
 * each CLEAR, REVIEW, BLOCK or NOT_APPLICABLE) and {@code expectedNexus} (the ids of the nexus rules that decided
 * applicability, under {@code nexus:}; null when the case does not say) and {@code expectedReasons} (by regime, text
 * that one of its applicability reasons must contain, under {@code reasons:}) and {@code expectedRiskScore} (the
 * order's risk score, the sum of its risk factors, under {@code risk_score:}) and {@code expectedMessages} (by rule
 * id, text that one of that rule's findings must say, under {@code messages:}) are checked only when given.
 * {@code licences} is the case's licence register (the {@code licences:} fixture, in the import's JSON format);
 * {@code unmappedListJurisdictions} the regimes that review a match on a list the pack does not map (the
 * {@code unmapped_list_jurisdictions:} setting; all four unless the case says).
 */
public record RuleCase(String file, int number, String name, JsonNode order, Decision expectedDecision,
                       List<String> expectedRules, HistoryFixture history, List<CountryRisk> countryRisks,
                       java.util.Map<org.clearance.facts.Jurisdiction, Decision> expectedVerdicts,
                       List<String> expectedNexus, List<LicenceView> licences,
                       java.util.Map<org.clearance.facts.Jurisdiction, List<String>> expectedReasons,
                       Integer expectedRiskScore, java.util.Map<String, List<String>> expectedMessages,
                       List<String> unmappedListJurisdictions) {

    public RuleCase {
        expectedMessages = expectedMessages == null ? java.util.Map.of() : java.util.Map.copyOf(expectedMessages);
        expectedReasons = expectedReasons == null ? java.util.Map.of() : java.util.Map.copyOf(expectedReasons);
        licences = licences == null ? List.of() : List.copyOf(licences);
        expectedRules = expectedRules.stream().sorted().toList();
        countryRisks = countryRisks == null ? List.of() : List.copyOf(countryRisks);
        expectedVerdicts = expectedVerdicts == null ? java.util.Map.of() : java.util.Map.copyOf(expectedVerdicts);
        expectedNexus = expectedNexus == null ? null : expectedNexus.stream().sorted().toList();
        unmappedListJurisdictions = unmappedListJurisdictions == null ? PartyMatch.ALL_JURISDICTIONS
                : List.copyOf(unmappedListJurisdictions);
    }

    /**
     * What the case's screening session is set up with beyond the pack and the fixture lists: cases that share it can
     * be screened in one session.
     */
    public SessionSetup sessionSetup() {
        return new SessionSetup(countryRisks, unmappedListJurisdictions);
    }

    /**
     * {@code countryRisks}: the country risk facts of the session; {@code unmappedListJurisdictions}: the regimes that
     * review a match on a list the pack does not map ({@code clearance.lists.unmapped-list-jurisdictions}).
     */
    public record SessionSetup(List<CountryRisk> countryRisks, List<String> unmappedListJurisdictions) {
    }

    /** What earlier screenings say about the case's buyer, as a rule test gives it (no database). */
    public record HistoryFixture(int previousOrders, int previousChpOrders, java.math.BigDecimal previousChpQuantity) {

        /** The buyer history this fixture gives {@code order}, as a screening reads it from the database. */
        public org.clearance.facts.BuyerHistory of(org.clearance.facts.Order order) {
            return new org.clearance.facts.BuyerHistory(order.id(), "fixture", previousOrders, previousChpOrders,
                    previousChpQuantity);
        }
    }

    public String label() {
        return file + " #" + number + " \"" + name + "\"";
    }

    /**
     * How {@code result} differs from what this case expects, in plain words; empty when the case passes. The
     * decision and the decision rules are always compared; the verdicts and the nexus rules (which applicability
     * reasons held) when the case names them. {@code rules test} and the mutation run judge a case by this alone.
     */
    public List<String> differences(ScreeningResult result) {
        return differences(result, Scope.WHOLE_PACK);
    }

    /**
     * What a case of a base layer can judge in a stack of layers. {@code rulesLeftAside} are neither expected nor
     * unexpected (rules of layers outside the case's own, rules the overlay changed, rules the stack does not hold);
     * {@code regimesLeftAside} are the regimes whose applicability no nexus rule of the case's scope decides, so their
     * verdicts and reasons are not compared; with {@code checkDecision} false the decision, the verdicts and the
     * risk score (which those rules may move) are not compared.
     */
    public record Scope(Set<String> rulesLeftAside, Set<org.clearance.facts.Jurisdiction> regimesLeftAside,
                        boolean checkDecision) {

        public static final Scope WHOLE_PACK = new Scope(Set.of(), Set.of(), true);
    }

    /**
     * As {@link #differences(ScreeningResult)} for a case of a layer below the overlay: rules in {@code leftAside}
     * are neither expected nor unexpected, and with {@code checkDecision} false the decision and the verdicts (which
     * the overlay's changes may move) are not compared.
     */
    public List<String> differences(ScreeningResult result, Set<String> leftAside, boolean checkDecision) {
        return differences(result, new Scope(leftAside, Set.of(), checkDecision));
    }

    /** What differs from the case's expectations, judged within {@code scope}. */
    public List<String> differences(ScreeningResult result, Scope scope) {
        Set<String> leftAside = scope.rulesLeftAside();
        boolean checkDecision = scope.checkDecision();
        List<String> differences = new ArrayList<>();
        if (checkDecision && result.decision() != expectedDecision) {
            differences.add("decision: expected " + expectedDecision + ", got " + result.decision());
        }
        Set<String> missing = new TreeSet<>(expectedRules);
        missing.removeAll(result.ruleIds());
        missing.removeAll(leftAside);
        Set<String> unexpected = new TreeSet<>(result.ruleIds());
        unexpected.removeAll(expectedRules);
        unexpected.removeAll(leftAside);
        if (!missing.isEmpty()) {
            differences.add("expected rules that did not fire: " + String.join(", ", missing));
        }
        if (!unexpected.isEmpty()) {
            differences.add("rules that fired but were not expected: " + String.join(", ", unexpected));
        }
        expectedVerdicts.forEach((regime, verdict) -> {
            if (checkDecision && !scope.regimesLeftAside().contains(regime) && result.verdicts().get(regime) != verdict) {
                differences.add("verdict " + regime + ": expected " + verdict + ", got " + result.verdicts().get(regime)
                        + " (" + String.join("; ", result.applicability().get(regime).reasons()) + ")");
            }
        });
        if (expectedNexus != null) {
            List<String> expected = expectedNexus.stream().filter(id -> !leftAside.contains(id)).toList();
            List<String> got = result.nexusRuleIds().stream().filter(id -> !leftAside.contains(id)).sorted().toList();
            if (!expected.equals(got)) {
                differences.add("nexus rules: expected " + expected + ", got " + got);
            }
        }
        if (checkDecision && expectedRiskScore != null && expectedRiskScore != result.risk().score()) {
            differences.add("risk score: expected " + expectedRiskScore + ", got " + result.risk().score() + " ("
                    + result.risk().contributions().stream().map(c -> c.factor() + " " + c.points())
                            .collect(java.util.stream.Collectors.joining(" + ")) + ")");
        }
        expectedMessages.forEach((rule, fragments) -> {
            if (leftAside.contains(rule)) {
                return;
            }
            List<String> messages = result.findings().stream().filter(f -> f.ruleId().equals(rule))
                    .map(org.clearance.facts.Finding::message).toList();
            for (String fragment : fragments) {
                if (messages.stream().noneMatch(m -> m.contains(fragment))) {
                    differences.add("message of " + rule + ": expected one containing \"" + fragment + "\", got "
                            + messages);
                }
            }
        });
        expectedReasons.forEach((regime, fragments) -> {
            if (scope.regimesLeftAside().contains(regime)) {
                return;
            }
            List<String> reasons = result.applicability().get(regime).reasons();
            for (String fragment : fragments) {
                if (reasons.stream().noneMatch(r -> r.contains(fragment))) {
                    differences.add("applicability " + regime + ": expected a reason containing \"" + fragment + "\", got "
                            + reasons);
                }
            }
        });
        return differences;
    }

    /**
     * What the rules derived for the order, in words: every regime's applicability reasons, regime by regime, the risk
     * score with its factors, and each finding's message. It must not change either when a case is screened together
     * with other orders (an accumulate that forgets the order join lists another order's goods, or counts its CHP tier).
     */
    public static List<String> derived(ScreeningResult result) {
        List<String> derived = new ArrayList<>();
        result.applicability().forEach((regime, nexus) -> nexus.reasons().forEach(r -> derived.add(regime + ": " + r)));
        derived.add("risk score " + result.risk().score() + result.risk().contributions().stream()
                .map(c -> c.factor() + " " + c.points()).sorted().toList());
        // A message can read another order's facts where the rule's conditions do not (a list collected for the text).
        result.findings().stream().map(f -> f.ruleId() + ": " + f.message()).sorted().forEach(derived::add);
        return derived;
    }

    /** How {@link #derived} of a case screened with other orders differs from it alone, in words: only what differs. */
    public static String derivedDifference(List<String> together, List<String> alone) {
        List<String> onlyTogether = new ArrayList<>(together);
        onlyTogether.removeAll(alone);
        List<String> onlyAlone = new ArrayList<>(alone);
        onlyAlone.removeAll(together);
        if (onlyTogether.isEmpty() && onlyAlone.isEmpty()) { // the same entries, a different number of times
            onlyTogether = together;
            onlyAlone = alone;
        }
        return "derived " + onlyTogether + " when screened with other orders but " + onlyAlone + " alone";
    }

    /**
     * The decision and nexus rule ids a screening fired, sorted: what must not change when a case is screened together
     * with other orders.
     */
    public static SortedSet<String> firedIds(ScreeningResult result) {
        SortedSet<String> fired = new TreeSet<>(result.ruleIds());
        fired.addAll(result.nexusRuleIds());
        return fired;
    }
}
