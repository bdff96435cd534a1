package org.clearance.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Case events reach a real HTTP receiver, signed: a BLOCK opens a case and the receiver hears of it; a receiver that
 * fails gets the delivery again after the backoff; a disabled webhook gets nothing more.
 */
@QuarkusTest
@Tag("database")
class WebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookSender sender;

    @ConfigProperty(name = "clearance.webhooks.secret")
    String secret;

    private HttpServer receiver;
    private final Queue<Received> received = new ConcurrentLinkedQueue<>();
    /** Answers to give, in order; 200 once they run out. */
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger calls = new AtomicInteger();
    private String admin;
    private String webhookId;

    record Received(String signature, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Integer answer = answers.poll();
            exchange.sendResponseHeaders(answer == null ? 200 : answer, -1);
            exchange.close();
        });
        receiver.start();
        // Deliveries other tests left pending (their receivers are gone) must not be sent to this one.
        deliverAll();
        admin = TestKeys.create(Roles.ADMIN);
        webhookId = register();
    }

    @AfterEach
    void stopReceiver() {
        TestKeys.with(admin).delete("/api/v1/webhooks/" + webhookId);
        receiver.stop(0);
    }

    @Test
    void shouldAnnounceACaseOpenedByABlockWithAVerifiableSignature() throws IOException {
        String orderId = "HOOK-" + UUID.randomUUID();
        screenBlocked(orderId);
        deliverAll();

        Received event = received.stream().filter(r -> r.body().contains(orderId)).findFirst().orElseThrow();
        assertThat(WebhookSignature.verify(secret, event.signature(), event.body())).isTrue();
        assertThat(WebhookSignature.verify(secret, event.signature(), event.body().replace("hold", "released"))).isFalse();
        assertThat(WebhookSignature.verify("another-secret", event.signature(), event.body())).isFalse();
        JsonNode json = event.json();
        assertThat(json.path("type").asText()).isEqualTo("case.opened");
        assertThat(json.path("order_status").asText()).isEqualTo("hold");
        assertThat(json.path("case").path("decision").asText()).isEqualTo("BLOCK");
        assertThat(json.path("id").asText()).isNotBlank();

        TestKeys.with(TestKeys.create(Roles.AUDITOR)).queryParam("status", "delivered").get("/api/v1/webhooks/deliveries")
                .then().statusCode(200).body("event_id", org.hamcrest.Matchers.hasItem(json.path("id").asText()));
    }

    @Test
    void shouldRetryAFailedDeliveryAfterTheBackoffAndLogEachAttempt() throws IOException {
        answers.add(500);
        String orderId = "HOOK-RETRY-" + UUID.randomUUID();
        screenBlocked(orderId);
        Instant now = Instant.now();
        sender.deliverDue(now);
        assertThat(received).hasSize(1);
        String eventId = received.peek().json().path("id").asText();

        JsonNode log = delivery(eventId);
        assertThat(log.path("status").asText()).isEqualTo("pending");
        assertThat(log.path("attempts").asInt()).isEqualTo(1);
        assertThat(log.path("last_status").asInt()).isEqualTo(500);
        sender.deliverDue(now); // not due yet: the backoff has not passed
        assertThat(calls.get()).isEqualTo(1);

        sender.deliverDue(now.plus(Duration.ofHours(2)));
        assertThat(calls.get()).isEqualTo(2);
        assertThat(received).extracting(Received::body).allMatch(b -> b.contains(eventId)); // the same event again
        JsonNode delivered = delivery(eventId);
        assertThat(delivered.path("status").asText()).isEqualTo("delivered");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void shouldRefuseBadUrlsAndSendNothingToADisabledWebhook() throws IOException {
        for (String url : List.of("ftp://example.com/x", "/relative", "https://user:pw@example.com/x", "not a url")) {
            TestKeys.with(admin).contentType("application/json").body(JSON.createObjectNode().put("url", url).toString())
                    .post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("/url"));
        }
        TestKeys.with(admin).contentType("application/json").body("{\"url\": \"https://x.example\", \"secret\": \"s\"}")
                .post("/api/v1/webhooks").then().statusCode(400);

        TestKeys.with(admin).delete("/api/v1/webhooks/" + webhookId).then().statusCode(200).body("active", equalTo(false));
        TestKeys.with(admin).delete("/api/v1/webhooks/" + webhookId).then().statusCode(409)
                .body("detail", containsString("was disabled"));
        screenBlocked("HOOK-OFF-" + UUID.randomUUID());
        deliverAll();
        assertThat(received).isEmpty();
        webhookId = register();
    }

    private String register() {
        return TestKeys.with(admin).contentType("application/json")
                .body("{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\"}")
                .post("/api/v1/webhooks").then().statusCode(201).body("active", equalTo(true))
                .extract().jsonPath().getString("id");
    }

    private void deliverAll() {
        while (sender.deliverDue(Instant.now()) > 0) {
            // until nothing is due
        }
    }

    private static JsonNode delivery(String eventId) throws IOException {
        String body = TestKeys.with(TestKeys.create(Roles.AUDITOR)).get("/api/v1/webhooks/deliveries").then()
                .statusCode(200).extract().asString();
        for (JsonNode d : JSON.readTree(body)) {
            if (d.path("event_id").asText().equals(eventId)) {
                return d;
            }
        }
        throw new AssertionError("no delivery of event " + eventId);
    }

    private static void screenBlocked(String orderId) throws IOException {
        ObjectNode order = (ObjectNode) JSON.readTree(Files.readString(Path.of("examples/orders/25-us-valves-to-crimea.json")));
        order.put("id", orderId);
        TestKeys.with(TestKeys.create(Roles.SCREENER)).contentType("application/json").body(order.toString())
                .post("/api/v1/screenings").then().statusCode(201).body("decision", equalTo("BLOCK"));
    }
}
