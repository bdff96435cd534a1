package org.clearance.facts;

/** A fact that belongs to one order; lets the engine screen many orders in one session. */
public interface OrderScoped {
    String orderId();
}
