package org.clearance.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * An exception as it may be logged at ERROR: its classes and stack frames, never its messages. Messages of
 * database, parser and engine exceptions quote the values they choke on (party names, order contents), which
 * the logs must not hold; the frames are what an engineer needs to find the fault.
 */
public final class ErrorTrace {

    private static final int FRAMES_PER_CAUSE = 12;

    private ErrorTrace() {
    }

    public static String of(Throwable error) {
        StringBuilder trace = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            trace.append(t == error ? "" : "\ncaused by ").append(t.getClass().getName());
            List<StackTraceElement> frames = new ArrayList<>(List.of(t.getStackTrace()));
            frames.stream().limit(FRAMES_PER_CAUSE).forEach(frame -> trace.append("\n\tat ").append(frame));
            if (frames.size() > FRAMES_PER_CAUSE) {
                trace.append("\n\t... ").append(frames.size() - FRAMES_PER_CAUSE).append(" more");
            }
        }
        return trace.toString();
    }
}
