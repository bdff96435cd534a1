package org.clearance.parties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearance.facts.Order;
import org.clearance.facts.PartyMatch;
import org.clearance.screening.PartyMatchSource;
import org.junit.jupiter.api.Test;

/** A rule test's unmapped-list setting changes how matches are reviewed, not how the lists are searched. */
class FixtureListsTest {

    @Test
    void shouldSearchThroughTheWrappedListsBatchSourceWhenReviewingUnmappedLists() {
        AtomicInteger batchesStarted = new AtomicInteger();
        PartyMatchSource lists = new PartyMatchSource() {
            @Override
            public List<PartyMatch> matches(Order order) {
                return List.of();
            }

            @Override
            public PartyMatchSource forBatch() {
                batchesStarted.incrementAndGet();
                return this;
            }
        };

        PartyMatchSource batch = FixtureLists.reviewingUnmappedIn(lists, List.of("EU")).forBatch();

        assertThat(batchesStarted).as("the wrapped lists' batch cache is used").hasValue(1);
        assertThat(batch).isNotSameAs(lists);
    }
}
