package org.clearance.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * How far a long command is, on one line of standard error redrawn in place: the phase, done of total, the rate
 * and the time left. Only for a person at a terminal ({@code clearance.cli.progress}, which the clearance script
 * turns on when standard error is one); otherwise it prints nothing, so that standard error keeps only what the
 * command reports. Nothing shows for the first second, so short runs stay as quiet as before.
 */
public final class ProgressLine implements AutoCloseable {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean shown;
    private final LongSupplier nanoClock;
    private final long started;
    private String phase = "";
    private long phaseStarted;
    private long lastDrawn;
    private int drawnWidth;

    ProgressLine(PrintWriter err, boolean shown, LongSupplier nanoClock) {
        this.err = err;
        this.shown = shown;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.phaseStarted = started;
        this.lastDrawn = started - REDRAW_NANOS;
    }

    public static ProgressLine on(PrintWriter err, boolean shown) {
        return new ProgressLine(err, shown, System::nanoTime);
    }

    /** {@code done} of {@code total} items of {@code phase}; total -1 when unknown. */
    public synchronized void update(String phase, int done, int total) {
        if (!shown) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (!phase.equals(this.phase)) {
            this.phase = phase;
            phaseStarted = now;
            lastDrawn = now - REDRAW_NANOS; // a new phase shows at once
        }
        boolean last = total >= 0 && done >= total;
        if (now - started < QUIET_NANOS || (!last && now - lastDrawn < REDRAW_NANOS)) {
            return;
        }
        lastDrawn = now;
        draw(text(phase, done, total, (now - phaseStarted) / 1e9));
    }

    /** Clears the line, so that what the command prints next starts on a clean one. */
    @Override
    public void close() {
        clear();
    }

    /** Clears the line until the next update draws it again: for a report written while the command runs. */
    public synchronized void clear() {
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
            drawnWidth = 0;
        }
    }

    /** For example {@code screening: 1,200/5,000 (24 %), 850/s, 4 s left}. */
    static String text(String phase, int done, int total, double seconds) {
        StringBuilder text = new StringBuilder(phase).append(": ").append(String.format("%,d", done));
        if (total >= 0) {
            text.append(String.format("/%,d (%d %%)", total, total == 0 ? 100 : done * 100L / total));
        }
        if (seconds > 0 && done > 0) {
            double rate = done / seconds;
            text.append(String.format(", %,.0f/s", rate));
            if (total > done) {
                text.append(", ").append(duration((total - done) / rate)).append(" left");
            }
        }
        return text.toString();
    }

    private static String duration(double seconds) {
        long whole = Math.round(Math.ceil(seconds));
        return whole < 60 ? whole + " s" : String.format("%d:%02d min", whole / 60, whole % 60);
    }

    private void draw(String text) {
        String padded = text.length() < drawnWidth ? text + " ".repeat(drawnWidth - text.length()) : text;
        err.print("\r" + padded);
        err.flush();
        drawnWidth = Math.max(drawnWidth, text.length());
    }
}
