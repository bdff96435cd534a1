package org.clearance.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clearance.facts.CountryRisk;
import org.junit.jupiter.api.Test;

class CountryRisksChangeTest {

    @Test
    void shouldNameCountriesWhoseScoreChangedAppearedOrDisappeared() {
        List<CountryRisk> before = List.of(new CountryRisk("TR", 100, "e"), new CountryRisk("AM", 40, "e"),
                new CountryRisk("KG", 60, "e"));
        List<CountryRisk> after = List.of(new CountryRisk("TR", 100, "other evidence"), new CountryRisk("AM", 55, "e"),
                new CountryRisk("NO", 30, "e"));

        assertThat(CountryRisks.changedCountries(before, after)).containsExactly("AM", "KG", "NO");
        assertThat(CountryRisks.changedCountries(after, after)).isEmpty();
    }
}
