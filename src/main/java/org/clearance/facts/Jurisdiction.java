package org.clearance.facts;

import java.util.List;

/** The regimes Clearance reports on; {@code ALL} marks a finding that concerns each of them. */
public enum Jurisdiction {
    US, EU, UK, JP, ALL;

    /** The regimes that get a verdict of their own, in report order. */
    public static final List<Jurisdiction> REPORTED = List.of(US, EU, UK, JP);

    public boolean covers(Jurisdiction other) {
        return this == ALL || this == other;
    }
}
