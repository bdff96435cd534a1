package org.clearance.rules.active;

import java.time.Instant;

/** Which pack is active, as read from the database: the value a server compares with what it runs. */
public record ActivePack(long activation, String hash, long versionId, String activatedBy, Instant activatedAt,
                         String directory) {

    /** The first 12 hex digits of the hash, as reports show pack hashes. */
    public String shortHash() {
        return hash.substring(0, 12);
    }
}
