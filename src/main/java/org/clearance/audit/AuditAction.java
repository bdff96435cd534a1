package org.clearance.audit;

/** The actions the audit log records; the names are stored and exported, so they never change once released. */
public final class AuditAction {

    /** A screening was stored; the content hash covers the order as received, decision, verdicts, findings, pack and lists. */
    public static final String SCREENING_STORED = "screening.stored";
    /** A reviewer dismissed a party match as a false positive. */
    public static final String DISMISSAL_CREATED = "dismissal.created";
    /** A dismissal was revoked. */
    public static final String DISMISSAL_REVOKED = "dismissal.revoked";
    /** A list file was imported as the new active version of a source. */
    public static final String LIST_IMPORTED = "list.imported";
    /** An ownership file was imported, replacing the previous ownership data; the hash is the file's. */
    public static final String OWNERSHIP_IMPORTED = "ownership.imported";
    /** A rule pack went live; the subject is its hash. */
    public static final String RULE_PACK_LOADED = "rulepack.loaded";
    /** A rule pack became the active pack of the database, which every server loads; the subject is its hash. */
    public static final String RULE_PACK_ACTIVATED = "rulepack.activated";
    /** A candidate rule pack was refused; the previous pack kept serving. */
    public static final String RULE_PACK_REJECTED = "rulepack.rejected";
    /** An activated pack's overlay overrides a base rule: subject is the rule id, content hash the pack's hash. */
    public static final String RULE_OVERRIDE_ACTIVATED = "rule.override_activated";
    /** An API key was created (subject: its prefix, never the key). */
    public static final String API_KEY_CREATED = "apikey.created";
    /** An API key was revoked. */
    public static final String API_KEY_REVOKED = "apikey.revoked";

    /** A licence or approval was registered; the content hash covers the licence as registered. */
    public static final String LICENCE_REGISTERED = "licence.registered";
    /** A screened order was marked shipped (subject: the screening id). */
    public static final String SCREENING_SHIPPED = "screening.shipped";
    /** A shipment used part of a licence (subject: the licence id); the hash covers what it used and what is left. */
    public static final String LICENCE_USED = "licence.used";

    /** A REVIEW or BLOCK screening opened a case for its order (subject: the case id). */
    public static final String CASE_OPENED = "case.opened";
    /** A new screening of the order was attached to its open case. */
    public static final String CASE_UPDATED = "case.screening_attached";
    /** An officer decided a finding or party match of a case. */
    public static final String CASE_DISPOSITION = "case.disposition";

    /** An administrator registered a webhook URL (subject: its id). */
    public static final String WEBHOOK_REGISTERED = "webhook.registered";
    /** An administrator disabled a webhook URL. */
    public static final String WEBHOOK_DISABLED = "webhook.disabled";

    /** Someone signed in to the console with an API key (subject: the principal; hash: the session's token hash). */
    public static final String CONSOLE_SIGNED_IN = "console.signed_in";
    /** Someone signed out of the console. */
    public static final String CONSOLE_SIGNED_OUT = "console.signed_out";

    /** An officer's action on a case: {@code case.assign}, {@code case.release}, {@code case.approve}, … */
    public static String caseAction(String action) {
        return "case." + action;
    }

    private AuditAction() {
    }
}
