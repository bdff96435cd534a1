package org.clearance.parties;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.audit.CanonicalJson;
import org.clearance.security.Actor;

/**
 * The dismissed (order party, list entry) pairs, cached in memory for screening. A pair is keyed with the
 * entry's content hash, so when the publisher changes the entry the dismissal stops applying by itself.
 * Dismissals are only ever added, so a changed row count tells that another process recorded some.
 */
@ApplicationScoped
public class Dismissals {

    private final AuditLog audit;
    private volatile Set<String> pairs;

    Dismissals(AuditLog audit) {
        this.audit = audit;
    }

    private static String contentHash(PartyDismissal dismissal) {
        com.fasterxml.jackson.databind.node.ObjectNode node = CanonicalJson.object();
        node.put("id", dismissal.id.toString());
        node.put("party_key", dismissal.partyKey);
        node.put("list_code", dismissal.listCode);
        node.put("source_id", dismissal.sourceId);
        node.put("entry_hash", dismissal.entryHash);
        node.put("reason", dismissal.reason);
        node.put("reviewer", dismissal.reviewer);
        node.put("created_at", dismissal.createdAt.toString());
        return CanonicalJson.sha256(node);
    }
    private volatile long rowsLoaded;

    static String pairKey(String partyKey, String listCode, String sourceId, String entryHash) {
        return partyKey + "\u001F" + listCode + "\u001F" + sourceId + "\u001F" + entryHash;
    }

    public boolean dismissed(String partyKey, ListedEntry listed) {
        return pairs().contains(pairKey(partyKey, listed.entry().source(), listed.entry().sourceId(), listed.contentHash()));
    }

    /** Stores a dismissal of {@code listed} for the party; validation of the request is the caller's job. */
    public DismissalView record(DismissalRequest request, ListedEntry listed, Actor actor) {
        PartyDismissal dismissal = new PartyDismissal();
        dismissal.id = UUID.randomUUID();
        dismissal.partyName = request.partyName().strip();
        dismissal.partyCountry = request.partyCountry() == null ? null : request.partyCountry().strip().toUpperCase(Locale.ROOT);
        dismissal.partyKey = PartyKey.of(dismissal.partyName, dismissal.partyCountry);
        dismissal.listCode = listed.entry().source();
        dismissal.sourceId = listed.entry().sourceId();
        dismissal.entryHash = listed.contentHash();
        dismissal.reason = request.reason().strip();
        dismissal.reviewer = request.reviewer().strip();
        dismissal.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> {
            dismissal.persist();
            audit.append(actor, AuditAction.DISMISSAL_CREATED, dismissal.id.toString(), contentHash(dismissal));
        });
        pairs().add(dismissal.pairKey());
        rowsLoaded++;
        return new DismissalView(dismissal.id, dismissal.partyName, dismissal.partyCountry, dismissal.listCode,
                dismissal.sourceId, listed.entry().primaryName(), dismissal.entryHash, dismissal.reason,
                dismissal.reviewer, dismissal.createdAt);
    }

    /** The dismissed pairs recorded at or before {@code at}, read from the database (for replaying a screening). */
    public Set<String> pairsAsOf(Instant at) {
        List<PartyDismissal> rows = QuarkusTransaction.joiningExisting().call(
                () -> PartyDismissal.<PartyDismissal>list("createdAt <= ?1", at));
        Set<String> pairs = new java.util.HashSet<>();
        rows.forEach(d -> pairs.add(d.pairKey()));
        return pairs;
    }

    private Set<String> pairs() {
        Set<String> current = pairs;
        if (current == null) {
            synchronized (this) {
                if (pairs == null) {
                    Set<String> loaded = java.util.concurrent.ConcurrentHashMap.newKeySet();
                    List<PartyDismissal> rows = QuarkusTransaction.requiringNew().call(() -> PartyDismissal.<PartyDismissal>listAll());
                    rows.forEach(d -> loaded.add(d.pairKey()));
                    rowsLoaded = rows.size();
                    pairs = loaded;
                }
                current = pairs;
            }
        }
        return current;
    }

    /** Forgets the cache, e.g. after dismissals were recorded by another process sharing the database. */
    public void refresh() {
        pairs = null;
    }

    /** Reloads the cache if another process (a second server, a CLI run) recorded dismissals since it was loaded. */
    public void refreshIfChanged() {
        if (pairs != null && QuarkusTransaction.joiningExisting().call(() -> PartyDismissal.count()) != rowsLoaded) {
            refresh();
        }
    }
}
