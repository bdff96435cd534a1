package org.clearance.facts;

import java.util.List;

/**
 * An authorisation as the order cites it ({@code authorisations[index]}): regime, kind, reference and the lines it is
 * cited for (0-based; empty means every line). What it actually covers comes from resolving it ({@link Authorisation}).
 */
public record CitedAuthorisation(int index, Jurisdiction jurisdiction, AuthorisationType type, String reference,
                                 List<Integer> lines) {

    public CitedAuthorisation {
        lines = List.copyOf(lines);
    }

    /** True when the citation is for line {@code lineIndex} (a citation naming no lines is for all of them). */
    public boolean citedFor(int lineIndex) {
        return lines.isEmpty() || lines.contains(lineIndex);
    }
}
