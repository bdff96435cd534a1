package org.clearance.screening;

import java.util.List;

/**
 * Whether a regime binds an order and why, as reported with the verdicts. {@code known} is false when the regime
 * applies only because a deciding field is missing; {@code settled_by} then lists the fields (JSON pointers) that
 * would settle it. {@code reasons} cite the criterion each nexus rule found, with its rule id; {@code rules} are
 * those ids.
 */
public record NexusView(boolean applies, boolean known, List<String> reasons, List<String> settledBy,
                        List<String> rules) {

    public NexusView {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        settledBy = settledBy == null ? List.of() : List.copyOf(settledBy);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
