package org.clearance.lists;

import java.util.List;

/** A list code the rule pack does not map to a regime and category, and the regimes its matches are reviewed in. */
public record UnmappedList(String listCode, List<String> reviewedIn) {

    public UnmappedList {
        reviewedIn = List.copyOf(reviewedIn);
    }

    /** For a warning: the code, that the pack lacks it, and what a match gets instead. */
    public String describe() {
        return listCode + " (not in data/common/list-sources.csv: a match is REVIEW in " + String.join(", ", reviewedIn) + ")";
    }
}
