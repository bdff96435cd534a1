package org.clearance.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.clearance.cases.CasePage;
import org.clearance.cases.CaseQuery;
import org.clearance.cases.CaseService;
import org.clearance.cases.CaseStatistics;
import org.clearance.cases.CaseSummary;
import org.clearance.cases.Priority;
import org.clearance.screening.Decision;
import org.clearance.screening.Screening;
import org.clearance.screening.ScreeningStatistics;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The console's queries on the test database (H2, and PostgreSQL in CI): the dashboard's counts agree with a plain
 * count of the same rows, each sorting of the case queue orders whatever cases exist as it says, and sessions are
 * kept and ended in the database.
 */
@QuarkusTest
@Tag("database")
class DashboardNumbersTest {

    @Inject
    ScreeningStatistics screenings;

    @Inject
    CaseStatistics cases;

    @Inject
    CaseService caseService;

    @Test
    void shouldCountTodaysScreeningsByDecisionAsTheTableHoldsThem() throws Exception {
        String screener = TestKeys.create(Roles.SCREENER);
        for (String example : List.of("25-us-valves-to-crimea.json", "03-italian-furniture-to-kazakhstan-clear.json")) {
            String order = Files.readString(Path.of("examples/orders", example))
                    .replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"DASH-" + UUID.randomUUID() + "\"");
            TestKeys.with(screener).contentType("application/json").body(order).post("/api/v1/screenings").then().statusCode(201);
        }
        List<ScreeningStatistics.DayCount> days = screenings.perDay(DashboardPage.CHART_DAYS, null);
        assertThat(days).hasSize(DashboardPage.CHART_DAYS);
        ScreeningStatistics.DayCount today = days.get(days.size() - 1);
        assertThat(today.day()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        Instant midnight = today.day().atStartOfDay(ZoneOffset.UTC).toInstant();
        for (Decision decision : List.of(Decision.CLEAR, Decision.REVIEW, Decision.BLOCK)) {
            long stored = QuarkusTransaction.requiringNew().call(() ->
                    Screening.count("decision = ?1 and screenedAt >= ?2", decision, midnight));
            long counted = switch (decision) {
                case CLEAR -> today.clear();
                case REVIEW -> today.review();
                default -> today.block();
            };
            assertThat(counted).as(decision + " today").isEqualTo(stored);
        }
        assertThat(today.block()).isPositive();
        assertThat(today.clear()).isPositive();
    }

    @Test
    void shouldCountOpenCasesOnceEachAndSortTheQueueAsAsked() {
        CaseStatistics.OpenCases open = cases.open();
        assertThat(open.rows().stream().mapToLong(CaseStatistics.PriorityRow::total).sum()).isEqualTo(open.open());
        assertThat(open.overdue()).isBetween(0L, open.open());

        CaseQuery openOnly = new CaseQuery(List.of(org.clearance.cases.CaseStatus.OPEN,
                org.clearance.cases.CaseStatus.IN_REVIEW, org.clearance.cases.CaseStatus.ESCALATED), null, null, null, null, null);
        assertThat(caseService.list(openOnly, 0, 500).total()).isEqualTo(open.open());
        assertOrdered(caseService.list(openOnly, CaseService.Sorting.PRIORITY, 0, 500),
                Comparator.comparing(CaseSummary::priority, Comparator.comparingInt(Priority::ordinal)));
        assertOrdered(caseService.list(openOnly, CaseService.Sorting.RISK, 0, 500),
                Comparator.comparing(CaseSummary::riskScore, Comparator.nullsLast(Comparator.reverseOrder())));
        assertOrdered(caseService.list(openOnly, CaseService.Sorting.NEWEST, 0, 500),
                Comparator.comparing(CaseSummary::openedAt, Comparator.reverseOrder()));
        assertOrdered(caseService.list(openOnly, CaseService.Sorting.DUE, 0, 500), Comparator.comparing(CaseSummary::dueAt));
    }

    @Test
    void shouldKeepSessionsInTheDatabaseAndEndThemWithTheirKey() {
        ConsoleSessions sessions = io.quarkus.arc.Arc.container().instance(ConsoleSessions.class).get();
        org.clearance.security.CreatedApiKey key = TestKeys.created(Roles.AUDITOR);
        ConsoleSessions.Opened opened = sessions.open(org.clearance.security.ApiKeyToken.parse(key.secret()).orElseThrow())
                .orElseThrow();
        assertThat(sessions.resolve(opened.token())).get().extracting(a -> a.actor().roles()).isEqualTo(java.util.Set.of(Roles.AUDITOR));
        ConsoleSessions.Opened viaProvider = sessions.open(new org.clearance.security.Actor("ann@example.com",
                java.util.Set.of(Roles.OFFICER, Roles.AUDITOR)));
        assertThat(sessions.resolve(viaProvider.token())).get().extracting(a -> a.actor().name()).isEqualTo("ann@example.com");

        io.quarkus.arc.Arc.container().instance(org.clearance.security.ApiKeys.class).get()
                .revoke(key.key().name(), org.clearance.security.Actor.system("test"));
        assertThat(sessions.resolve(opened.token())).as("the key was revoked").isEmpty();
        sessions.close(viaProvider.token(), new org.clearance.security.Actor("ann@example.com", java.util.Set.of()));
        assertThat(sessions.resolve(viaProvider.token())).as("signed out").isEmpty();
        assertThat(sessions.resolve("not-a-token")).isEmpty();
    }

    private static void assertOrdered(CasePage page, Comparator<CaseSummary> order) {
        assertThat(page.items()).isSortedAccordingTo(order);
    }
}
