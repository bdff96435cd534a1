package org.clearance.licences;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clearance.facts.Jurisdiction;

/** Finds a registered licence by jurisdiction and reference (case-insensitive), as screening sees the register. */
@FunctionalInterface
public interface LicenceLookup {

    /** No register: every cited licence is unknown (screening without a database, e.g. rule tests without fixtures). */
    LicenceLookup NONE = (jurisdiction, reference) -> Optional.empty();

    Optional<LicenceView> find(Jurisdiction jurisdiction, String reference);

    /** A register held in memory: rule test fixtures. */
    static LicenceLookup of(List<LicenceView> licences) {
        return (jurisdiction, reference) -> licences.stream().filter(l -> l.jurisdiction() == jurisdiction
                && l.reference().toUpperCase(Locale.ROOT).equals(reference.toUpperCase(Locale.ROOT))).findFirst();
    }
}
