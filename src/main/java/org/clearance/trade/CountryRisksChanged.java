package org.clearance.trade;

import java.util.Set;

/**
 * CDI event fired after a trade import changed the country risk of {@code countries} (ISO alpha-2: a score went up or
 * down, or a country gained or lost one), so that the open orders touching them are screened again.
 */
public record CountryRisksChanged(Set<String> countries) {

    public CountryRisksChanged {
        countries = Set.copyOf(countries);
    }
}
