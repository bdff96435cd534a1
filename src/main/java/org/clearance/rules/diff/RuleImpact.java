package org.clearance.rules.diff;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clearance.facts.Finding;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderDocument;
import org.clearance.rules.RulePack;
import org.clearance.rules.guard.TimeBudget;
import org.clearance.screening.PartyMatchSource;
import org.clearance.screening.Progress;
import org.clearance.screening.Screener;
import org.clearance.screening.ScreeningResult;

/**
 * Replays an order corpus on two rule packs (nothing is stored) and reports every order whose
 * decision or findings differ, naming for each changed finding its rule and how that rule changed.
 * A rule that did not change itself is blamed on the upstream changes it depends on (changed
 * classification rules and data files).
 */
public final class RuleImpact {

    private final PartyMatchSource partyMatches;
    private final Duration budget;
    private final Progress progress;

    /** {@code budget} bounds the replay on each pack: either may be a candidate with a rule that never finishes. */
    public RuleImpact(PartyMatchSource partyMatches, Duration budget) {
        this(partyMatches, budget, Progress.NONE);
    }

    /** As above, telling {@code progress} how many orders of the corpus each pack has screened. */
    public RuleImpact(PartyMatchSource partyMatches, Duration budget, Progress progress) {
        this.partyMatches = partyMatches;
        this.budget = budget;
        this.progress = progress;
    }

    public ImpactReport compare(RulePack base, String baseLabel, RulePack head, String headLabel,
                                List<OrderDocument> corpus, LocalDate asOf) {
        PackChanges changes = PackChanges.between(base, head);
        Screener.Batch before = replay("the screenings on the base pack", base, corpus, asOf);
        Screener.Batch after = replay("the screenings on the compared pack", head, corpus, asOf);
        List<InputProblem> errors = new ArrayList<>(before.problems());
        List<ImpactReport.OrderChange> orders = new ArrayList<>();
        for (int i = 0; i < before.items().size(); i++) {
            ScreeningResult was = before.items().get(i).result();
            ScreeningResult is = after.items().get(i).result();
            if (was == null || is == null) {
                continue;
            }
            Set<ImpactReport.FindingKey> wasKeys = keys(was);
            Set<ImpactReport.FindingKey> isKeys = keys(is);
            List<ImpactReport.FindingKey> gained = isKeys.stream().filter(k -> !wasKeys.contains(k)).toList();
            List<ImpactReport.FindingKey> lost = wasKeys.stream().filter(k -> !isKeys.contains(k)).toList();
            if (gained.isEmpty() && lost.isEmpty() && was.decision() == is.decision()) {
                continue;
            }
            orders.add(new ImpactReport.OrderChange(is.orderId(), is.source(), was.decision(), is.decision(), gained, lost,
                    causes(gained, lost, changes)));
        }
        int replayed = (int) before.items().stream().filter(Screener.Item::screened).count();
        return new ImpactReport(new ImpactReport.Side(baseLabel, base.hash()), new ImpactReport.Side(headLabel, head.hash()),
                changes, replayed, orders, errors);
    }

    private Screener.Batch replay(String what, RulePack pack, List<OrderDocument> corpus, LocalDate asOf) {
        Progress named = (phase, done, total) -> progress.update(what, done, total);
        return TimeBudget.run(what, budget, () -> new Screener(pack, partyMatches).reportingTo(named)
                .screenDocuments(corpus, asOf));
    }

    private static Set<ImpactReport.FindingKey> keys(ScreeningResult result) {
        Set<ImpactReport.FindingKey> keys = new LinkedHashSet<>();
        for (Finding finding : result.findings()) {
            keys.add(new ImpactReport.FindingKey(finding.ruleId(), finding.subjectPointer(), finding.severity().name(),
                    finding.subjectLabel()));
        }
        return keys;
    }

    private static List<ImpactReport.Cause> causes(List<ImpactReport.FindingKey> gained, List<ImpactReport.FindingKey> lost,
                                                   PackChanges changes) {
        Map<String, PackChanges.RuleChange> byRule = changes.rules().stream()
                .collect(Collectors.toMap(PackChanges.RuleChange::ruleId, Function.identity()));
        TreeSet<String> ruleIds = new TreeSet<>();
        gained.forEach(k -> ruleIds.add(k.ruleId()));
        lost.forEach(k -> ruleIds.add(k.ruleId()));
        List<ImpactReport.Cause> causes = new ArrayList<>();
        for (String ruleId : ruleIds) {
            PackChanges.RuleChange change = byRule.get(ruleId);
            if (change != null) {
                causes.add(new ImpactReport.Cause(ruleId, change.change()
                        + (change.change().equals("changed") ? ": " + String.join("; ", change.details()) : "")));
                continue;
            }
            List<String> data = changes.data().stream().filter(d -> d.readBy().contains(ruleId))
                    .map(d -> d.file() + " " + d.change()).toList();
            if (!data.isEmpty()) {
                causes.add(new ImpactReport.Cause(ruleId, "unchanged; reads " + String.join(", ", data)));
                continue;
            }
            List<String> upstream = new ArrayList<>(changes.rules().stream().map(c -> c.ruleId() + " " + c.change()).toList());
            changes.data().forEach(d -> upstream.add(d.file() + " " + d.change()));
            causes.add(new ImpactReport.Cause(ruleId, "unchanged; its inputs changed upstream ("
                    + String.join(", ", upstream) + ")"));
        }
        return causes;
    }
}
