package org.clearance.parties;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** A recorded dismissal as the API returns it, with its state: active, expired or revoked (and by whom, why). */
public record DismissalView(UUID id, String partyName, String partyCountry, String list, String sourceId,
                            String entryName, String entryHash, String reason, String reviewer, Instant createdAt,
                            LocalDate expiresOn, String status, Instant revokedAt, String revokedBy,
                            String revokeReason) {

    static DismissalView of(PartyDismissal d, String entryName) {
        String status = d.revokedAt != null ? "revoked"
                : d.expiresOn != null && LocalDate.now(ZoneOffset.UTC).isAfter(d.expiresOn) ? "expired" : "active";
        return new DismissalView(d.id, d.partyName, d.partyCountry, d.listCode, d.sourceId, entryName, d.entryHash,
                d.reason, d.reviewer, d.createdAt, d.expiresOn, status, d.revokedAt, d.revokedBy, d.revokeReason);
    }
}
