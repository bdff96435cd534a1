package org.clearance.lists;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.clearance.testing.ListsDatabase;
import org.junit.jupiter.api.Test;

/** One job per source with a URL and a single-file format; sources without a URL or format get none. */
@QuarkusTest
@TestProfile(ListsDatabase.class)
class ListDownloadsScheduleTest {

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
