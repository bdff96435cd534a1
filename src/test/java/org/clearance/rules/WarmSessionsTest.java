package org.clearance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.clearance.facts.CountryRisk;
import org.clearance.rules.cases.RuleCase;
import org.clearance.screening.CountryRiskSource;
import org.clearance.screening.PartyMatchSource;
import org.clearance.history.BuyerHistorySource;
import org.clearance.screening.Screener;
import org.clearance.screening.ScreeningResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;

/**
 * A warm session is lent for one chunk and taken back exactly as it was primed: the next order screened on it gets
 * what a new session gives, whatever was screened before.
 */
class WarmSessionsTest {

    private static final Path ORDERS = Path.of("examples/orders");
    private static RulePack shipped;
    private static List<Path> exampleFiles;

    @BeforeAll
    static void loadPack() throws IOException {
        shipped = RulePackLoader.load(Path.of("rules"));
        try (Stream<Path> files = Files.list(ORDERS)) {
            exampleFiles = files.sorted().toList();
        }
    }

    @Test
    void shouldScreenEveryExampleOnOneReusedSessionAsOnANewSessionEach() throws IOException {
        RulePack pack = shipped.withDataSets(shipped.dataSets()); // a pool of its own: other tests share the pack
        RulePack unpooled = shipped.withDataSets(shipped.dataSets());
        List<Path> forwardThenBack = new ArrayList<>(exampleFiles);
        List<Path> reversed = new ArrayList<>(exampleFiles);
        Collections.reverse(reversed);
        forwardThenBack.addAll(reversed);

        for (Path file : forwardThenBack) {
            String text = Files.readString(file);
            List<ScreeningResult> warm = new Screener(pack).screen(file.toString(), text, null).results();
            List<ScreeningResult> fresh = new Screener(unpooled).onFreshSessions().screen(file.toString(), text, null).results();

            assertThat(warm).as(file.toString()).isNotEmpty().hasSameSizeAs(fresh);
            for (int i = 0; i < warm.size(); i++) {
                assertThat(outcome(warm.get(i))).as(file.toString()).isEqualTo(outcome(fresh.get(i)));
            }
            assertThat(pack.warmSessions().idleCount()).as("taken back after " + file).isEqualTo(1);
        }
        assertThat(pack.warmSessions().primedCount()).as("sessions primed for %d screenings", forwardThenBack.size())
                .isEqualTo(1);
        assertThat(exampleFiles).hasSizeGreaterThan(20);
    }

    @Test
    void shouldDisposeTheSessionOfALargeChunkRatherThanCleanIt() throws IOException {
        RulePack pack = shipped.withDataSets(shipped.dataSets());
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String order = Files.readString(exampleFiles.get(i % 25)).replaceAll("\\s*\\n\\s*", " ");
            ndjson.append(order.replaceFirst("\"id\"\\s*:\\s*\"[^\"]*\"", "\"id\": \"LARGE-" + i + "\"")).append('\n');
        }

        List<ScreeningResult> results = new Screener(pack).screen("large", ndjson.toString(), null).results();

        assertThat(results).hasSize(200);
        assertThat(pack.warmSessions().primedCount()).isEqualTo(1);
        assertThat(pack.warmSessions().idleCount()).as("more than %d facts to delete", WarmSessions.MAX_FACTS_TO_CLEAN)
                .isZero();
    }

    @Test
    void shouldPrimeAnotherSessionWhenTheCountryRisksChange() throws IOException {
        RulePack pack = shipped.withDataSets(shipped.dataSets());
        Path file = exampleFiles.get(0);
        String text = Files.readString(file);
        CountryRisk turkey = new CountryRisk("TR", 70, "test statistics");

        new Screener(pack).screen(file.toString(), text, null);
        new Screener(pack, PartyMatchSource.NONE, BuyerHistorySource.NONE, CountryRiskSource.of(List.of(turkey)))
                .screen(file.toString(), text, null);
        new Screener(pack, PartyMatchSource.NONE, BuyerHistorySource.NONE, CountryRiskSource.of(List.of(turkey)))
                .screen(file.toString(), text, null);

        assertThat(pack.warmSessions().primedCount()).isEqualTo(2);
        assertThat(pack.warmSessions().idleCount()).isEqualTo(1);
    }

    @Test
    void shouldDisposeASessionWhoseReferenceDataARuleDeleted(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/blocked-countries.csv"), """
                # source: test data
                # version: 2026-12-07
                # completeness: complete - test data
                key
                RU
                """);
        Files.writeString(dir.resolve("consuming.drl"), """
                package consuming;
                import org.clearance.facts.DataRow;
                import org.clearance.facts.Finding;
                import org.clearance.facts.OrderParty;
                import org.clearance.facts.PartyRole;
                rule "EAT-1 A buyer in a listed country uses the row up"
                    @id("EAT-1") @jurisdiction("EU") @severity("BLOCK") @citation("test") @effective("2020-01-01")
                when
                    $party : OrderParty( role == PartyRole.BUYER )
                    $row : DataRow( dataset == "blocked-countries", key == $party.party.country )
                then
                    insert(Finding.of(drools.getRule(), $party, "listed country"));
                    delete($row);
                end
                """);
        RulePack pack = RulePackLoader.loadUnshared(dir);
        Path russianBuyer = exampleFiles.stream()
                .filter(f -> f.getFileName().toString().equals("28-us-microcontrollers-from-us-to-russia.json")).findFirst()
                .orElseThrow();
        String text = Files.readString(russianBuyer);

        List<String> first = new Screener(pack).screen("first", text, null).results().get(0).ruleIds();
        List<String> second = new Screener(pack).screen("second", text, null).results().get(0).ruleIds();

        assertThat(first).containsExactly("EAT-1");
        assertThat(second).as("the row is back: a new session, not the one the rule emptied").containsExactly("EAT-1");
        assertThat(pack.warmSessions().primedCount()).isEqualTo(2);
        assertThat(pack.warmSessions().idleCount()).isZero();
    }

    @Test
    void shouldDisposeIdleSessionsWhenClosedAndKeepNoneAfter() throws IOException {
        RulePack pack = shipped.withDataSets(shipped.dataSets());
        Path file = exampleFiles.get(0);
        new Screener(pack).screen(file.toString(), Files.readString(file), null);
        KieSession idle = pack.warmSessions().idleSessions().get(0);

        pack.warmSessions().close();
        new Screener(pack).screen(file.toString(), Files.readString(file), null);

        assertThat(List.copyOf(pack.kieBase().getKieSessions()).contains(idle)).as("disposed, no longer a session of the rule base").isFalse();
        assertThat(pack.warmSessions().idleCount()).as("the session primed after closing was not kept").isZero();
        assertThat(pack.warmSessions().primedCount()).isEqualTo(2);
    }

    /** What a screening concluded: rules fired, their messages, applicability and risk, and the decision. */
    private static List<String> outcome(ScreeningResult result) {
        List<String> outcome = new ArrayList<>(RuleCase.firedIds(result));
        outcome.addAll(RuleCase.derived(result));
        outcome.add(result.decision().toString());
        return outcome;
    }
}
