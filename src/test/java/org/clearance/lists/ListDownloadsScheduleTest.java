package org.clearance.lists;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One job per source with a URL and a single-file format; sources without a URL or format get none. */
@QuarkusTest
@TestProfile(ListDownloadsScheduleTest.Sources.class)
class ListDownloadsScheduleTest {

    /** Three configured sources; the URL points at a closed local port, so a run fails quietly. */
    public static class Sources implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "clearance.lists.sources.watch.url", "http://127.0.0.1:9/watchlist.csv",
                    "clearance.lists.sources.watch.format", "CUSTOM_CSV",
                    "clearance.lists.sources.watch.every", "6h",
                    "clearance.lists.sources.noformat.url", "http://127.0.0.1:9/list.csv",
                    "clearance.lists.sources.manual.every", "1h");
        }
    }

    @Inject
    ListDownloads downloads;

    @Inject
    Scheduler scheduler;

    @Test
    void shouldScheduleOnlySourcesWithAUrlAndAFormat() {
        assertThat(downloads.schedule()).isEqualTo(1);
        assertThat(scheduler.getScheduledJob("list-download-watch")).isNotNull();
        assertThat(scheduler.getScheduledJob("list-download-noformat")).isNull();
        assertThat(scheduler.getScheduledJob("list-download-manual")).isNull();
    }
}
