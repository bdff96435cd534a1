package org.clearance.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.clearance.rules.RulePackRegistry;
import org.clearance.screening.Screening;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The server's consumer against a real broker: orders in, screenings, decision events and dead letters out. */
@QuarkusTest
@TestProfile(KafkaStreamingTest.Streaming.class)
@Tag("kafka")
class KafkaStreamingTest {

    static final String PREFIX = Broker.freshPrefix();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Streaming on, against the broker of the test run, on topics of this run only. */
    public static class Streaming implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(Broker.topicConfig(PREFIX));
            config.put("clearance.streaming.enabled", "true");
            config.put("kafka.bootstrap.servers", Broker.servers());
            return config;
        }
    }

    @Inject
    RulePackRegistry registry;

    @Test
    void shouldScreenEachOrderOncePublishItsScreeningAndEventAndDeadLetterTheInvalidOne() throws Exception {
        registry.current(); // what `serve` does first: the consumer waits for a loaded pack
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = PREFIX + "-" + i;
            records.add(Map.entry(id, ExampleOrders.withId(i, id)));
        }
        records.add(records.get(3)); // a producer retry: the same record twice
        records.add(Map.entry(PREFIX + "-bad", "{\"id\": \"" + PREFIX + "-bad\", \"seller\": {}}"));

        Broker.produce(PREFIX + ".orders", records);
        List<ConsumerRecord<String, String>> screenings = Broker.readUntil(PREFIX + ".screenings",
                read -> read.size() >= 21, Duration.ofMinutes(3));
        List<ConsumerRecord<String, String>> letters = Broker.readUntil(PREFIX + ".orders.dlq",
                read -> !read.isEmpty(), Duration.ofMinutes(1));
        List<ConsumerRecord<String, String>> events = Broker.readUntil(PREFIX + ".events",
                read -> read.size() >= 21, Duration.ofMinutes(1));

        // Each order's screening, keyed by its id, with one screening id however often it was published.
        Map<String, List<String>> screeningIds = screenings.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                Collectors.mapping(r -> read(r.value()).path("id").asText(), Collectors.toList())));
        assertThat(screeningIds).hasSize(20).containsKeys(PREFIX + "-0", PREFIX + "-19");
        assertThat(screeningIds.values()).allSatisfy(ids -> assertThat(ids).containsOnly(ids.get(0)));
        JsonNode first = read(screenings.get(0).value());
        assertThat(first.path("order_id").asText()).isEqualTo(screenings.get(0).key());
        assertThat(first.path("decision").asText()).isIn("CLEAR", "REVIEW", "BLOCK");
        assertThat(first.path("rule_pack").asText()).isEqualTo(registry.current().hash());
        assertThat(events).extracting(r -> read(r.value()).path("type").asText()).containsOnly("screening.decided");
        assertThat(events).extracting(ConsumerRecord::key).containsAll(screeningIds.keySet());

        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo(PREFIX + "-bad");
            JsonNode problem = read(letter.value());
            assertThat(problem.path("title").asText()).isEqualTo("Invalid order");
            assertThat(problem.path("errors")).extracting(e -> e.path("pointer").asText()).contains("/buyer");
        });
        for (int i = 0; i < 20; i++) {
            assertThat(Screening.count("orderId", PREFIX + "-" + i)).as("screenings of order %d", i).isEqualTo(1);
        }
        assertThat(Screening.count("orderId", PREFIX + "-bad")).isZero();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
