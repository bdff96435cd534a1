package org.clearance.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts of stored screenings, for the console's dashboard. Days are the database's (UTC on a UTC server). */
@ApplicationScoped
public class ScreeningStatistics {

    private final EntityManager em;
    private final Clock clock = Clock.systemUTC();

    ScreeningStatistics(EntityManager em) {
        this.em = em;
    }

    /** One day's screenings by decision. */
    public record DayCount(LocalDate day, long clear, long review, long block) {
        public long total() {
            return clear + review + block;
        }
    }

    /**
     * The last {@code days} days up to today, oldest first, each with its counts (zero when nothing was screened);
     * only the screenings of {@code submittedBy} when it is not null.
     */
    @Transactional
    public List<DayCount> perDay(int days, String submittedBy) {
        LocalDate today = LocalDate.now(clock);
        LocalDate first = today.minusDays(days - 1L);
        Map<LocalDate, Map<Decision, Long>> counts = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            counts.put(day, new EnumMap<>(Decision.class));
        }
        // Grouped in the database: a day can have many thousand screenings.
        String jpql = "select year(s.screenedAt), month(s.screenedAt), day(s.screenedAt), s.decision, count(s) from Screening s "
                + "where s.screenedAt >= :since" + (submittedBy == null ? "" : " and s.submittedBy = :by")
                + " group by year(s.screenedAt), month(s.screenedAt), day(s.screenedAt), s.decision";
        var query = em.createQuery(jpql, Object[].class)
                .setParameter("since", first.atStartOfDay(ZoneOffset.UTC).toInstant());
        if (submittedBy != null) {
            query.setParameter("by", submittedBy);
        }
        for (Object[] row : query.getResultList()) {
            LocalDate day = LocalDate.of(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), ((Number) row[2]).intValue());
            Map<Decision, Long> byDecision = counts.get(day);
            if (byDecision != null) {
                byDecision.merge((Decision) row[3], ((Number) row[4]).longValue(), Long::sum);
            }
        }
        List<DayCount> result = new ArrayList<>();
        counts.forEach((day, byDecision) -> result.add(new DayCount(day, byDecision.getOrDefault(Decision.CLEAR, 0L),
                byDecision.getOrDefault(Decision.REVIEW, 0L), byDecision.getOrDefault(Decision.BLOCK, 0L))));
        return result;
    }
}
