package org.clearance.trade;

import java.util.Set;
import java.util.stream.Collectors;
import org.clearance.rules.RulePack;

/** The CHP HS-6 codes are data: the keys of the rule pack's {@code common/chpl} dataset, never a list in code. */
final class ChpCodes {

    static final String DATASET = "common/chpl";

    private ChpCodes() {
    }

    /** None when the pack has no CHP list (a pack of a company's own rules): no trade of CHP items to weigh. */
    static Set<String> of(RulePack pack) {
        return pack.dataSets().stream().filter(d -> d.name().equals(DATASET)).findFirst()
                .map(chpl -> chpl.rows().stream().map(r -> r.key()).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }
}
