package org.clearance.security;

import java.util.Set;

/** The roles of Clearance; docs/security.md has the endpoint × role matrix. */
public final class Roles {

    /** Screens orders and reads the screenings it submitted. */
    public static final String SCREENER = "screener";
    /** Reads all screenings, dismisses and revokes party matches, works cases. */
    public static final String OFFICER = "officer";
    /** Validates and reloads rule packs, reads rule versions. */
    public static final String RULE_AUTHOR = "rule-author";
    /** Imports sanctions lists and trade statistics. */
    public static final String LIST_MANAGER = "list-manager";
    /** Reads everything, changes nothing. */
    public static final String AUDITOR = "auditor";
    /** Manages API keys and settings. */
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(SCREENER, OFFICER, RULE_AUTHOR, LIST_MANAGER, AUDITOR, ADMIN);

    private Roles() {
    }
}
