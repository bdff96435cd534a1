package org.clearance.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditChain;
import org.clearance.audit.AuditService;
import org.clearance.audit.ScreeningContent;
import org.clearance.facts.CountryRisk;
import org.clearance.order.OrderInput;
import org.clearance.rules.RulePackRegistry;
import org.clearance.screening.Decision;
import org.clearance.screening.FindingView;
import org.clearance.screening.ScreeningService;
import org.clearance.screening.ScreeningView;
import org.clearance.security.Actor;
import org.clearance.trade.CountryRisks;
import org.clearance.trade.TradeImportService;
import org.clearance.trade.TradeStatistic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Replay gives the rules the country risks and buyer history a screening was given, not today's: a trade import or a
 * re-screening after it changes nothing of the original replay. Screenings stored before these (or the cited licences)
 * were recorded still verify and replay, and the report says what was not recorded.
 */
@QuarkusTest
@Tag("database")
class ReplayContextTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * The reporter this test imports trade statistics for: removed before and after, as TradeImportServiceTest does.
     * Norway is an Annex VIII partner country, so an order to it is CLEAR unless its computed risk says otherwise.
     */
    private static final String REPORTER = "NO";

    @Inject
    ScreeningService screenings;

    @Inject
    ReplayService replays;

    @Inject
    TradeImportService trade;

    @Inject
    CountryRisks countryRisks;

    @Inject
    AuditService audit;

    @Inject
    RulePackRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    @AfterEach
    void forgetNorway() {
        QuarkusTransaction.requiringNew().run(() -> TradeStatistic.delete("reporter", REPORTER));
        countryRisks.refresh();
    }

    @Test
    void shouldReplayWithTheCountryRisksOfTheScreeningAfterATradeImportChangedThem() throws Exception {
        importNorwayExports(false); // CHP exports to Kazakhstan in 2023 and none in the baseline: a new flow
        assertThat(norwayScore()).isGreaterThanOrEqualTo(50);
        ScreeningView stored = screen(order("TRD-NO-1", uniqueBuyer(), "NO", "2025-05-20", 500));
        assertThat(stored.decision()).isEqualTo(Decision.REVIEW);
        assertThat(ruleIds(stored.findings())).contains("ALL-TRD-01");

        importNorwayExports(true); // the baseline years export as much: no surge any more
        assertThat(norwayScore()).isLessThan(50);

        ReplayReport original = replays.replay(stored.id(), false);
        assertThat(original.identical()).isTrue();
        assertThat(original.context()).isEqualTo(ReplayReport.CONTEXT_RECORDED);
        assertThat(original.replayedDecision()).isEqualTo(Decision.REVIEW);
        assertThat(original.notes()).noneMatch(n -> n.contains("not recorded"));

        ReplayReport current = replays.replay(stored.id(), true);
        assertThat(current.context()).isEqualTo(ReplayReport.CONTEXT_CURRENT);
        assertThat(current.replayedDecision()).isEqualTo(Decision.CLEAR);
        assertThat(ruleIds(current.removed())).contains("ALL-TRD-01");
    }

    @Test
    void shouldReplayWithTheBuyerHistoryOfTheScreeningAfterAnEarlierOrderWasReScreened() throws Exception {
        String buyer = uniqueBuyer();
        screen(order("HIST-1", buyer, "CH", "2025-01-10", 500));
        screen(order("HIST-2", buyer, "CH", "2025-02-10", 500));
        ScreeningView jump = screen(order("HIST-3", buyer, "CH", "2025-03-10", 5000));
        assertThat(ruleIds(jump.findings())).contains("ALL-HIST-JUMP-01");

        // HIST-1 screened again, now for 5000 units: its history row is replaced by a later one.
        screen(order("HIST-1", buyer, "CH", "2025-01-10", 5000));

        ReplayReport original = replays.replay(jump.id(), false);
        assertThat(original.identical()).isTrue();
        assertThat(original.context()).isEqualTo(ReplayReport.CONTEXT_RECORDED);
        assertThat(ruleIds(original.findings())).contains("ALL-HIST-JUMP-01");

        ReplayReport current = replays.replay(jump.id(), true);
        assertThat(current.identical()).as("5000 is under three times today's average of 2750").isFalse();
        assertThat(ruleIds(current.removed())).contains("ALL-HIST-JUMP-01");
    }

    @Test
    void shouldVerifyAndReplayAScreeningStoredBeforeItsContextWasRecorded() throws Exception {
        UUID recorded = screen(order("OLD-1", uniqueBuyer(), "CH", "2025-05-20", 500)).id();
        UUID old = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            copyWithoutContext(connection, recorded, old);
            // What the code of before the context columns hashed and recorded for it (as migration V7_1 still does).
            String before = ScreeningContent.hashes(connection, List.of(old), false).get(old);
            assertThat(ScreeningContent.hashes(connection, List.of(old)).get(old)).isEqualTo(before);
            AuditChain.append(connection, "system:test", AuditAction.SCREENING_STORED, old.toString(), before);
            connection.commit();
        }

        assertThat(audit.verify(null).problems()).noneMatch(p -> old.toString().equals(p.subject()));
        ReplayReport replay = replays.replay(old, false);
        assertThat(replay.identical()).isTrue();
        assertThat(replay.context()).isEqualTo(ReplayReport.CONTEXT_NOT_RECORDED);
        assertThat(replay.notes()).anyMatch(n -> n.startsWith("country risks and buyer history were not recorded"));
    }

    @Test
    void shouldReplayAScreeningStoredBeforeItsCitedLicencesWereRecordedWithTodaysRegisterAndSaySo() throws Exception {
        ObjectNode cites = order("OLD-LIC-1", uniqueBuyer(), "CH", "2025-05-20", 500);
        cites.putArray("authorisations").addObject().put("jurisdiction", "EU").put("type", "licence")
                .put("reference", "UNREGISTERED-" + UUID.randomUUID().toString().substring(0, 8));
        UUID recorded = screen(cites).id();
        UUID old = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            copy(connection, recorded, old, List.of("cited_licences"));
            AuditChain.append(connection, "system:test", AuditAction.SCREENING_STORED, old.toString(),
                    ScreeningContent.hashes(connection, List.of(old)).get(old));
            connection.commit();
        }

        assertThat(audit.verify(null).problems()).noneMatch(p -> old.toString().equals(p.subject()));
        assertThat(replays.replay(recorded, false).notes()).as("recorded: none found").noneMatch(n -> n.contains("licence"));
        ReplayReport replay = replays.replay(old, false);
        assertThat(replay.identical()).isTrue();
        assertThat(replay.notes()).anyMatch(n -> n.startsWith("the licences the order cites were not recorded"));
    }

    /**
     * Inserts a copy of screening {@code from} as {@code to} with its findings and risk factors, as a screening stored
     * before the context columns existed: all null. Inserting is what the append-only triggers allow.
     */
    private static void copyWithoutContext(Connection connection, UUID from, UUID to) throws Exception {
        copy(connection, from, to, List.of("country_risk_set", "buyer_history", "cited_licences"));
    }

    /** As {@link #copyWithoutContext}, leaving out (null) the screening's {@code leftOut} columns. */
    private static void copy(Connection connection, UUID from, UUID to, List<String> leftOut) throws Exception {
        copyRows(connection, "screening", "id", from, to, leftOut);
        copyRows(connection, "screening_finding", "screening_id", from, to, List.of());
        copyRows(connection, "screening_risk_factor", "screening_id", from, to, List.of());
    }

    private static void copyRows(Connection connection, String table, String key, UUID from, UUID to,
                                 List<String> leftOut) throws Exception {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table + " WHERE 1 = 0");
             ResultSet row = select.executeQuery()) {
            ResultSetMetaData meta = row.getMetaData();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                String column = meta.getColumnName(c).toLowerCase(java.util.Locale.ROOT);
                if (!column.equals(key) && !leftOut.contains(column)) {
                    columns.add(column);
                }
            }
        }
        String list = String.join(", ", columns);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (" + key + ", " + list
                + ") SELECT ?, " + list + " FROM " + table + " WHERE " + key + " = ?")) {
            insert.setObject(1, to);
            insert.setObject(2, from);
            insert.executeUpdate();
        }
    }

    private void importNorwayExports(boolean withBaseline) throws Exception {
        StringBuilder csv = new StringBuilder("typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,"
                + "reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,"
                + "partner2Desc,classificationCode,cmdCode,cmdDesc,customsCode,mosCode,motCode,primaryValue\n");
        for (int year = withBaseline ? 2015 : 2023; year <= 2023; year++) {
            if (year > 2021 && year < 2023) {
                continue;
            }
            for (int month = 1; month <= 3; month++) {
                String period = String.format("%d%02d", year, month);
                csv.append(String.format("C,M,%s01,%d,%d,%s,578,NOR,Norway,X,Export,398,KAZ,Kazakhstan,0,W00,World,H6,"
                        + "854231,,C00,0,0,1000.00%n", period, year, month, period));
            }
        }
        Path file = Files.createTempFile("norway-trade", ".csv");
        try {
            Files.writeString(file, csv);
            trade.importFile(file);
        } finally {
            Files.delete(file);
        }
    }

    private int norwayScore() {
        return countryRisks.risks().stream().filter(r -> r.country().equals(REPORTER)).mapToInt(CountryRisk::score)
                .findFirst().orElse(0);
    }

    private ScreeningView screen(ObjectNode order) {
        registry.current(); // compile the pack outside the screening's transaction (its timeout is 60 s)
        List<ScreeningService.Outcome> outcomes = screenings.screenAndStore(
                OrderInput.split("test", order.toString()).documents(), null, Actor.cliOperator());
        assertThat(outcomes.get(0).view()).as("screened").isNotNull();
        return outcomes.get(0).view();
    }

    private static List<String> ruleIds(List<FindingView> findings) {
        return findings.stream().map(FindingView::ruleId).toList();
    }

    private static String uniqueBuyer() {
        return "Replaykunde " + UUID.randomUUID().toString().substring(0, 8) + " AG";
    }

    /** The Swiss base order of the rule tests, with another id, buyer (and its country), date and CHP quantity. */
    private static ObjectNode order(String id, String buyer, String country, String date, int chpQuantity)
            throws Exception {
        ObjectNode order = (ObjectNode) JSON.readTree(Path.of("rules/bases/eu-chips-to-switzerland.json").toFile());
        order.put("id", id);
        order.put("date", date);
        for (String party : List.of("buyer", "end_user")) {
            ((ObjectNode) order.get(party)).put("name", buyer).put("country", country);
        }
        ((ObjectNode) order.get("consignees").get(0)).put("name", buyer).put("country", country);
        ((ObjectNode) order.get("payment").get("payer")).put("name", buyer).put("country", country);
        ((ObjectNode) order.get("payment")).put("bank_country", country);
        order.putArray("route").add("DE").add(country);
        ((ObjectNode) order.get("lines").get(0)).put("quantity", chpQuantity);
        return order;
    }
}
