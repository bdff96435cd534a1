package org.clearance.trade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.clearance.rules.RulePackLoader;
import org.junit.jupiter.api.Test;

class ChpCodesTest {

    @Test
    void shouldHaveNoCodesForAPackWithoutTheChpList() {
        // A pack of a company's own rules: screening with it computed country risks and failed on the missing list.
        assertThat(ChpCodes.of(RulePackLoader.load(Path.of("src/test/resources/reload-pack")))).isEmpty();
    }
}
