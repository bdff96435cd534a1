package org.clearance.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearance.facts.DataCompleteness;

/**
 * What a rule can see of the lists it checks: the data files it reads that their {@code # completeness:} header
 * declares empty or partial. A rule cannot fire on real orders when one of its lookups can only find rows in empty
 * files ({@code dataset == "us/supp5-luxury-hts6"} while that list ships empty); a lookup that takes any of several
 * files ({@code dataset in (…)}) still finds rows in the others. Rules that only ask whether a file is complete
 * ({@code DataCompleteness(…)}, the fail-closed rules) do not count as reading it.
 */
public record RuleCoverage(String ruleId, List<DataCompleteness> gaps, boolean cannotFire) {

    private static final Pattern COMPLETENESS_PATTERN = Pattern.compile("DataCompleteness\\s*\\(");

    public RuleCoverage {
        gaps = List.copyOf(gaps);
    }

    /** One line for lists and tables, e.g. "cannot fire on real orders: us/supp5-luxury-hts6 is empty (…)"; empty when complete. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        for (DataCompleteness gap : gaps) {
            boolean empty = DataCompleteness.EMPTY.equals(gap.level());
            parts.add((empty ? (cannotFire ? "cannot fire on real orders: " : "no data yet: ") + gap.dataset() + " is empty"
                    : "partial data: " + gap.dataset()) + " (" + gap.reason() + ")");
        }
        return String.join("; ", parts);
    }

    /** The coverage of every rule of {@code pack} that reads an incomplete data file, by rule id. */
    public static Map<String, RuleCoverage> incomplete(RulePack pack) {
        Map<String, RuleCoverage> incomplete = new TreeMap<>();
        RuleCatalogue.ruleSources(pack).forEach((id, source) -> {
            RuleCoverage coverage = of(pack, id, source);
            if (!coverage.gaps().isEmpty()) {
                incomplete.put(id, coverage);
            }
        });
        return incomplete;
    }

    static RuleCoverage of(RulePack pack, RuleInfo rule, String ruleSource) {
        return of(pack, rule.id(), ruleSource);
    }

    private static RuleCoverage of(RulePack pack, String ruleId, String ruleSource) {
        Map<String, DataCompleteness> gaps = new LinkedHashMap<>();
        boolean cannotFire = false;
        for (List<String> lookup : RuleCatalogue.datasetLookups(withoutCompletenessChecks(ruleSource))) {
            boolean allEmpty = !lookup.isEmpty();
            for (String dataset : lookup) {
                Optional<DataCompleteness> declared = completeness(pack, dataset);
                declared.filter(d -> !d.complete()).ifPresent(d -> gaps.putIfAbsent(dataset, d));
                allEmpty &= declared.filter(d -> DataCompleteness.EMPTY.equals(d.level())).isPresent();
            }
            cannotFire |= allEmpty;
        }
        return new RuleCoverage(ruleId, new ArrayList<>(gaps.values()), cannotFire);
    }

    private static Optional<DataCompleteness> completeness(RulePack pack, String dataset) {
        return pack.dataSets().stream().filter(d -> d.name().equals(dataset) && d.completeness() != null)
                .map(DataSet::completeness).findFirst();
    }

    /** The source with every {@code DataCompleteness( … )} pattern cut out (parentheses balanced). */
    static String withoutCompletenessChecks(String source) {
        StringBuilder kept = new StringBuilder();
        int from = 0;
        Matcher start = COMPLETENESS_PATTERN.matcher(source);
        while (start.find(from)) {
            kept.append(source, from, start.start());
            int depth = 1;
            int i = start.end();
            while (i < source.length() && depth > 0) {
                char c = source.charAt(i++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            from = i;
        }
        return kept.append(source.substring(from)).toString();
    }
}
