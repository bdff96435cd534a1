package org.clearance.trade;

/** CDI event fired after a trade import committed changes, so cached country risks are recomputed. */
public record TradeStatisticsChanged(int added, int changed) {
}
