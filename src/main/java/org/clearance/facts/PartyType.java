package org.clearance.facts;

/** The kind of business a party is; drives red flags such as "freight forwarder as end user". */
public enum PartyType {
    MANUFACTURER, DISTRIBUTOR, TRADER, FREIGHT_FORWARDER, BANK, GOVERNMENT, MILITARY, INDIVIDUAL, OTHER
}
