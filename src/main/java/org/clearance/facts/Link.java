package org.clearance.facts;

/** How a country is tied to an order: a place on the route or the home of a party in a role. */
public enum Link {
    ORIGIN, TRANSIT, DESTINATION, SELLER, BUYER, CONSIGNEE, END_USER, FREIGHT_FORWARDER, PAYER;

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
