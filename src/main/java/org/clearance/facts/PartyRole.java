package org.clearance.facts;

/** The role a party plays in one order. */
public enum PartyRole {
    SELLER("/seller"), BUYER("/buyer"), CONSIGNEE("/consignees"), END_USER("/end_user"),
    FREIGHT_FORWARDER("/freight_forwarder"), PAYER("/payment/payer");

    private final String pointer;

    PartyRole(String pointer) {
        this.pointer = pointer;
    }

    /** JSON pointer of the role in the order; consignees add their index. */
    public String pointer() {
        return pointer;
    }

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
