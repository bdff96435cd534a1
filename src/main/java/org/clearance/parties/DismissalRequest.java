package org.clearance.parties;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/parties/dismissals}: the order party (name, ISO country), the list entry
 * ({@code list} code such as {@code US-OFAC-SDN}, {@code source_id}), why it is not a match, and optionally the
 * last day it applies. The reviewer is the authenticated caller; a {@code reviewer} in the body is refused.
 */
public record DismissalRequest(String partyName, String partyCountry, String list, String sourceId, String reason,
                               // Read only to refuse it, so the API document does not offer it.
                               @Schema(hidden = true) String reviewer, LocalDate expiresOn) {
}
