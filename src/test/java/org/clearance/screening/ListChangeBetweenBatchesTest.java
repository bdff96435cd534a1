package org.clearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.clearance.facts.PartyMatch;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListImportService;
import org.clearance.order.OrderDocument;
import org.clearance.order.StrictUtf8;
import org.clearance.security.Actor;
import org.clearance.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a batch remembers of its party matches never reaches the next one: a list imported between them is seen. */
@QuarkusTest
@Tag("database")
@TestSecurity(user = "batch", roles = {Roles.SCREENER})
class ListChangeBetweenBatchesTest {

    /** An invented buyer (buyer, consignee and payer of the order), new in every run: the test database outlives the run. */
    private static final String BUYER = "Quellmark Optronics " + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    ScreeningService screenings;

    @Inject
    ListImportService imports;

    @BeforeEach
    void loadRulePack() {
        org.clearance.fuzz.ServerWarmup.loadRulePack();
    }

    @Test
    void shouldMatchTheBuyerAgainstAListImportedAfterTheFirstBatch() throws IOException {
        List<List<PartyMatch>> first = screenTwice("LCB-1-");

        Path list = Files.writeString(Files.createTempFile("batch-list", ".csv"),
                "name,aliases,country,address,reason\n" + BUYER + ",,KZ,,test entry\n");
        imports.importFile("batch-list-test", ListFormat.CUSTOM_CSV, list, Actor.cliOperator());
        List<List<PartyMatch>> second = screenTwice("LCB-2-");

        assertThat(first).allSatisfy(matches -> assertThat(matches).isEmpty());
        assertThat(second).allSatisfy(matches -> assertThat(matches)
                .extracting(m -> m.party().pointer() + " " + m.entryName() + " " + m.score())
                .containsExactly("/buyer " + BUYER + " 1.0", "/consignees/0 " + BUYER + " 1.0",
                        "/payment/payer " + BUYER + " 1.0"));
    }

    /** The matches on the imported list of example 03's buyer, screened twice in one batch. */
    private List<List<PartyMatch>> screenTwice(String prefix) throws IOException {
        String example = Files.readString(Path.of("examples/orders/03-italian-furniture-to-kazakhstan-clear.json"))
                .replace("Dala Interior LLP", BUYER);
        String body = "[" + example.replace("MVS-25-0932", prefix + UUID.randomUUID()) + ","
                + example.replace("MVS-25-0932", prefix + UUID.randomUUID()) + "]";
        List<OrderDocument> documents = StrictUtf8.split("test", body.getBytes(StandardCharsets.UTF_8)).documents();
        return screenings.screenAndStore(documents, null, Actor.cliOperator()).stream()
                .map(outcome -> outcome.item().result().partyMatches().stream()
                        .filter(m -> m.list().equals("BATCH-LIST-TEST")).toList())
                .toList();
    }
}
