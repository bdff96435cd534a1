package org.clearance.parties.matching;

/** Whether the screened party's country is among the list entry's countries. */
public enum CountryAgreement {
    AGREES, DIFFERS, UNKNOWN
}
