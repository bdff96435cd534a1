package org.clearance.screening;

import java.util.List;
import org.clearance.facts.CountryRisk;

/**
 * The computed country risks every screening session sees. Optional: the application supplies those computed from
 * the stored trade statistics, rule tests their fixtures, benchmarks {@link #NONE}.
 */
@FunctionalInterface
public interface CountryRiskSource {

    CountryRiskSource NONE = List::of;

    List<CountryRisk> risks();

    static CountryRiskSource of(List<CountryRisk> risks) {
        List<CountryRisk> copy = List.copyOf(risks);
        return () -> copy;
    }
}
