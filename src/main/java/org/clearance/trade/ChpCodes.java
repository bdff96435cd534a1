package org.clearance.trade;

import java.util.Set;
import java.util.stream.Collectors;
import org.clearance.rules.DataSet;
import org.clearance.rules.RulePack;

/** The CHP HS-6 codes are data: the keys of the rule pack's {@code common/chpl} dataset, never a list in code. */
final class ChpCodes {

    static final String DATASET = "common/chpl";

    private ChpCodes() {
    }

    static Set<String> of(RulePack pack) {
        DataSet chpl = pack.dataSets().stream().filter(d -> d.name().equals(DATASET)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the rule pack has no " + DATASET + ".csv"));
        return chpl.rows().stream().map(r -> r.key()).collect(Collectors.toUnmodifiableSet());
    }
}
