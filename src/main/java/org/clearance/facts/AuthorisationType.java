package org.clearance.facts;

/**
 * What kind of authorisation an order cites: a specific licence or an approval issued to the exporter (kept in the
 * licence register), or a general licence or regulatory exception that anyone may use on its terms (kept as data
 * files of the rule pack, {@code rules/data/<jurisdiction>/general-authorisations.csv}).
 */
public enum AuthorisationType {
    LICENCE, APPROVAL, GENERAL_LICENCE, EXCEPTION;

    /** True for the kinds issued to one exporter and therefore looked up in the licence register. */
    public boolean registered() {
        return this == LICENCE || this == APPROVAL;
    }

    /** The value as written in an order, e.g. {@code general_licence}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
