package org.clearance.packs.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.clearance.packs.BundleDownload;
import org.clearance.web.SafeText;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each pack subscription's state, and {@code status: degraded} naming each subscription whose last poll failed and at
 * which step (a download, a refused bundle, failing checks, its configuration). UP either way, as for lists: a failed poll keeps
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
        statuses.forEach(s -> response.withData(s.name(), describe(s)));
        List<String> errors = statuses.stream().filter(s -> s.lastError() != null)
                .map(s -> s.name() + ": " + error(s)).toList();
        if (errors.isEmpty()) {
            return response.withData("status", "ok").build();
        }
        return response.withData("status", "degraded").withData("reason", String.join("; ", errors)).build();
    }

    /**
     * Health is public and names no file or folder: the step that failed, and for a URL the download's own reason
     * (an HTTP status, a refused connection; URLs are shown without credentials). The status endpoint has the rest.
     */
    static String error(SubscriptionStatus s) {
        boolean fromUrl = s.source() != null && BundleDownload.isUrl(s.source());
        return s.lastErrorKind() == FailureKind.DOWNLOAD && fromUrl
                ? s.lastErrorKind().summary() + ": " + SafeText.clean(s.lastError())
                : s.lastErrorKind().summary();
    }

    private static String describe(SubscriptionStatus s) {
        if (s.lastError() != null) {
            return "failed: " + error(s);
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
