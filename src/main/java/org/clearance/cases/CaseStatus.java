package org.clearance.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a case stands. Released and rejected close it: the order may ship, or must not. */
public enum CaseStatus {
    OPEN, IN_REVIEW, ESCALATED, RELEASED, REJECTED;

    /** The name in the API, the CLI and the database: {@code in_review}. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean closed() {
        return this == RELEASED || this == REJECTED;
    }

    public static Optional<CaseStatus> parse(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }
}
