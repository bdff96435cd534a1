package org.clearance.trade;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an import did: rows whose key was new ({@code added}), rows that replaced a stored value ({@code changed}),
 * rows identical to what was stored ({@code unchanged}), and rows skipped on purpose, by reason.
 */
public record TradeImportResult(int added, int changed, int unchanged, Map<String, Integer> skipped) {

    public TradeImportResult {
        skipped = Collections.unmodifiableMap(new TreeMap<>(skipped));
    }

    public boolean changedAnything() {
        return added + changed > 0;
    }
}
