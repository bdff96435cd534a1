package org.clearance.trade;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Trade-flow analysis defaults, under {@code clearance.trade.} (the CLI options and query parameters override them). */
@ConfigMapping(prefix = "clearance.trade")
public interface TradeConfig {

    /** Baseline years whose same months are averaged (trade-baselines.md §5: the FT used 2015-2021). */
    @WithDefault("2015-2021")
    String baseline();

    /** Months compared with the baseline; also the period of the country risks screening uses. */
    @WithDefault("2023-01..2023-09")
    String period();

    /**
     * Neighbours of Russia whose CHP imports count as possible diversion, next to Russia and Belarus: the five
     * former-Soviet states of trade-baselines.md §1 (AZ, GE, KZ, KG, UZ) and Armenia, which §3 names with them.
     */
    @WithDefault("AM,AZ,GE,KZ,KG,UZ")
    List<String> neighbours();

    /** The G7 countries whose CHP exports feed the reporters (CA, FR, DE, IT, JP, GB, US). */
    @WithDefault("CA,FR,DE,IT,JP,GB,US")
    List<String> g7();
}
