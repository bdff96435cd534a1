package org.clearance.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * A database of its own for the tests that import lists (each import changes what every later screening matches),
 * with three configured download sources: one with a URL and a format, one without a format, one without a URL. The
 * URLs point at a closed local port, so a download that ran would fail quietly; only {@code serve} schedules them.
 */
public class ListsDatabase extends OwnDatabase {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("clearance.lists.sources.watch.url", "http://127.0.0.1:9/watchlist.csv");
        config.put("clearance.lists.sources.watch.format", "CUSTOM_CSV");
        config.put("clearance.lists.sources.watch.every", "6h");
        config.put("clearance.lists.sources.noformat.url", "http://127.0.0.1:9/list.csv");
        config.put("clearance.lists.sources.manual.every", "1h");
        return config;
    }
}
