package org.clearance.cases;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An officer's conclusion about one finding or party match. {@code LICENSED} names the authorisation that covers it;
 * a {@code FALSE_POSITIVE} party match is dismissed for later screenings; a {@code TRUE_MATCH} party makes the case's
 * release need a second officer.
 */
public enum DispositionType {
    TRUE_MATCH, FALSE_POSITIVE, NOT_RELEVANT, LICENSED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DispositionType> parse(String label) {
        return Arrays.stream(values()).filter(d -> d.label().equals(label)).findFirst();
    }

    public static String labels() {
        return String.join(", ", Arrays.stream(values()).map(DispositionType::label).toList());
    }
}
