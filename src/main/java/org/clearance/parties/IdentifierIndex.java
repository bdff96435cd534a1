package org.clearance.parties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.clearance.facts.IdentifierType;
import org.clearance.facts.PartyIdentifier;
import org.clearance.lists.ListEntry;
import org.clearance.lists.MatchableIdentifier;

/**
 * The identifiers of list entries by exact value ({@link MatchableIdentifier}), for matching an order party's
 * identifiers whatever the names say. Immutable once built; built with each list snapshot.
 */
public final class IdentifierIndex {

    /** An entry's identifier as indexed. */
    public record Indexed(ListEntry entry, MatchableIdentifier identifier) {
    }

    private final Map<String, List<Indexed>> byKey = new HashMap<>();

    public IdentifierIndex(Collection<ListEntry> entries) {
        for (ListEntry entry : entries) {
            for (MatchableIdentifier identifier : MatchableIdentifier.of(entry)) {
                byKey.computeIfAbsent(identifier.matchKey(), k -> new ArrayList<>()).add(new Indexed(entry, identifier));
            }
        }
    }

    public int size() {
        return byKey.size();
    }

    /**
     * The entries with an identifier equal to {@code identifier}. Registration and tax numbers are only unique within
     * a state: one whose issuing country ({@link PartyIdentifier#issuer()}) is known and differs from the entry
     * identifier's known country does not match. IMO numbers, LEIs and BICs are unique worldwide.
     */
    public List<Indexed> find(PartyIdentifier identifier) {
        List<Indexed> found = byKey.getOrDefault(identifier.matchKey(), List.of());
        if (identifier.type().family() != IdentifierType.Family.NATIONAL) {
            return found;
        }
        String issuer = identifier.issuer();
        return found.stream().filter(i -> i.identifier().country() == null || issuer == null
                || Objects.equals(i.identifier().country(), issuer)).toList();
    }
}
