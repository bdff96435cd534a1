package org.clearance.webhooks;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.clearance.config.ErrorTrace;

/**
 * Sends the deliveries that are due, each signed ({@link WebhookSignature}), and records every attempt. A failure (no
 * answer, or a status outside 2xx) is retried with exponential backoff until {@code max-attempts}; then the delivery is
 * marked failed and stays in the log. Each delivery is claimed before it is sent, so several servers never send the
 * same one at once. Delivery is at least once: receivers deduplicate by the event id.
 */
@ApplicationScoped
public class WebhookSender {

    /** Deliveries sent per pass; the next pass takes the rest. */
    static final int BATCH = 50;

    private final WebhooksConfig config;
    private final Scheduler scheduler;
    private final HttpClient http;

    WebhookSender(WebhooksConfig config, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts sending; only {@code serve} calls it, so CLI runs leave their events for a server to send. */
    public void schedule() {
        if (config.secret().isEmpty()) {
            Log.info("Webhooks: off (clearance.webhooks.secret is not set)");
            return;
        }
        scheduler.newJob("webhook-sender").setInterval(config.poll().toSeconds() + "s")
                .setConcurrentExecution(io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> deliverDue(Instant.now())).schedule();
    }

    /** Sends what is due at {@code now}; returns how many deliveries were attempted. */
    public int deliverDue(Instant now) {
        if (config.secret().isEmpty()) {
            return 0;
        }
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.<WebhookDelivery>find(
                        "status = ?1 and nextAttemptAt <= ?2 and (claimedUntil is null or claimedUntil < ?2) "
                                + "order by nextAttemptAt, id", WebhookDelivery.PENDING, now)
                .page(0, BATCH).list().stream().map(d -> d.id).toList());
        int attempted = 0;
        for (UUID id : due) {
            if (claim(id, now)) {
                attempt(id);
                attempted++;
            }
        }
        return attempted;
    }

    /** True when this process claimed the delivery: the update matches only while nobody else holds it. */
    private boolean claim(UUID id, Instant now) {
        Instant until = now.plus(config.timeout().multipliedBy(3));
        return QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.update(
                "claimedUntil = ?1 where id = ?2 and status = ?3 and (claimedUntil is null or claimedUntil < ?4)",
                until, id, WebhookDelivery.PENDING, now)) == 1;
    }

    private void attempt(UUID id) {
        record Target(String url, String payload) {
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = WebhookDelivery.findById(id);
            WebhookEndpoint endpoint = WebhookEndpoint.findById(d.endpointId);
            return new Target(endpoint.url, d.payload);
        });
        Integer status = null;
        String error = null;
        try {
            long time = Instant.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.url())).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Clearance-Webhooks")
                    .header(WebhookSignature.HEADER, WebhookSignature.header(config.secret().orElseThrow(), time, target.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(target.payload(), StandardCharsets.UTF_8)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 != 2) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = ErrorTrace.of(e);
        }
        Integer answered = status;
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> record(id, answered, failure));
    }

    private void record(UUID id, Integer status, String error) {
        WebhookDelivery d = WebhookDelivery.findById(id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        d.attempts++;
        d.lastAttemptAt = now;
        d.lastStatus = status;
        d.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        d.claimedUntil = null;
        if (error == null) {
            d.status = WebhookDelivery.DELIVERED;
            d.deliveredAt = now;
        } else if (d.attempts >= config.maxAttempts()) {
            d.status = WebhookDelivery.FAILED;
            Log.warnf("Webhook delivery %s of event %s failed %d times; last: %s", d.id, d.eventId, d.attempts, error);
        } else {
            d.nextAttemptAt = now.plus(backoff(d.attempts));
        }
    }

    /** The wait after {@code attempts} failed attempts: the initial backoff, doubled per further failure, capped. */
    Duration backoff(int attempts) {
        Duration wait = config.initialBackoff();
        for (int i = 1; i < attempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }
}
