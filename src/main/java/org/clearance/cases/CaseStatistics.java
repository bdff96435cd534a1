package org.clearance.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The open cases by priority and age, for the console's dashboard. */
@ApplicationScoped
public class CaseStatistics {

    /** The age columns of the dashboard, each up to its limit (the last has none). */
    public enum AgeBand {
        UNDER_A_DAY("< 1 day", Duration.ofDays(1)),
        ONE_TO_THREE_DAYS("1–3 days", Duration.ofDays(3)),
        THREE_TO_SEVEN_DAYS("3–7 days", Duration.ofDays(7)),
        OVER_A_WEEK("> 7 days", null);

        private final String label;
        private final Duration upTo;

        AgeBand(String label, Duration upTo) {
            this.label = label;
            this.upTo = upTo;
        }

        public String label() {
            return label;
        }

        static AgeBand of(Duration age) {
            for (AgeBand band : values()) {
                if (band.upTo == null || age.compareTo(band.upTo) < 0) {
                    return band;
                }
            }
            throw new AssertionError("the last band has no limit");
        }
    }

    /** One priority's open cases in each age band. */
    public record PriorityRow(Priority priority, List<Long> byAge, long total) {
    }

    /** Every priority's row, highest first, and how many open cases are past due. */
    public record OpenCases(List<PriorityRow> rows, long open, long overdue) {
    }

    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();

    CaseStatistics(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public OpenCases open() {
        Instant now = Instant.now(clock);
        Map<Priority, long[]> counts = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            counts.put(priority, new long[AgeBand.values().length]);
        }
        long open = 0;
        long overdue = 0;
        // Open cases are what officers have in hand: hundreds, not millions, so they are counted here.
        List<Object[]> rows = em.createQuery("select c.priority, c.openedAt, c.dueAt from ComplianceCase c "
                + "where c.status not in :closed", Object[].class)
                .setParameter("closed", List.of(CaseStatus.RELEASED, CaseStatus.REJECTED)).getResultList();
        for (Object[] row : rows) {
            counts.get((Priority) row[0])[AgeBand.of(Duration.between((Instant) row[1], now)).ordinal()]++;
            open++;
            if (((Instant) row[2]).isBefore(now)) {
                overdue++;
            }
        }
        List<PriorityRow> priorityRows = counts.entrySet().stream().map(e -> new PriorityRow(e.getKey(),
                java.util.Arrays.stream(e.getValue()).boxed().toList(), java.util.Arrays.stream(e.getValue()).sum())).toList();
        return new OpenCases(priorityRows, open, overdue);
    }
}
