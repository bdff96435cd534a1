package org.clearance.trade;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a trade file holds: its rows, and how many rows were skipped on purpose (aggregates, other flows) and why. */
public record TradeFile(List<TradeRow> rows, Map<String, Integer> skipped) {

    public TradeFile {
        rows = List.copyOf(rows);
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    }

    public int skippedCount() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }
}
