package org.clearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.clearance.order.OrderInput;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Screenings survive the round trip through the real database (H2, and PostgreSQL in CI's second run). */
@QuarkusTest
@Tag("database")
class ScreeningStorageTest {

    @Inject
    ScreeningService service;

    @Test
    void shouldStoreTheOrderAsReceivedWithDecisionVerdictsFindingsAndPack() throws IOException {
        String json = Files.readString(Path.of("examples/orders/13-hk-trader-fpga-to-russia-via-kyrgyzstan.json"));
        ScreeningService.Outcome outcome = service.screenAndStore(OrderInput.split("test", json).documents(), null, org.clearance.security.Actor.cliOperator()).get(0);

        Screening stored = reload(outcome.view().id());

        assertThat(stored.orderId).isEqualTo("VHM-25-1120-07");
        assertThat(stored.decision).isEqualTo(Decision.BLOCK);
        assertThat(stored.verdictUs).isEqualTo(Decision.BLOCK);
        assertThat(stored.rulePack).hasSize(64).isEqualTo(outcome.view().rulePack());
        assertThat(stored.asOf).isEqualTo(outcome.view().asOf());
        assertThat(stored.screenedAt).isBefore(Instant.now().plusSeconds(1));
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(stored.orderJson))
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        assertThat(stored.findings).extracting(f -> f.ruleId)
                .containsExactlyElementsOf(outcome.view().findings().stream().map(FindingView::ruleId).toList());
        assertThat(stored.findings).allSatisfy(f -> assertThat(f.citation).isNotBlank());
        assertThat(ScreeningView.of(stored)).isEqualTo(outcome.view());
    }

    @Test
    void shouldNotStoreAnInvalidOrder() {
        long before = count();
        List<ScreeningService.Outcome> outcomes = service.screenAndStore(
                OrderInput.split("test", "{\"id\": \"X\", \"seller\": {}}").documents(), null, org.clearance.security.Actor.cliOperator());

        assertThat(outcomes.get(0).view()).isNull();
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void shouldStoreWhatTheCallerKeepsWithEachScreeningInItsTransactionAndNeitherWhenEitherFails() throws IOException {
        String json = Files.readString(Path.of("examples/orders/13-hk-trader-fpga-to-russia-via-kyrgyzstan.json"))
                .replace("VHM-25-1120-07", "ALONGSIDE-" + java.util.UUID.randomUUID());
        String orderId = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).path("id").asText();
        List<java.util.UUID> seen = new java.util.ArrayList<>();

        List<ScreeningService.Outcome> refused = service.screenAndStore(OrderInput.split("test", json).documents(),
                org.clearance.security.Actor.cliOperator(), (document, screeningId) -> {
                    seen.add(screeningId);
                    assertThat(reloadIfVisible(screeningId)).as("in the storing transaction").isTrue();
                    throw new IllegalStateException("the caller's row is refused");
                });

        assertThat(seen).hasSize(1);
        assertThat(refused).singleElement().satisfies(o -> assertThat(o.storageFailed()).isTrue());
        assertThat(reloadIfVisible(seen.get(0))).as("rolled back with the caller's row").isFalse();
        assertThat(countOrder(orderId)).isZero();

        ScreeningService.Outcome stored = service.screenAndStore(OrderInput.split("test", json).documents(),
                org.clearance.security.Actor.cliOperator(), (document, screeningId) -> seen.add(screeningId)).get(0);
        assertThat(seen).hasSize(2).last().isEqualTo(stored.view().id());
        assertThat(countOrder(orderId)).isEqualTo(1);
    }

    /** Whether the current transaction (the storing one, when called from it) sees the screening. */
    boolean reloadIfVisible(java.util.UUID id) {
        return Screening.findById(id) != null;
    }

    @Transactional
    long countOrder(String orderId) {
        return Screening.count("orderId", orderId);
    }

    @Transactional
    Screening reload(java.util.UUID id) {
        Screening screening = Screening.findById(id);
        screening.findings.size();
        return screening;
    }

    @Transactional
    long count() {
        return Screening.count();
    }
}
