package org.clearance.trade;

import java.util.List;
import java.util.Map;

/** What a trade file holds: its rows, and how many rows were skipped on purpose (aggregates, other flows) and why. */
public record TradeFile(List<TradeRow> rows, Map<String, Integer> skipped) {

    public TradeFile {
        rows = List.copyOf(rows);
        skipped = Map.copyOf(skipped);
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
