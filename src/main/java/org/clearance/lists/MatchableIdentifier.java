package org.clearance.lists;

import java.util.ArrayList;
import java.util.List;
import org.clearance.facts.IdentifierType;
import org.clearance.facts.PartyIdentifier;

/**
 * A list entry's identifier in a scheme Clearance matches exactly, normalised, with the key it is looked up by. An
 * identifier of another scheme (a passport) or without its scheme's shape has none: the entry still holds it as given.
 */
public record MatchableIdentifier(IdentifierType type, String value, String country, String matchKey) {

    /** The entry's matchable identifiers, each once, in the entry's order. */
    public static List<MatchableIdentifier> of(ListEntry entry) {
        List<MatchableIdentifier> matchable = new ArrayList<>();
        for (Identifier identifier : entry.identifiers()) {
            IdentifierType.ofListLabel(identifier.type(), identifier.number()).ifPresent(type -> {
                String value = type.normalise(identifier.number());
                MatchableIdentifier id = new MatchableIdentifier(type, value, identifier.country(),
                        PartyIdentifier.matchKey(type, value));
                if (type.valid(value) && !matchable.contains(id)) {
                    matchable.add(id);
                }
            });
        }
        return matchable;
    }

    /** For a finding: "IMO 9187629". */
    public String label() {
        return type.name() + " " + value;
    }
}
