package org.clearance.packs.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.clearance.web.SafeText;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each pack subscription's state, and {@code status: degraded} with every subscription's last error while one failed
 * (a download, a refused bundle, failing checks, its configuration). UP either way, as for lists: a failed poll keeps
 * the active pack, which this instance screens with, so taking it out would only lose capacity.
 */
@Readiness
@ApplicationScoped
public class PackSubscriptionsHealthCheck implements HealthCheck {

    private final SubscriptionBoard board;

    PackSubscriptionsHealthCheck(SubscriptionBoard board) {
        this.board = board;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("pack-subscriptions").up();
        List<SubscriptionStatus> statuses = board.statuses();
        statuses.forEach(s -> response.withData(s.name(), SafeText.clean(describe(s))));
        // Health is public: no server paths (SafeText), and sources are shown without their credentials.
        List<String> errors = statuses.stream().filter(s -> s.lastError() != null)
                .map(s -> s.name() + ": " + SafeText.clean(s.lastError())).toList();
        if (errors.isEmpty()) {
            return response.withData("status", "ok").build();
        }
        return response.withData("status", "degraded").withData("reason", String.join("; ", errors)).build();
    }

    private static String describe(SubscriptionStatus s) {
        if (s.lastError() != null) {
            return "failed: " + s.lastError();
        }
        if (s.proposed() != null) {
            return "version " + s.proposed().version() + " proposed, waiting for a rule author";
        }
        if (s.lastSuccess() != null) {
            return "ok, last polled " + s.lastSuccess();
        }
        return "not polled yet";
    }
}
