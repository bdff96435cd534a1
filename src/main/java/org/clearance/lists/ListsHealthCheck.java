package org.clearance.lists;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each active list's version and age, and {@code status: degraded} while a source configured as required has no
 * active version or one is older than its configured maximum age. UP either way, as for the rule pack: the instance
 * screens with what it has, and every instance sees the same lists, so taking one out would only lose capacity.
 */
@Readiness
@ApplicationScoped
public class ListsHealthCheck implements HealthCheck {

    private final ListCatalog catalog;
    private final ListsConfig config;

    ListsHealthCheck(ListCatalog catalog, ListsConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, ListVersionView> active = catalog.active().stream()
                .collect(Collectors.toMap(ListVersionView::source, Function.identity(), (a, b) -> a));
        HealthCheckResponseBuilder response = HealthCheckResponse.named("lists").up();
        active.values().forEach(v -> response.withData(v.source(), "version " + v.sha256().substring(0, 12) + ", "
                + v.entryCount() + " entries, " + days(v.ageSeconds()) + " days old"));
        List<String> problems = new ArrayList<>();
        config.sources().forEach((source, settings) -> {
            ListVersionView version = active.get(source);
            if (version == null) {
                if (settings.required()) {
                    problems.add("required list " + source + " has no active version");
                }
            } else if (settings.maxAge().filter(max -> version.ageSeconds() > max.getSeconds()).isPresent()) {
                problems.add("list " + source + " is " + days(version.ageSeconds()) + " days old, more than its maximum of "
                        + days(settings.maxAge().get().getSeconds()) + " days");
            }
        });
        if (problems.isEmpty()) {
            return response.withData("status", "ok").build();
        }
        problems.sort(null);
        return response.withData("status", "degraded").withData("reason", String.join("; ", problems)).build();
    }

    private static long days(long seconds) {
        return Duration.ofSeconds(seconds).toDays();
    }
}
