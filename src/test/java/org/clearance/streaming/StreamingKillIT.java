package org.clearance.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once effect across a crash: the packaged server is killed (SIGKILL) while it works through a backlog of
 * orders, a second one takes over the consumer group, and every order ends up stored once and published.
 */
@Tag("kafka")
class StreamingKillIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final int ORDERS = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldStoreEveryOrderOnceAndPublishEveryOrderWhenTheConsumerIsKilledMidStream() throws Exception {
        String prefix = Broker.freshPrefix();
        Path work = Files.createDirectories(Path.of("target/kill-it/" + prefix));
        // WRITE_DELAY=0: H2 writes each commit before acknowledging it (its default delays writes by 500 ms).
        String database = "jdbc:h2:file:" + work.toAbsolutePath().resolve("db/clearance") + ";WRITE_DELAY=0;AUTO_SERVER=TRUE";
        List<Map.Entry<String, String>> records = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            records.add(Map.entry(prefix + "-" + i, ExampleOrders.withId(i, prefix + "-" + i)));
        }
        Broker.produce(prefix + ".orders", records);

        Process first = server(prefix, database, work.resolve("first.log"));
        List<ConsumerRecord<String, String>> beforeKill = Broker.readUntil(prefix + ".screenings",
                read -> read.size() >= 50, Duration.ofMinutes(4));
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int publishedBeforeKill = Broker.readUntil(prefix + ".screenings", read -> false, Duration.ofSeconds(3)).size();
        assertThat(beforeKill).as("the first server screened something: %s", work.resolve("first.log")).hasSizeGreaterThanOrEqualTo(50);
        assertThat(publishedBeforeKill).as("killed mid-stream, not after the last order").isLessThan(ORDERS);

        Process second = server(prefix, database, work.resolve("second.log"));
        List<ConsumerRecord<String, String>> published;
        try {
            published = Broker.readUntil(prefix + ".screenings", read -> distinctKeys(read) >= ORDERS, Duration.ofMinutes(6));
        } finally {
            second.destroy();
            if (!second.waitFor(60, TimeUnit.SECONDS)) {
                second.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }

        Map<String, Set<String>> screeningIdsByOrder = published.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(r -> screeningId(r.value()), Collectors.toSet())));
        assertThat(screeningIdsByOrder).as("every order published: %s", work).hasSize(ORDERS);
        assertThat(screeningIdsByOrder.values()).as("no order published with two different screenings")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        // The server generated the database's password beside it on its first start (docs/operations.md).
        String password = java.nio.file.Files.readString(work.toAbsolutePath().resolve("db/clearance.secret")).strip();
        try (Connection db = DriverManager.getConnection(database, "clearance", password);
             ResultSet counts = db.createStatement().executeQuery("SELECT COUNT(*), COUNT(DISTINCT order_id) FROM screening"
                     + " WHERE order_id LIKE '" + prefix + "-%'")) {
            counts.next();
            assertThat(counts.getLong(1)).as("screenings stored").isEqualTo(ORDERS);
            assertThat(counts.getLong(2)).as("orders stored").isEqualTo(ORDERS);
        }
        Set<String> storedIds = new HashSet<>();
        screeningIdsByOrder.values().forEach(storedIds::addAll);
        assertThat(storedIds).hasSize(ORDERS);
        System.out.printf("kill test: %d orders, %d screenings published before the kill, %d records published in all"
                + " (%d republished after redelivery), %d stored%n", ORDERS, publishedBeforeKill, published.size(),
                published.size() - ORDERS, ORDERS);
    }

    private static Process server(String prefix, String database, Path log) throws IOException {
        List<String> command = org.clearance.testing.PackagedJar.java();
        command.addAll(List.of("-Xmx512m", "-Dquarkus.http.port=0", "-Dquarkus.datasource.jdbc.url=" + database,
                "-Dclearance.reload.watch=false", "-Dclearance.streaming.enabled=true",
                "-Dkafka.bootstrap.servers=" + Broker.servers(),
                // Small batches: many offset commits, so that the kill lands between screening and commit.
                "-Dmp.messaging.incoming.orders.max.poll.records=50"));
        Broker.topicConfig(prefix).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", JAR.toString(), "serve"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long distinctKeys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).distinct().count();
    }

    private static String screeningId(String json) {
        try {
            return JSON.readTree(json).path("id").asText();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
