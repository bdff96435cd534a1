package org.clearance.rules.guard;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.runtime.KieSession;

/**
 * Runs a candidate pack's rule tests or screenings in a worker thread with a time budget, so that a rule that
 * never finishes fails the check instead of hanging the server. When the budget is spent, the sessions the
 * worker opened are halted (enough for rules that keep re-firing), then the thread is interrupted, and as a
 * last resort stopped: a consequence stuck in library code (an endless stream) answers to nothing else.
 * {@code Thread.stop} is deprecated, but still works on Java 17, and the candidate pack it runs is thrown away.
 */
public final class TimeBudget {

    private static final ThreadLocal<Set<KieSession>> WATCHED = new ThreadLocal<>();
    private static final Duration GRACE = Duration.ofSeconds(1);

    private TimeBudget() {
    }

    /** The task took longer than its budget and was stopped. */
    public static final class ExceededException extends RuntimeException {

        private final Duration budget;

        ExceededException(String what, Duration budget) {
            super(what + " did not finish within " + budget.toSeconds() + " s (clearance.reload.check-timeout): "
                    + "a rule loops or keeps firing; it was stopped");
            this.budget = budget;
        }

        public Duration budget() {
            return budget;
        }
    }

    /** Runs {@code task} in a worker thread; throws {@link ExceededException} if it takes longer than {@code budget}. */
    public static <T> T run(String what, Duration budget, Callable<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Set<KieSession> sessions = ConcurrentHashMap.newKeySet();
        Thread worker = new Thread(() -> {
            WATCHED.set(sessions);
            try {
                result.set(task.call());
            } catch (Throwable e) { // ThreadDeath too: the stopped worker ends here
                failure.set(e);
            } finally {
                WATCHED.remove();
            }
        }, "rule-check");
        worker.setDaemon(true);
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        worker.start();
        try {
            worker.join(budget.toMillis());
            if (worker.isAlive()) {
                stop(worker, sessions);
                throw new ExceededException(what, budget);
            }
        } catch (InterruptedException e) {
            stop(worker, sessions);
            Thread.currentThread().interrupt();
            throw new ExceededException(what, budget);
        }
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        if (thrown != null) {
            throw new IllegalStateException(what + " failed", thrown);
        }
        return result.get();
    }

    /** Called by the screening engine for each session it opens: halted if its worker runs out of time. */
    public static void watch(KieSession session) {
        Set<KieSession> sessions = WATCHED.get();
        if (sessions != null) {
            sessions.add(session);
        }
    }

    /** Called by the screening engine when a session is disposed. */
    public static void unwatch(KieSession session) {
        Set<KieSession> sessions = WATCHED.get();
        if (sessions != null) {
            sessions.remove(session);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread worker, Set<KieSession> sessions) throws ExceededException {
        sessions.forEach(session -> {
            try {
                session.halt();
            } catch (RuntimeException e) {
                // the session may be disposing; stopping the thread below still ends it
            }
        });
        if (join(worker)) {
            return;
        }
        worker.interrupt();
        if (join(worker)) {
            return;
        }
        worker.stop(); // last resort: a consequence busy in library code answers neither halt nor interrupt
        join(worker);
    }

    private static boolean join(Thread worker) {
        try {
            worker.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !worker.isAlive();
    }
}
