package org.clearance.lists;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountriesTest {

    @Test
    void shouldResolveListSpellingsToIso2() {
        assertThat(Countries.toIso2("Russia")).contains("RU");
        assertThat(Countries.toIso2("Russian Federation")).contains("RU");
        assertThat(Countries.toIso2("Korea, North")).contains("KP");
        assertThat(Countries.toIso2("United Arab Emirates.")).contains("AE");
        assertThat(Countries.toIso2("Türkiye")).contains("TR");
        assertThat(Countries.toIso2("CN")).contains("CN");
        assertThat(Countries.toIso2("00")).isEmpty();
        assertThat(Countries.toIso2("Moscow")).isEmpty();
    }
}
