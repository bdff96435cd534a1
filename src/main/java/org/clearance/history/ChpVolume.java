package org.clearance.history;

import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearance.facts.Line;
import org.clearance.facts.Order;
import org.clearance.rules.RulePack;

/**
 * How much of an order is CHP goods: its lines whose HS-6 code is in the pack's {@code common/chpl} (the list
 * ALL-CHP-00 classifies with) and their summed quantity. Lines without a quantity count as lines, not as units.
 */
public record ChpVolume(int lines, BigDecimal quantity) {

    /** The HS-6 codes of the pack's Common High Priority List. */
    public static Set<String> chpCodes(RulePack pack) {
        return pack.dataSets().stream().filter(d -> d.name().equals("common/chpl"))
                .flatMap(d -> d.rows().stream()).map(r -> r.key()).collect(Collectors.toUnmodifiableSet());
    }

    public static ChpVolume of(Order order, Set<String> chpCodes) {
        int lines = 0;
        BigDecimal quantity = BigDecimal.ZERO;
        for (Line line : order.lines()) {
            if (line.hs6() != null && chpCodes.contains(line.hs6())) {
                lines++;
                quantity = line.quantity() == null ? quantity : quantity.add(line.quantity());
            }
        }
        return new ChpVolume(lines, quantity);
    }
}
