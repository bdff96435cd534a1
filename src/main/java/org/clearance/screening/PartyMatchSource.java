package org.clearance.screening;

import java.util.List;
import org.clearance.facts.Order;
import org.clearance.facts.PartyMatch;
import org.clearance.ownership.PartyOwnership;

/**
 * Finds the list matches of an order's parties for the rules. Optional: rule tests and benchmarks screen with
 * {@link #NONE} or fixture lists, the application with the imported lists.
 */
@FunctionalInterface
public interface PartyMatchSource {

    PartyMatchSource NONE = order -> List.of();

    List<PartyMatch> matches(Order order);

    /**
     * The owners of the order's parties (declared in the order, and from the imported ownership file), each with the
     * list entries it matches; empty for a party whose owners are unknown.
     */
    default List<PartyOwnership> ownership(Order order) {
        return List.of();
    }

    /**
     * This source for the orders of one batch: one that remembers what it matched may answer a party it has seen
     * from memory. Ask for one per batch, so that lists imported meanwhile are seen by the next.
     */
    default PartyMatchSource forBatch() {
        return this;
    }
}
