package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line: what it says, when it redraws, and that it says nothing when it is not to be shown. */
class ProgressLineTest {

    private static final long SECOND = 1_000_000_000L;

    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong();

    @Test
    void shouldSayDoneOfTotalTheRateAndTheTimeLeft() {
        assertThat(ProgressLine.text("screening", 1_200, 5_000, 2.0)).isEqualTo("screening: 1,200/5,000 (24 %), 600/s, 7 s left");
        assertThat(ProgressLine.text("screening", 1_000, 100_000, 1.0)).endsWith(", 1,000/s, 1:39 min left");
        assertThat(ProgressLine.text("reading", 300, -1, 3.0)).isEqualTo("reading: 300, 100/s");
        assertThat(ProgressLine.text("storing", 0, 0, 0)).isEqualTo("storing: 0/0 (100 %)");
    }

    @Test
    void shouldStayQuietForTheFirstSecondThenRedrawInPlaceAtMostFourTimesASecond() {
        ProgressLine line = new ProgressLine(new PrintWriter(text), true, now::get);

        line.update("screening", 100, 1_000);
        assertThat(text.toString()).as("a run shorter than a second shows nothing").isEmpty();

        now.set(2 * SECOND);
        line.update("screening", 200, 1_000);
        now.set(2 * SECOND + SECOND / 10);
        line.update("screening", 300, 1_000);
        now.set(3 * SECOND);
        line.update("screening", 1_000, 1_000);

        String first = "screening: 200/1,000 (20 %), 100/s, 8 s left";
        String last = "screening: 1,000/1,000 (100 %), 333/s";
        assertThat(text.toString()).as("the 300 at 0.1 s after a redraw is skipped; a shorter line blanks the rest")
                .isEqualTo("\r" + first + "\r" + last + " ".repeat(first.length() - last.length()));
        line.close();
        assertThat(text.toString()).endsWith("\r" + " ".repeat(44) + "\r");
    }

    @Test
    void shouldMeasureEachPhaseFromItsOwnStart() {
        ProgressLine line = new ProgressLine(new PrintWriter(text), true, now::get);
        now.set(10 * SECOND);
        line.update("screening", 10, 10);
        now.set(12 * SECOND);
        line.update("storing", 0, 10);
        now.set(13 * SECOND);
        line.update("storing", 10, 10);

        assertThat(text.toString()).contains("\rstoring: 10/10 (100 %), 10/s");
    }

    @Test
    void shouldPrintNothingWhenNotShown() {
        ProgressLine line = new ProgressLine(new PrintWriter(text), false, now::get);
        now.set(5 * SECOND);
        line.update("screening", 10, 100);
        line.close();

        assertThat(text.toString()).isEmpty();
    }
}
