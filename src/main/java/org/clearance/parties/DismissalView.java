package org.clearance.parties;

import java.time.Instant;
import java.util.UUID;

/** A recorded dismissal as the API returns it. */
public record DismissalView(UUID id, String partyName, String partyCountry, String list, String sourceId,
                            String entryName, String entryHash, String reason, String reviewer, Instant createdAt) {
}
