package org.clearance.lists;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauge {@code clearance.list.age} (seconds, tag {@code source}): how old each source's active version is, from its
 * publication date when the file has one, else from its import. Alert when a list is older than its refresh cycle.
 */
@ApplicationScoped
public class ListAgeMetrics {

    private final MeterRegistry meters;
    private final ListCatalog catalog;
    private final Map<String, Instant> ageFrom = new ConcurrentHashMap<>();

    ListAgeMetrics(MeterRegistry meters, ListCatalog catalog) {
        this.meters = meters;
        this.catalog = catalog;
    }

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    void onListsChanged(@Observes ListsChanged event) {
        refresh();
    }

    private void refresh() {
        try {
            for (ListVersionView version : catalog.active()) {
                Instant from = version.publishedOn() != null
                        ? version.publishedOn().atStartOfDay(java.time.ZoneOffset.UTC).toInstant() : version.importedAt();
                if (ageFrom.put(version.source(), from) == null) {
                    String source = version.source();
                    Gauge.builder("clearance.list.age", ageFrom, m -> seconds(m.get(source)))
                            .description("Seconds since the active version of a list was published (or imported)")
                            .baseUnit("seconds").tag("source", source).register(meters);
                }
            }
        } catch (RuntimeException e) {
            // Metrics must not stop the application from starting (e.g. before the first migration).
            Log.warnf("List age metrics not available: %s", e.getMessage());
        }
    }

    private static double seconds(Instant from) {
        return from == null ? Double.NaN : Duration.between(from, Instant.now()).getSeconds();
    }
}
