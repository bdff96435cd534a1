package org.clearance.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** How cases are opened and released (docs/cases.md). */
@ConfigMapping(prefix = "clearance.cases")
public interface CasesConfig {

    /** Time to decide a case whose order was blocked, from its opening. */
    @WithDefault("P1D")
    Duration blockSla();

    /** Time to decide a case whose order needs review, from its opening. */
    @WithDefault("P3D")
    Duration reviewSla();

    /**
     * The decisions (BLOCK, REVIEW) whose release needs a second officer's approval, or {@code none}. A case with a
     * party disposed of as a true match always needs it.
     */
    @WithDefault("BLOCK")
    List<String> fourEyes();

    /** The risk score from which a REVIEW case has medium rather than low priority. */
    @WithDefault("50")
    int mediumPriorityRiskScore();
}
