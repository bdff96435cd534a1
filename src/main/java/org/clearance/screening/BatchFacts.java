package org.clearance.screening;

import java.util.List;

/**
 * Facts computed for each order of a batch before the batch is screened (such as its buyer's history), by the
 * order's position in the batch; the engine inserts them in the order's session.
 */
@FunctionalInterface
public interface BatchFacts {

    BatchFacts NONE = index -> List.of();

    List<?> forOrder(int index);
}
