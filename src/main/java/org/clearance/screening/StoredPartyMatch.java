package org.clearance.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.clearance.facts.PartyMatch;

/** A party match as stored with its screening: the order party and the list entry it resembled. */
@Embeddable
public class StoredPartyMatch {

    @Column(name = "party_pointer", nullable = false, length = 1000)
    public String partyPointer;

    @Column(name = "party_role", nullable = false, length = 32)
    public String partyRole;

    @Column(name = "party_name", nullable = false, length = 2000)
    public String partyName;

    @Column(name = "party_country", length = 2)
    public String partyCountry;

    @Column(name = "list_code", nullable = false, length = 128)
    public String listCode;

    @Column(name = "source_id", nullable = false, length = 512)
    public String sourceId;

    @Column(name = "entry_name", nullable = false, length = 4000)
    public String entryName;

    @Column(nullable = false)
    public double score;

    @Column(nullable = false)
    public boolean strong;

    @Column(name = "list_version", length = 128)
    public String listVersion;

    static StoredPartyMatch of(PartyMatch match) {
        StoredPartyMatch stored = new StoredPartyMatch();
        stored.partyPointer = match.pointer();
        stored.partyRole = match.role().name();
        stored.partyName = match.party().name();
        stored.partyCountry = match.party().country();
        stored.listCode = match.list();
        stored.sourceId = match.sourceId();
        stored.entryName = match.entryName();
        stored.score = match.score();
        stored.strong = match.strong();
        stored.listVersion = match.listVersion();
        return stored;
    }
}
