package org.clearance.trade;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clearance.screening.Progress;

/**
 * Imports a Comtrade file atomically: the whole file is read and checked first; any bad row throws
 * {@link TradeFileException} and nothing is written. Then, in one transaction, each row's key (reporter, partner,
 * HS-6, month, flow) is inserted if new or its value replaced if different; stored rows the file does not mention
 * stay. Importing the same file twice therefore changes nothing, and an overlapping file revises what it overlaps.
 */
@ApplicationScoped
public class TradeImportService {

    private static final int FLUSH_EVERY = 500;

    private final EntityManager em;
    private final Event<TradeStatisticsChanged> changed;

    TradeImportService(EntityManager em, Event<TradeStatisticsChanged> changed) {
        this.em = em;
        this.changed = changed;
    }

    public TradeImportResult importFile(Path file) throws IOException {
        return importFile(file, Progress.NONE);
    }

    /** As above, telling {@code progress} how many rows are stored. */
    public TradeImportResult importFile(Path file, Progress progress) throws IOException {
        TradeFile read;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read = ComtradeCsvReader.read(in, file.toString());
        }
        return importRows(read, progress);
    }

    public TradeImportResult importRows(TradeFile file) {
        return importRows(file, Progress.NONE);
    }

    /** Serialised: two overlapping imports at once must not both insert the same key. */
    public synchronized TradeImportResult importRows(TradeFile file, Progress progress) {
        TradeImportResult result = QuarkusTransaction.requiringNew().call(() -> store(file, progress));
        Log.infof("Trade statistics: %d added, %d changed, %d unchanged, %d skipped", result.added(), result.changed(),
                result.unchanged(), file.skippedCount());
        if (result.changedAnything()) {
            changed.fire(new TradeStatisticsChanged(result.added(), result.changed()));
        }
        return result;
    }

    private TradeImportResult store(TradeFile file, Progress progress) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<TradeRow.Key, TradeStatistic> stored = storedFor(file.rows());
        int added = 0;
        int replaced = 0;
        int unchanged = 0;
        int pending = 0;
        int done = 0;
        for (TradeRow row : file.rows()) {
            progress.update("storing rows", done++, file.rows().size());
            TradeStatistic existing = stored.get(row.key());
            if (existing == null) {
                TradeStatistic.of(row, now).persist();
                added++;
            } else if (existing.valueUsd.compareTo(row.valueUsd()) != 0) {
                existing.valueUsd = row.valueUsd();
                existing.importedAt = now;
                replaced++;
            } else {
                unchanged++;
                continue;
            }
            if (++pending % FLUSH_EVERY == 0) {
                em.flush();
            }
        }
        em.flush();
        return new TradeImportResult(added, replaced, unchanged, file.skipped());
    }

    /** The stored statistics of the file's reporters and years, by key (one query per reporter). */
    private Map<TradeRow.Key, TradeStatistic> storedFor(List<TradeRow> rows) {
        Map<String, int[]> yearsByReporter = new HashMap<>();
        for (TradeRow row : rows) {
            int year = row.month().getYear();
            yearsByReporter.merge(row.reporter(), new int[] {year, year},
                    (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        Map<TradeRow.Key, TradeStatistic> stored = new HashMap<>();
        yearsByReporter.forEach((reporter, years) -> {
            List<TradeStatistic> found = TradeStatistic.list("reporter = ?1 and periodYear between ?2 and ?3",
                    reporter, years[0], years[1]);
            found.forEach(s -> stored.put(s.row().key(), s));
        });
        return stored;
    }
}
