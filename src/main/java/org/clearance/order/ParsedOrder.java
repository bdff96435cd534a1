package org.clearance.order;

import java.util.List;
import org.clearance.facts.Order;

/** The outcome of validating one document: an order, or the problems that prevent screening it. */
public record ParsedOrder(OrderDocument document, Order order, List<InputProblem> problems) {

    public ParsedOrder {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return order != null;
    }
}
