package org.clearance.trade;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What to compare: the months of {@code period} against the same months of each {@code baseline} year, for CHP
 * exports to Russia, Belarus and {@code neighbours}, and CHP imports from the {@code g7} countries.
 */
public record AnalysisRequest(YearRange baseline, MonthRange period, Set<String> neighbours, Set<String> g7) {

    /** Russia and Belarus: every reporter's exports to them count, whatever the neighbour set. */
    public static final Set<String> TARGETS = Set.of("RU", "BY");
    private static final Pattern ISO2 = Pattern.compile("[A-Z]{2}");

    public AnalysisRequest {
        if (!period.inYear(baseline.last()).last().isBefore(period.first())) {
            throw new InvalidTradeQueryException("baseline", "baseline " + baseline + " must end before the period "
                    + period + " starts");
        }
        neighbours = countries("neighbours", neighbours);
        g7 = countries("g7", g7);
    }

    private static Set<String> countries(String parameter, Collection<String> codes) {
        TreeSet<String> clean = new TreeSet<>();
        for (String code : codes) {
            String c = code.strip().toUpperCase(java.util.Locale.ROOT);
            if (!ISO2.matcher(c).matches()) {
                throw new InvalidTradeQueryException(parameter, "'" + code + "' is not an ISO 3166-1 alpha-2 country code");
            }
            clean.add(c);
        }
        return Collections.unmodifiableSortedSet(clean);
    }

    /** The partners whose CHP imports from {@code reporter} count as possible diversion: Russia, Belarus, neighbours. */
    public Set<String> corridorOf(String reporter) {
        Set<String> corridor = new TreeSet<>(TARGETS);
        corridor.addAll(neighbours);
        corridor.remove(reporter);
        return corridor;
    }
}
