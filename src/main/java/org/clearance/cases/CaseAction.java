package org.clearance.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an officer does to a case ({@code POST /api/v1/cases/{id}/actions}). {@code reasonRequired}: release, approve,
 * reject, escalate and reopen change what may ship and must say why; a comment and a request for information are
 * nothing without their text.
 */
public enum CaseAction {
    ASSIGN(false), COMMENT(true), ESCALATE(true), REQUEST_INFORMATION(true), RELEASE(true), APPROVE(true),
    REJECT(true), REOPEN(true);

    private final boolean reasonRequired;

    CaseAction(boolean reasonRequired) {
        this.reasonRequired = reasonRequired;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean reasonRequired() {
        return reasonRequired;
    }

    public static Optional<CaseAction> parse(String label) {
        return Arrays.stream(values()).filter(a -> a.label().equals(label)).findFirst();
    }

    /** The labels, for messages: "assign, comment, …". */
    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(CaseAction::label).toList());
    }
}
