package org.clearance.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.clearance.screening.Screening;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The streaming pipeline without a broker: streamed orders are screened through the screening service and stored
 * once per (order id, content hash), redeliveries are answered from the stored screening, invalid orders become
 * dead letters with RFC 9457 problems. Runs on H2 and, in CI's second run, on PostgreSQL.
 */
@QuarkusTest
@Tag("database")
class StreamScreeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    StreamScreening streaming;

    @Test
    void shouldStoreAStreamedOrderOnceAndAnswerItsRedeliveryWithTheSameScreening() throws Exception {
        String id = unique("REDELIVERED");
        String order = ExampleOrders.withId(12, id);

        List<Publication> first = streaming.screen(List.of(message(7, id, order)));
        // The same record again, as after a consumer crash before its offset was committed.
        List<Publication> again = streaming.screen(List.of(message(7, id, order)));

        assertThat(first).extracting(Publication::kind).containsExactly(Publication.Kind.SCREENING, Publication.Kind.EVENT);
        JsonNode screening = JSON.readTree(first.get(0).json());
        assertThat(screening.path("order_id").asText()).isEqualTo(id);
        assertThat(screening.path("source").asText()).isEqualTo("clearance.orders/0@7");
        assertThat(screening.path("decision").asText()).isEqualTo("BLOCK");
        assertThat(screening.path("findings").size()).isPositive();
        JsonNode event = JSON.readTree(first.get(1).json());
        assertThat(event.path("type").asText()).isEqualTo("screening.decided");
        assertThat(event.path("screening_id").asText()).isEqualTo(screening.path("id").asText());
        assertThat(event.path("decision").asText()).isEqualTo("BLOCK");
        assertThat(first).allSatisfy(p -> assertThat(p.key()).isEqualTo(id));

        assertThat(again).extracting(Publication::kind).containsExactly(Publication.Kind.SCREENING, Publication.Kind.EVENT);
        assertThat(JSON.readTree(again.get(0).json()).path("id")).isEqualTo(screening.path("id"));
        assertThat(JSON.readTree(again.get(0).json()).path("decision")).isEqualTo(screening.path("decision"));
        assertThat(Screening.count("orderId", id)).isEqualTo(1);
    }

    @Test
    void shouldScreenAChangedOrderAgainAndACopyWithinOneBatchOnce() throws Exception {
        String id = unique("CHANGED");
        String original = ExampleOrders.withId(2, id);
        com.fasterxml.jackson.databind.node.ObjectNode amended = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(original);
        amended.put("date", "2026-01-15");
        String changed = JSON.writeValueAsString(amended);

        List<Publication> batch = streaming.screen(List.of(message(1, id, original), message(2, id, original),
                message(3, id, changed)));

        assertThat(batch).extracting(Publication::kind).containsExactly(
                Publication.Kind.SCREENING, Publication.Kind.EVENT, Publication.Kind.SCREENING, Publication.Kind.EVENT,
                Publication.Kind.SCREENING, Publication.Kind.EVENT);
        String firstId = JSON.readTree(batch.get(0).json()).path("id").asText();
        assertThat(JSON.readTree(batch.get(2).json()).path("id").asText()).isEqualTo(firstId);
        assertThat(JSON.readTree(batch.get(4).json()).path("id").asText()).isNotEqualTo(firstId);
        assertThat(Screening.count("orderId", id)).isEqualTo(2);
    }

    @Test
    void shouldDeadLetterInvalidOrdersWithTheirProblemsAndStoreNothing() throws Exception {
        String id = unique("INVALID");
        String wrongKey = unique("OTHER");
        String schemaInvalid = "{\"id\":\"" + id + "\",\"seller\":{}}";

        List<Publication> letters = streaming.screen(List.of(
                message(20, id, "{\"id\": \"" + id + "\", "),          // malformed JSON
                message(21, wrongKey, ExampleOrders.withId(3, id)),    // key is not the order id
                message(22, id, schemaInvalid),                         // not an order
                message(23, id, "[" + ExampleOrders.withId(3, id) + "]"))); // an array, not one order

        assertThat(letters).extracting(Publication::kind).containsOnly(Publication.Kind.DEAD_LETTER).hasSize(4);
        List<JsonNode> problems = letters.stream().map(p -> read(p.json())).toList();
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.path("type").asText()).isEqualTo(StreamScreening.PROBLEM_TYPE);
            assertThat(p.path("title").asText()).isEqualTo("Invalid order");
            assertThat(p.path("errors").size()).isPositive();
        });
        assertThat(problems.get(0).path("instance").asText()).isEqualTo("clearance.orders/0@20");
        assertThat(problems.get(0).path("errors").get(0).path("message").asText()).startsWith("malformed JSON");
        assertThat(problems.get(1).path("errors").get(0).path("pointer").asText()).isEqualTo("/id");
        assertThat(letters.get(1).key()).isEqualTo(wrongKey);
        assertThat(problems.get(2).path("errors")).extracting(e -> e.path("pointer").asText()).contains("/buyer");
        assertThat(problems.get(3).path("errors").get(0).path("message").asText()).contains("one order object");
        assertThat(Screening.count("orderId", id)).isZero();

        // Redelivered: the same dead letter again, still nothing stored.
        List<Publication> again = streaming.screen(List.of(message(22, id, schemaInvalid)));
        assertThat(again).singleElement().satisfies(p -> assertThat(p.json()).isEqualTo(letters.get(2).json()));
        assertThat(Screening.count("orderId", id)).isZero();
        assertThat(StreamedOrder.count("orderKey", id)).isEqualTo(3);
    }

    @Test
    void shouldFailTheBatchAndRecordNothingWhenTheDatabaseRefusesAValidOrdersScreening() {
        String id = unique("REFUSED");
        String order = ExampleOrders.withId(12, id);
        // A source longer than the database's column: the screening cannot be stored, though the order is valid.
        OrderMessage refused = new OrderMessage("t".repeat(1001), 0, 5, id, order);

        assertThatThrownBy(() -> streaming.screen(List.of(refused))).hasMessageContaining("did not store the screening");

        assertThat(Screening.count("orderId", id)).isZero();
        assertThat(StreamedOrder.count("orderKey", id)).as("not handled: a redelivery screens it").isZero();
        assertThat(streaming.screen(List.of(message(5, id, order))))
                .extracting(Publication::kind).containsExactly(Publication.Kind.SCREENING, Publication.Kind.EVENT);
        assertThat(Screening.count("orderId", id)).isEqualTo(1);
        assertThat(StreamedOrder.count("orderKey", id)).isEqualTo(1);
    }

    private static OrderMessage message(long offset, String key, String value) {
        return new OrderMessage("clearance.orders", 0, offset, key, value);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
