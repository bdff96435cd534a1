package org.clearance.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import org.clearance.facts.CountryRisk;
import org.clearance.facts.DataRow;
import org.clearance.rules.guard.TimeBudget;
import org.kie.api.KieBase;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Sessions of one rule pack that already hold its reference data and the country risks, lent for a chunk of orders
 * and taken back once everything the chunk brought in is gone again. Inserting the reference rows costs more than
 * screening one order, so a single order screened on a warm session skips that cost.
 *
 * <p>A session is taken back only when it is exactly as it was lent: no reference fact updated or deleted by a rule,
 * and as many facts as after priming. Otherwise it is disposed, and the next chunk gets a fresh one.
 */
public final class WarmSessions implements AutoCloseable {

    /** Idle sessions kept: one per core is enough for the threads that screen at once. */
    private static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors());

    /**
     * Most facts a chunk may leave for the session to be cleaned and kept. Deleting a large chunk's facts costs more
     * than priming a new session (each deletion revisits the accumulations over every order still in the session),
     * so after one the session is disposed: 100,000 orders in chunks of 500 took a quarter longer when cleaned.
     */
    static final int MAX_FACTS_TO_CLEAN = 2_000;

    private final KieBase kieBase;
    private final List<DataSet> dataSets;
    private final ConcurrentLinkedDeque<Primed> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger primings = new AtomicInteger();
    private volatile boolean closed;

    WarmSessions(KieBase kieBase, List<DataSet> dataSets) {
        this.kieBase = kieBase;
        this.dataSets = dataSets;
    }

    /** A session with the reference data and {@code countryRisks}: an idle one primed with the same risks, or a new one. */
    public Lease lend(List<CountryRisk> countryRisks) {
        for (Primed primed = idle.poll(); primed != null; primed = idle.poll()) {
            if (primed.countryRisks.equals(countryRisks)) {
                return new Lease(this, primed);
            }
            primed.session.dispose(); // the risks were computed again since it was primed
        }
        return new Lease(this, prime(countryRisks));
    }

    /** A new session with the reference data, never kept: for callers that change the rule base between uses. */
    public Lease fresh(List<CountryRisk> countryRisks) {
        return new Lease(null, prime(countryRisks));
    }

    /** Disposes the idle sessions; sessions lent out are disposed when they come back. */
    @Override
    public void close() {
        closed = true;
        for (Primed primed = idle.poll(); primed != null; primed = idle.poll()) {
            primed.session.dispose();
        }
    }

    int idleCount() {
        return idle.size();
    }

    List<KieSession> idleSessions() {
        return idle.stream().map(Primed::session).toList();
    }

    /** How many sessions this pool has primed since it was made. */
    int primedCount() {
        return primings.get();
    }

    private Primed prime(List<CountryRisk> countryRisks) {
        primings.incrementAndGet();
        KieSession session = kieBase.newKieSession();
        for (DataSet dataSet : dataSets) {
            if (dataSet.completeness() != null) {
                session.insert(dataSet.completeness());
            }
            for (DataRow row : dataSet.rows()) {
                session.insert(row);
            }
        }
        countryRisks.forEach(session::insert);
        // Rules on reference data alone fire now, once, rather than with every chunk's orders; a candidate pack's
        // check stops them here too if they never finish.
        TimeBudget.watch(session);
        try {
            session.fireAllRules();
        } finally {
            TimeBudget.unwatch(session);
        }
        Recorder recorder = new Recorder();
        session.addEventListener(recorder);
        return new Primed(session, List.copyOf(countryRisks), session.getFactCount(), recorder);
    }

    private void takeBack(Primed primed) {
        if (closed || idle.size() >= MAX_IDLE) {
            primed.session.dispose();
            return;
        }
        idle.push(primed);
        if (closed && idle.remove(primed)) { // closed while it was being put back
            primed.session.dispose();
        }
    }

    /** One session lent for one chunk of orders: insert, fire, read what was added, then close. */
    public static final class Lease implements AutoCloseable {

        private final WarmSessions owner;
        private final Primed primed;
        private boolean completed;

        private Lease(WarmSessions owner, Primed primed) {
            this.owner = owner;
            this.primed = primed;
        }

        public KieSession session() {
            return primed.session;
        }

        public void insert(Object fact) {
            primed.session.insert(fact);
        }

        /** Every fact inserted since the session was lent, by the caller or by the rules, that is still in it. */
        public List<Object> added() {
            List<Object> present = new ArrayList<>();
            for (FactHandle handle : primed.recorder.inserted) {
                Object fact = primed.session.getObject(handle);
                if (fact != null) {
                    present.add(fact);
                }
            }
            return present;
        }

        /** The chunk was screened to the end: the session may be cleaned and kept (otherwise it is disposed). */
        public void completed() {
            completed = true;
        }

        @Override
        public void close() {
            boolean keep = false;
            try {
                keep = owner != null && completed && primed.recorder.inserted.size() <= MAX_FACTS_TO_CLEAN
                        && primed.clean();
            } finally {
                if (keep) {
                    owner.takeBack(primed);
                } else {
                    primed.session.dispose();
                }
            }
        }
    }

    private record Primed(KieSession session, List<CountryRisk> countryRisks, long factCount, Recorder recorder) {

        /**
         * Deletes every fact inserted since the session was lent, the chunk's and the rules' (logical ones too, newest
         * first); true if the session is back to its primed state. The rules see the deletions when the next chunk
         * fires, so cleaning costs no evaluation of its own.
         */
        boolean clean() {
            List<FactHandle> inserted = recorder.inserted;
            for (int i = inserted.size() - 1; i >= 0; i--) {
                deleteIfPresent(inserted.get(i));
            }
            boolean clean = !recorder.referenceTouched && session.getFactCount() == factCount;
            recorder.reset();
            return clean;
        }

        private void deleteIfPresent(FactHandle handle) {
            if (session.getObject(handle) != null) {
                session.delete(handle);
            }
        }
    }

    /** Records the facts inserted after priming, and whether a rule changed or removed a primed fact. */
    private static final class Recorder implements RuleRuntimeEventListener {

        private final List<FactHandle> inserted = new ArrayList<>();
        private final Set<FactHandle> insertedSet = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean referenceTouched;

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (insertedSet.add(event.getFactHandle())) {
                inserted.add(event.getFactHandle());
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            touched(event.getFactHandle());
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            touched(event.getFactHandle());
        }

        private void touched(FactHandle handle) {
            if (!insertedSet.contains(handle)) {
                referenceTouched = true;
            }
        }

        void reset() {
            inserted.clear();
            insertedSet.clear();
            referenceTouched = false;
        }
    }
}
