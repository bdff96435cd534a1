package org.clearance.facts;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What earlier screenings say about an order's buyer, computed before a batch is screened: how many other
 * orders of the same buyer (same normalised name and country) were screened with an as-of date on or before
 * this order's, how many of them had CHP lines, and their CHP quantity in total (units as ordered).
 * Absent when Clearance screens without a database (CLI rule tests use a {@code history:} fixture).
 */
public record BuyerHistory(String orderId, String buyerKey, int previousOrders, int previousChpOrders,
                           BigDecimal previousChpQuantity) implements OrderScoped {

    public BuyerHistory {
        previousChpQuantity = previousChpQuantity == null ? BigDecimal.ZERO : previousChpQuantity;
    }

    /** True when no other order of this buyer was screened before. */
    public boolean newBuyer() {
        return previousOrders == 0;
    }

    /** The mean CHP quantity of the buyer's earlier orders with CHP lines; zero when there were none. */
    public BigDecimal averageChpQuantity() {
        return previousChpOrders == 0 ? BigDecimal.ZERO
                : previousChpQuantity.divide(BigDecimal.valueOf(previousChpOrders), 2, RoundingMode.HALF_UP);
    }
}
