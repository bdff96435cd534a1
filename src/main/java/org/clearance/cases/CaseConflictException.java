package org.clearance.cases;

/**
 * An action the case's state does not allow (409): {@code rule} names the rule that refused it, e.g. {@code four-eyes}
 * when the officer who proposed a release tries to approve it. Nothing changed.
 */
public class CaseConflictException extends RuntimeException {

    private final String rule;

    public CaseConflictException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
