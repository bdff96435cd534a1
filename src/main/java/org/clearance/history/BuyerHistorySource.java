package org.clearance.history;

import java.util.ArrayList;
import java.util.List;
import org.clearance.facts.BuyerHistory;
import org.clearance.facts.Order;

/**
 * Computes, before a batch is screened, what earlier screenings say about each order's buyer. Optional: rule tests
 * use a per-case fixture and the benchmark none; the application reads the database ({@link StoredBuyerHistory}).
 */
@FunctionalInterface
public interface BuyerHistorySource {

    /** No history: no {@link BuyerHistory} fact, so no history rule can fire. */
    BuyerHistorySource NONE = orders -> {
        List<BuyerHistory> none = new ArrayList<>();
        orders.forEach(o -> none.add(null));
        return none;
    };

    /** One history per order, in the orders' order; null for an order without one. */
    List<BuyerHistory> before(List<Order> orders);
}
