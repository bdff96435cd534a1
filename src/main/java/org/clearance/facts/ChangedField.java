package org.clearance.facts;

/** What an entry of an order's change log changed. */
public enum ChangedField {
    BUYER, CONSIGNEE, END_USER, DESTINATION, PAYER;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
