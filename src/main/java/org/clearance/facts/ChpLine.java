package org.clearance.facts;

/**
 * Derived fact: a line whose HS-6 code is on the Common High Priority List, with its tier.
 * Inserted by the classification rules in {@code rules/common}.
 */
public record ChpLine(Line line, String tier, String description) implements OrderScoped {

    @Override
    public String orderId() {
        return line.orderId();
    }
}
