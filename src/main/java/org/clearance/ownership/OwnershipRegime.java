package org.clearance.ownership;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clearance.facts.DataRow;

/**
 * A regime that treats an entity owned by its listed persons as listed: a row of the rule pack's
 * {@code data/common/ownership-thresholds.csv}. Persons on lists of {@code category} count; an entity reaches the
 * threshold at {@code percent} ({@code atLeast}: "50 % or more", else "more than 50 %"); {@code aggregate} says
 * whether different listed persons' shares are added up.
 */
public record OwnershipRegime(String jurisdiction, String category, BigDecimal percent, boolean atLeast,
                              boolean aggregate) {

    /** The data set the regimes are read from. */
    public static final String DATASET = "common/ownership-thresholds";

    /** The regimes of {@code rows} of {@link #DATASET}; the rule pack's loader has checked the file's shape. */
    public static List<OwnershipRegime> of(List<DataRow> rows) {
        List<OwnershipRegime> regimes = new ArrayList<>();
        for (DataRow row : rows) {
            if (!DATASET.equals(row.dataset())) {
                continue;
            }
            regimes.add(new OwnershipRegime(row.key(), row.get("category"), new BigDecimal(row.get("number")),
                    "at-least".equals(row.get("comparison")), "yes".equals(row.get("aggregate"))));
        }
        return List.copyOf(regimes);
    }

    /** True when {@code share} reaches the threshold. */
    public boolean reaches(BigDecimal share) {
        int compared = share.compareTo(percent);
        return atLeast ? compared >= 0 : compared > 0;
    }

    /** The threshold in words, e.g. {@code 50 % or more}. */
    public String describe() {
        String number = percent.stripTrailingZeros().toPlainString();
        return atLeast ? number + " % or more" : "more than " + number + " %";
    }

    @Override
    public String toString() {
        return jurisdiction.toUpperCase(Locale.ROOT) + " " + category + " " + describe();
    }
}
