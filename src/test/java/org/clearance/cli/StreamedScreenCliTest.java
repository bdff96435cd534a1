package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.clearance.order.InputProblem;
import org.clearance.screening.ScreeningView;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screen} of a few thousand orders: read, screened, stored and reported a chunk at a time, each order's buyer
 * history counting every order before it in the input wherever the chunks fall, and the work per order the same for
 * a run twice as long (counted in statements, not timed).
 */
@QuarkusTest
@Tag("cli")
class StreamedScreenCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Cli cli;

    @Inject
    EntityManager entities;

    @Inject
    JsonReportWriter jsonWriter;

    @TempDir
    Path folder;

    @Test
    void shouldScreenAStreamInChunksWithTheHistoryOfEveryEarlierOrder() throws IOException {
        String buyer = "Streamkunde " + UUID.randomUUID().toString().substring(0, 8);
        Path orders = ndjson("run", buyer, 2_600);

        CliRun run = cli.launch("screen", "--format", "json", orders.toString());

        assertThat(run.exitCode()).as("%s", run.errors()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(run.output());
        assertThat(report.get("results")).hasSize(2_600);
        assertThat(report.get("errors")).isEmpty();
        // Orders cycle through three buyers: the last order of buyer 0 has 866 of its own before it, across the
        // chunk boundaries at 1,000 and 2,000.
        JsonNode last = history(report.get("results").get(2_598).get("id").asText());
        assertThat(last.get("order_id").asText()).isEqualTo("run-2598");
        assertThat(last.get("previous_orders").asInt()).isEqualTo(866);
    }

    @Test
    void shouldDoTheSameWorkPerOrderForARunTwiceAsLong() throws IOException {
        Path shorter = ndjson("short", "Kurzkunde " + UUID.randomUUID().toString().substring(0, 8), 1_200);
        Path longer = ndjson("long", "Langkunde " + UUID.randomUUID().toString().substring(0, 8), 2_400);
        // Untimed first run: the first command of a fresh application also reads what it caches (webhooks, lists).
        work(ndjson("warm-up", "Vorkunde " + UUID.randomUUID().toString().substring(0, 8), 10));

        Work one = work(shorter);
        Work two = work(longer);

        assertThat(one.statements()).as("statements are counted").isGreaterThan(12);
        assertThat(one.queries()).as("queries are counted").isPositive();

        assertThat(two.statements()).as("statements: %s then %s", one, two).isBetween(one.statements(), one.statements() * 21 / 10);
        assertThat(two.queries()).as("queries: %s then %s", one, two).isBetween(one.queries(), one.queries() * 21 / 10);
        assertThat(two.loaded()).as("entities loaded: %s then %s", one, two).isLessThanOrEqualTo(one.loaded() * 21 / 10 + 10);
    }

    @Test
    void shouldWriteTheSameJsonStreamedAsWhole() {
        ScreeningView screened = JSON.convertValue(JSON.createObjectNode(), ScreeningView.class);
        List<ScreeningView> results = List.of(screened, screened);
        List<InputProblem> errors = List.of(new InputProblem("a.json", "/buyer", "unknown country \"XX\""));
        StringWriter whole = new StringWriter();
        StringWriter streamed = new StringWriter();

        jsonWriter.write(new ScreeningReport("abc123", results, errors), new PrintWriter(whole));
        ReportSink sink = jsonWriter.open("abc123", new PrintWriter(streamed));
        results.forEach(sink::add);
        sink.finish(errors);

        assertThat(streamed.toString()).isEqualTo(whole.toString()).contains("\"rule_pack\" : \"abc123\"");
    }

    /** What one run asked of the database. */
    private record Work(long statements, long queries, long loaded) {
    }

    private Work work(Path orders) {
        Statistics statistics = entities.getEntityManagerFactory().unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            CliRun run = cli.launch("screen", "--format", "json", orders.toString());
            assertThat(run.exitCode()).as("%s", run.errors()).isEqualTo(ExitCodes.OK);
            return new Work(statistics.getPrepareStatementCount(), statistics.getQueryExecutionCount(),
                    statistics.getEntityLoadCount());
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    private JsonNode history(String screeningId) throws IOException {
        String json = QuarkusTransaction.requiringNew().call(() -> (String) entities
                .createNativeQuery("SELECT buyer_history FROM screening WHERE id = ?1")
                .setParameter(1, UUID.fromString(screeningId)).getSingleResult());
        return JSON.readTree(json);
    }

    /** {@code count} copies of the rule tests' Swiss base order, cycling through three buyers, ids PREFIX-0, -1, … */
    private Path ndjson(String prefix, String buyer, int count) throws IOException {
        ObjectNode base = (ObjectNode) JSON.readTree(Path.of("rules/bases/eu-chips-to-switzerland.json").toFile());
        Path file = folder.resolve(prefix + ".ndjson");
        try (var out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                ObjectNode order = base.deepCopy();
                order.put("id", prefix + "-" + i);
                ((ObjectNode) order.get("buyer")).put("name", buyer + " " + (i % 3));
                out.write(order.toString());
                out.write('\n');
            }
        }
        return file;
    }
}
