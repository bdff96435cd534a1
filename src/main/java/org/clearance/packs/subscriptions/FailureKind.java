package org.clearance.packs.subscriptions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Which step a subscription's last poll failed at. Public health shows this, not the full reason, which can name pack
 * files, tests and server folders; the status endpoint has the full reason for the roles that may read it.
 */
public enum FailureKind {
    /** The subscription's configuration cannot work; it is not polled. */
    CONFIGURATION("its configuration cannot work; it is not polled"),
    /** The bundle could not be fetched: no connection, an HTTP error, too large, no bundle in the folder. */
    DOWNLOAD("the bundle could not be fetched"),
    /** The bundle does not verify (tampered, unsigned, an untrusted key) or is a downgrade. */
    REFUSED("the bundle was refused (its signature, its files or its version)"),
    /** The verified version could not be unpacked: its folder holds other files, or the disk refused. */
    INSTALL("the verified version could not be unpacked into the subscription folder"),
    /** The pack failed its checks: it does not load, the allow-list or lint refuses it, or a rule test fails. */
    CHECKS("the pack failed its checks (allow-list, lint or rule tests); nothing was installed"),
    /** Anything else, logged. */
    ERROR("an unexpected error, logged");

    private final String summary;

    FailureKind(String summary) {
        this.summary = summary;
    }

    /** One line without paths or file names, for health. */
    public String summary() {
        return summary;
    }

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
