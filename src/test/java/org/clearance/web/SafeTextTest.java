package org.clearance.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The last filter on problem texts: library names, settings and server paths go, the user's meaning stays. */
class SafeTextTest {

    @Test
    void shouldDropJacksonsSettingHintAndTypeNames() {
        assertThat(SafeText.clean("Document nesting depth (1001) exceeds the maximum allowed (1000, from "
                + "`StreamReadConstraints.getMaxNestingDepth()`) (use `StreamReadConstraints.Builder.maxNestingDepth(int)` to increase limit)"))
                .isEqualTo("Document nesting depth (1001) exceeds the maximum allowed (1000)");
        assertThat(SafeText.clean("Cannot deserialize value of type `java.lang.String` from Object value"))
                .isEqualTo("Cannot deserialize value of type text from Object value");
        assertThat(SafeText.clean("Cannot construct instance of `com.fasterxml.jackson.databind.JsonNode`"))
                .isEqualTo("Cannot construct instance of a JSON value");
        assertThat(SafeText.clean("failed in org.clearance.parties.DismissalRequest.reason()")).doesNotContain("org.clearance");
    }

    @Test
    void shouldKeepOnlyTheFileNameOfAServerPathButLeaveApiPathsAlone() {
        assertThat(SafeText.clean("/tmp/clearance-candidate-8812/eu/x.drl: cannot be read"))
                .isEqualTo("x.drl: cannot be read");
        assertThat(SafeText.clean("Send one order; use POST /api/v1/screenings/batch for several."))
                .isEqualTo("Send one order; use POST /api/v1/screenings/batch for several.");
        assertThat(SafeText.clean("eu/dual-use.drl:12: rule \"X\" lacks @citation")).isEqualTo("eu/dual-use.drl:12: rule \"X\" lacks @citation");
        assertThat(SafeText.clean("since must be 2026-01-01 or 2026/01/01")).isEqualTo("since must be 2026-01-01 or 2026/01/01");
    }
}
