package org.clearance.rules.reload;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most one pack check (validate, reload, a watched change) runs at a time on a server: each compiles a
 * whole pack and runs its tests, and several at once starve the screenings. API callers are turned away
 * with a 429 while one runs; the folder watcher waits its turn.
 */
@ApplicationScoped
public class PackCheckSlot {

    /** Seconds a refused caller is told to wait ({@code Retry-After}): about one check of the shipped pack. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private final Semaphore slot = new Semaphore(1, true);

    /** Runs {@code check} if no other check is running, else throws {@link PackCheckBusyException}. */
    public <T> T tryRun(Supplier<T> check) {
        if (!slot.tryAcquire()) {
            throw new PackCheckBusyException();
        }
        try {
            return check.get();
        } finally {
            slot.release();
        }
    }

    /** Runs {@code check} once no other check is running. */
    public <T> T run(Supplier<T> check) {
        slot.acquireUninterruptibly();
        try {
            return check.get();
        } finally {
            slot.release();
        }
    }
}
