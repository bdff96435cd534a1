package org.clearance.facts;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One contribution to an order's risk score: what it is ({@code factor}, e.g. {@code chp-tier-1}, {@code country-source}
 * or a red-flag rule id), its points (from {@code rules/data/common/risk-points.csv}) and a plain-words explanation.
 * Classification rules derive these; {@code ALL-RISK-01} sums them. Equal factors of one order count once.
 */
public record RiskFactor(String orderId, String factor, int points, String explanation) implements OrderScoped {

    /** Highest points first, then by factor: the order in which a message explains a score. */
    public static final Comparator<RiskFactor> LARGEST_FIRST = Comparator
            .comparingInt((RiskFactor f) -> -f.points()).thenComparing(f -> f.factor()).thenComparing(f -> f.explanation());

    /** The sum of the points of the distinct factors collected by a rule. */
    public static int total(Collection<?> factors) {
        return distinct(factors).stream().mapToInt(RiskFactor::points).sum();
    }

    /** Each contribution in plain words, largest first: "+4 CHP item of tier 1; +6 Kazakhstan (KZ) ...". */
    public static String explain(Collection<?> factors) {
        return distinct(factors).stream().map(f -> "+" + f.points() + " " + f.explanation())
                .collect(Collectors.joining("; "));
    }

    /** The factors collected by a rule, without duplicates, largest first. */
    public static List<RiskFactor> distinct(Collection<?> factors) {
        TreeSet<RiskFactor> sorted = new TreeSet<>(LARGEST_FIRST);
        factors.forEach(f -> sorted.add((RiskFactor) f));
        return List.copyOf(sorted);
    }

    /**
     * The item-tier contribution: the CHP tier among {@code tiers} worth the most points in {@code pointRows}
     * (rows of common/risk-points keyed {@code chp-tier-<tier>}); null when no tier has points.
     */
    public static RiskFactor highestTier(String orderId, Collection<?> tiers, Collection<?> pointRows) {
        RiskFactor best = null;
        for (String tier : new TreeSet<String>(tiers.stream().map(t -> String.valueOf(t)).toList())) {
            DataRow row = row(pointRows, "chp-tier-" + tier);
            if (row != null && (best == null || points(row) > best.points())) {
                best = new RiskFactor(orderId, row.key(), points(row), row.get("label") + " (Common High Priority List)");
            }
        }
        return best;
    }

    /**
     * The country contribution: among the diversion-risk countries of an order ({@code namedRows}: rows of
     * common/diversion-countries), the one named by the most distinct sources, worth {@code perSource} points each.
     */
    public static RiskFactor highestCountry(String orderId, Collection<?> namedRows, DataRow perSource) {
        Map<String, TreeSet<String>> sources = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (Object o : namedRows) {
            DataRow row = (DataRow) o;
            sources.computeIfAbsent(row.key(), k -> new TreeSet<>()).add(row.get("source"));
            names.putIfAbsent(row.key(), row.get("country"));
        }
        String country = null;
        for (Map.Entry<String, TreeSet<String>> e : sources.entrySet()) {
            if (country == null || e.getValue().size() > sources.get(country).size()) {
                country = e.getKey();
            }
        }
        if (country == null) {
            return null;
        }
        int count = sources.get(country).size();
        return new RiskFactor(orderId, "country-source", count * points(perSource), String.format(
                "%s (%s) is a diversion-risk country named by %d source(s): %s", names.get(country), country, count,
                String.join(", ", sources.get(country))));
    }

    /**
     * The trade-statistics contribution: among the computed country risks of the order's countries
     * ({@code risks}: {@link CountryRisk} facts), the highest score, worth {@code perHundred} points per 100
     * points of score, rounded down (a small surge adds nothing); null when that is no point at all.
     */
    public static RiskFactor highestTradeRisk(String orderId, Collection<?> risks, DataRow perHundred) {
        CountryRisk highest = null;
        for (Object o : risks) {
            CountryRisk risk = (CountryRisk) o;
            if (highest == null || risk.score() > highest.score()
                    || (risk.score() == highest.score() && risk.country().compareTo(highest.country()) < 0)) {
                highest = risk;
            }
        }
        if (highest == null) {
            return null;
        }
        int points = highest.score() * points(perHundred) / 100;
        if (points == 0) {
            return null;
        }
        return new RiskFactor(orderId, "country-trade-risk", points, String.format(
                "%s has a computed trade-surge risk of %d/100 (%s)", highest.country(), highest.score(),
                highest.evidence().isBlank() ? "no evidence recorded" : highest.evidence()));
    }

    private static DataRow row(Collection<?> rows, String key) {
        for (Object row : rows) {
            if (row instanceof DataRow dataRow && key.equals(dataRow.key())) {
                return dataRow;
            }
        }
        return null;
    }

    private static int points(DataRow row) {
        return Integer.parseInt(row.get("points"));
    }
}
