package org.clearance.rescreen;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Re-screening of open orders when lists change (docs/cases.md#re-screening-open-orders). */
@ConfigMapping(prefix = "clearance.rescreen")
public interface RescreenConfig {

    /** Re-screen the open orders a list import affects, right after the import. */
    @WithDefault("true")
    boolean onListChange();

    /** Re-screen the open orders with a party or route stop in a country whose risk a trade import changed. */
    @WithDefault("true")
    boolean onCountryRiskChange();

    /**
     * Under {@code serve}: re-screen all open orders once a newly activated rule pack is live (one server does it,
     * whichever claims the activation first).
     */
    @WithDefault("true")
    boolean onRulePackChange();

    /** An order whose latest screening is older than this is no longer open (it shipped or was dropped unannounced). */
    @WithDefault("P90D")
    Duration openFor();
}
