package org.clearance.parties;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reviewed false positive: this order party is not that list entry, as long as the entry's content is unchanged. */
@Entity
@Table(name = "party_dismissal")
public class PartyDismissal extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "party_key", nullable = false, length = 2000)
    public String partyKey;

    @Column(name = "party_name", nullable = false, length = 2000)
    public String partyName;

    @Column(name = "party_country")
    public String partyCountry;

    @Column(name = "list_code", nullable = false)
    public String listCode;

    @Column(name = "source_id", nullable = false)
    public String sourceId;

    /** Content hash of the entry when it was reviewed; a changed entry is screened again. */
    @Column(name = "entry_hash", nullable = false)
    public String entryHash;

    @Column(nullable = false, length = 4000)
    public String reason;

    @Column(nullable = false)
    public String reviewer;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Last day (UTC) it applies; null for as long as the entry is unchanged. */
    @Column(name = "expires_on")
    public java.time.LocalDate expiresOn;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoke_reason", length = 4000)
    public String revokeReason;

    String pairKey() {
        return Dismissals.pairKey(partyKey, listCode, sourceId, entryHash);
    }
}
