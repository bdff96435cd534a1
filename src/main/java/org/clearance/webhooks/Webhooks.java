package org.clearance.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.audit.CanonicalJson;
import org.clearance.security.Actor;

/**
 * The registered webhook URLs and the outbox of deliveries. {@link #enqueue} joins the caller's transaction, so an
 * event exists exactly when the change it announces committed; {@link WebhookSender} sends it afterwards.
 */
@ApplicationScoped
public class Webhooks {

    static final int MAX_URL = 2000;

    private final WebhooksConfig config;
    private final AuditLog audit;

    Webhooks(WebhooksConfig config, AuditLog audit) {
        this.config = config;
        this.audit = audit;
    }

    /**
     * Adds {@code event} (its {@code id} and {@code type} set) to the outbox of every active endpoint; nothing when none
     * is registered. Must run in the transaction of the change.
     */
    public void enqueue(String type, ObjectNode event, Instant at) {
        enqueue(type, event, at, activeEndpoints());
    }

    /**
     * The endpoints events go to now: read once for a chunk of events (storing a chunk of screenings), then handed to
     * {@link #enqueue(String, ObjectNode, Instant, List)} for each.
     */
    public List<WebhookEndpoint> activeEndpoints() {
        // No flush first: endpoints change in transactions of their own, never in the one announcing a change, and
        // flushing a store chunk's pending screenings before every event made storing grow with its square.
        return WebhookEndpoint.<WebhookEndpoint>find("disabledAt is null")
                .withHint(org.hibernate.jpa.HibernateHints.HINT_FLUSH_MODE, org.hibernate.FlushMode.COMMIT).list();
    }

    /** {@link #enqueue(String, ObjectNode, Instant)} to endpoints read by {@link #activeEndpoints()} in this transaction. */
    public void enqueue(String type, ObjectNode event, Instant at, List<WebhookEndpoint> endpoints) {
        if (endpoints.isEmpty()) {
            return;
        }
        UUID eventId = UUID.randomUUID();
        ObjectNode body = CanonicalJson.object();
        body.put("id", eventId.toString());
        body.put("type", type);
        body.put("occurred_at", at.toString());
        body.setAll(event);
        String payload = body.toString();
        for (WebhookEndpoint endpoint : endpoints) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.id = UUID.randomUUID();
            delivery.endpointId = endpoint.id;
            delivery.eventId = eventId;
            delivery.eventType = type;
            delivery.payload = payload;
            delivery.createdAt = at;
            delivery.status = WebhookDelivery.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = at;
            delivery.persist();
        }
    }

    public WebhookEndpointView register(String url, Actor actor) {
        if (config.secret().isEmpty()) {
            throw new WebhookRefusedException("No webhook can be registered: clearance.webhooks.secret, the key "
                    + "deliveries are signed with, is not configured.", true);
        }
        URI uri = checkedUrl(url);
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookEndpoint endpoint = new WebhookEndpoint();
            endpoint.id = UUID.randomUUID();
            endpoint.url = uri.toString();
            endpoint.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            endpoint.createdBy = actor.name();
            endpoint.persist();
            audit.append(actor, AuditAction.WEBHOOK_REGISTERED, endpoint.id.toString(), hash(endpoint));
            return WebhookEndpointView.of(endpoint);
        });
    }

    public WebhookEndpointView disable(UUID id, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WebhookEndpoint endpoint = WebhookEndpoint.findById(id);
            if (endpoint == null) {
                throw new jakarta.ws.rs.NotFoundException("No webhook with id " + id + ".");
            }
            if (endpoint.disabledAt != null) {
                throw new WebhookRefusedException("Webhook " + id + " was disabled at " + endpoint.disabledAt + " by "
                        + endpoint.disabledBy + ".", true);
            }
            endpoint.disabledAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            endpoint.disabledBy = actor.name();
            // What is still pending for it is not sent any more.
            WebhookDelivery.update("status = ?1, lastError = ?2 where endpointId = ?3 and status = ?4",
                    WebhookDelivery.FAILED, "webhook disabled", id, WebhookDelivery.PENDING);
            audit.append(actor, AuditAction.WEBHOOK_DISABLED, endpoint.id.toString(), hash(endpoint));
            return WebhookEndpointView.of(endpoint);
        });
    }

    public List<WebhookEndpointView> endpoints() {
        return QuarkusTransaction.joiningExisting().call(() -> WebhookEndpoint.<WebhookEndpoint>list("order by createdAt")
                .stream().map(WebhookEndpointView::of).toList());
    }

    /** The newest deliveries first, optionally of one status; at most {@code limit}. */
    public List<WebhookDeliveryView> deliveries(String status, int limit) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            var query = status == null ? WebhookDelivery.<WebhookDelivery>find("order by createdAt desc, id")
                    : WebhookDelivery.<WebhookDelivery>find("status = ?1 order by createdAt desc, id", status);
            return query.page(0, limit).list().stream().map(WebhookDeliveryView::of).toList();
        });
    }

    /** An absolute http or https URL with a host, or a {@link WebhookRefusedException} saying what is wrong. */
    static URI checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new WebhookRefusedException("url is required: the absolute http(s) URL that receives the events.", false);
        }
        if (url.length() > MAX_URL) {
            throw new WebhookRefusedException("url is longer than " + MAX_URL + " characters.", false);
        }
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getUserInfo() != null) {
                throw new WebhookRefusedException("url must be an absolute http or https URL with a host and no user "
                        + "name or password (got " + org.clearance.order.Printable.value(url) + ").", false);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new WebhookRefusedException("url is not a URL: " + e.getReason() + ".", false);
        }
    }

    private static String hash(WebhookEndpoint endpoint) {
        ObjectNode node = CanonicalJson.object();
        node.put("id", endpoint.id.toString());
        node.put("url", endpoint.url);
        node.put("created_by", endpoint.createdBy);
        if (endpoint.disabledAt != null) {
            node.put("disabled_at", endpoint.disabledAt.toString());
            node.put("disabled_by", endpoint.disabledBy);
        }
        return CanonicalJson.sha256(node);
    }
}
