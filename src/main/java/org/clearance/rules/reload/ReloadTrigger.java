package org.clearance.rules.reload;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What made a rule pack go live. {@code CLI}: {@code clearance rules activate}. {@code SUBSCRIPTION}: a pack
 * subscription's auto-activation. {@code BACKFILL} marks packs known only from screenings stored before V3.
 */
public enum ReloadTrigger {
    STARTUP, WATCH, API, CLI, SUBSCRIPTION, BACKFILL;

    /** The lower-case name stored in {@code rule_pack_version.activated_by} and shown by the API. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReloadTrigger ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
