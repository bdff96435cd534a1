package org.clearance.facts;

/**
 * What kind of premises a party's address is. Anything but {@code COMMERCIAL} is a red flag for a buyer of
 * sensitive goods (FinCEN &amp; BIS supplemental alert, 19 May 2023: a residential address).
 */
public enum AddressType {
    COMMERCIAL, RESIDENTIAL, VIRTUAL_OFFICE, PO_BOX, FREIGHT_FORWARDER;

    /** True for an address that is not a business's own premises: a home, a virtual office or a PO box. */
    public boolean notBusinessPremises() {
        return this == RESIDENTIAL || this == VIRTUAL_OFFICE || this == PO_BOX;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
