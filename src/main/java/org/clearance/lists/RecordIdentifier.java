package org.clearance.lists;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A stored entry's identifier that Clearance matches exactly ({@link MatchableIdentifier}), by its match key. */
@Embeddable
public class RecordIdentifier {

    @Column(name = "id_type", nullable = false, length = 32)
    public String type;

    @Column(name = "id_value", nullable = false, length = 100)
    public String value;

    @Column(length = 2)
    public String country;

    @Column(name = "match_key", nullable = false, length = 140)
    public String matchKey;

    static RecordIdentifier of(MatchableIdentifier identifier) {
        RecordIdentifier stored = new RecordIdentifier();
        stored.type = identifier.type().name();
        stored.value = identifier.value();
        stored.country = identifier.country();
        stored.matchKey = identifier.matchKey();
        return stored;
    }
}
