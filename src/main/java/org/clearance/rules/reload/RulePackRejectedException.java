package org.clearance.rules.reload;

/** A candidate pack failed its checks and did not go live; the previous pack keeps serving. */
public class RulePackRejectedException extends RuntimeException {

    private final PackCheck check;

    public RulePackRejectedException(PackCheck check) {
        super("rule pack rejected: " + check.reasons().size() + " problem(s)");
        this.check = check;
    }

    public PackCheck check() {
        return check;
    }
}
