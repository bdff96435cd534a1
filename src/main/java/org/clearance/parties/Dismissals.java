package org.clearance.parties;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.audit.CanonicalJson;
import org.clearance.security.Actor;

/**
 * The dismissed (order party, list entry) pairs, cached in memory for screening. A pair is keyed with the
 * entry's content hash, so when the publisher changes the entry the dismissal stops applying by itself. A
 * dismissal may end on a date or be revoked; its row is never deleted, so the history of every decision stays.
 * The number of rows and of revoked rows tells that another process changed some since the cache was loaded.
 */
@ApplicationScoped
public class Dismissals {

    private static final LocalDate NO_END = LocalDate.MAX;

    /** Pair key → last day the dismissal applies. */
    private volatile Map<String, LocalDate> pairs;
    private volatile String loadedState;

    private final AuditLog audit;

    Dismissals(AuditLog audit) {
        this.audit = audit;
    }

    /** What the audit record of a dismissal (made or revoked) hashes: the row as it then stands. */
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
        if (dismissal.expiresOn != null) {
            node.put("expires_on", dismissal.expiresOn.toString());
        }
        if (dismissal.revokedAt != null) {
            node.put("revoked_at", dismissal.revokedAt.toString());
            node.put("revoked_by", dismissal.revokedBy);
            node.put("revoke_reason", dismissal.revokeReason);
        }
        return CanonicalJson.sha256(node);
    }

    static String pairKey(String partyKey, String listCode, String sourceId, String entryHash) {
        return partyKey + "\u001F" + listCode + "\u001F" + sourceId + "\u001F" + entryHash;
    }

    public boolean dismissed(String partyKey, ListedEntry listed) {
        LocalDate until = pairs().get(pairKey(partyKey, listed.entry().source(), listed.entry().sourceId(), listed.contentHash()));
        return until != null && !LocalDate.now(ZoneOffset.UTC).isAfter(until);
    }

    /** Stores a dismissal of {@code listed} for the party, reviewed by {@code reviewer}; validation of the request is the caller's job. */
    public DismissalView record(DismissalRequest request, ListedEntry listed, Actor reviewer) {
        DismissalView view = QuarkusTransaction.requiringNew().call(() -> recordInTransaction(request, listed, reviewer));
        refresh();
        return view;
    }

    /**
     * As {@link #record}, in the caller's transaction with the change that made it (e.g. a case disposition); the
     * caller calls {@link #refresh()} after the commit.
     */
    public DismissalView recordInTransaction(DismissalRequest request, ListedEntry listed, Actor reviewer) {
        PartyDismissal dismissal = new PartyDismissal();
        dismissal.id = UUID.randomUUID();
        dismissal.partyName = request.partyName().strip();
        dismissal.partyCountry = request.partyCountry() == null ? null : request.partyCountry().strip().toUpperCase(Locale.ROOT);
        dismissal.partyKey = PartyKey.of(dismissal.partyName, dismissal.partyCountry);
        dismissal.listCode = listed.entry().source();
        dismissal.sourceId = listed.entry().sourceId();
        dismissal.entryHash = listed.contentHash();
        dismissal.reason = request.reason().strip();
        dismissal.reviewer = reviewer.name();
        dismissal.expiresOn = request.expiresOn();
        dismissal.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        dismissal.persist();
        audit.append(reviewer, AuditAction.DISMISSAL_CREATED, dismissal.id.toString(), contentHash(dismissal));
        return DismissalView.of(dismissal, listed.entry().primaryName());
    }

    /** Revokes a dismissal: it stops applying at once; the row keeps who revoked it, when and why. */
    public DismissalView revoke(UUID id, String reason, Actor by) {
        DismissalView view = QuarkusTransaction.requiringNew().call(() -> {
            PartyDismissal dismissal = PartyDismissal.findById(id);
            if (dismissal == null) {
                throw new DismissalNotFoundException(id.toString());
            }
            if (dismissal.revokedAt != null) {
                throw new DismissalAlreadyRevokedException(dismissal.id, dismissal.revokedBy, dismissal.revokedAt);
            }
            dismissal.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            dismissal.revokedBy = by.name();
            dismissal.revokeReason = reason.strip();
            audit.append(by, AuditAction.DISMISSAL_REVOKED, dismissal.id.toString(), contentHash(dismissal));
            return DismissalView.of(dismissal, null);
        });
        refresh();
        return view;
    }

    /** One dismissal, whatever its state. */
    public DismissalView get(UUID id) {
        PartyDismissal dismissal = QuarkusTransaction.joiningExisting().call(() -> PartyDismissal.findById(id));
        if (dismissal == null) {
            throw new DismissalNotFoundException(id.toString());
        }
        return DismissalView.of(dismissal, null);
    }

    /** Every dismissal (active, expired and revoked), newest first, optionally for one party name and/or one list. */
    public List<DismissalView> list(String partyName, String listCode) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (partyName != null && !partyName.isBlank()) {
            conditions.add("lower(partyName) = :party");
            parameters.and("party", partyName.strip().toLowerCase(Locale.ROOT));
        }
        if (listCode != null && !listCode.isBlank()) {
            conditions.add("listCode = :list");
            parameters.and("list", listCode.strip());
        }
        Sort newestFirst = Sort.descending("createdAt").and("id");
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<PartyDismissal> rows = conditions.isEmpty() ? PartyDismissal.listAll(newestFirst)
                    : PartyDismissal.list(String.join(" and ", conditions), newestFirst, parameters);
            return rows.stream().map(d -> DismissalView.of(d, null)).toList();
        });
    }

    /**
     * The pairs that applied at {@code at}, read from the database (for replaying a screening): recorded by then,
     * not yet revoked and not yet expired.
     */
    public java.util.Set<String> pairsAsOf(Instant at) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        List<PartyDismissal> rows = QuarkusTransaction.joiningExisting().call(
                () -> PartyDismissal.<PartyDismissal>list("createdAt <= ?1", at));
        java.util.Set<String> pairs = new java.util.HashSet<>();
        rows.stream().filter(d -> d.revokedAt == null || d.revokedAt.isAfter(at))
                .filter(d -> d.expiresOn == null || !day.isAfter(d.expiresOn))
                .forEach(d -> pairs.add(d.pairKey()));
        return pairs;
    }

    private Map<String, LocalDate> pairs() {
        Map<String, LocalDate> current = pairs;
        if (current == null) {
            synchronized (this) {
                if (pairs == null) {
                    Map<String, LocalDate> loaded = new ConcurrentHashMap<>();
                    String state = QuarkusTransaction.requiringNew().call(() -> {
                        PartyDismissal.<PartyDismissal>list("revokedAt is null")
                                .forEach(d -> loaded.put(d.pairKey(), d.expiresOn == null ? NO_END : d.expiresOn));
                        return state();
                    });
                    loadedState = state;
                    pairs = loaded;
                }
                current = pairs;
            }
        }
        return current;
    }

    /** Rows and revoked rows: either changes when any process records or revokes a dismissal. */
    private static String state() {
        return PartyDismissal.count() + "/" + PartyDismissal.count("revokedAt is not null");
    }

    /** Forgets the cache, e.g. after dismissals were recorded by another process sharing the database. */
    public void refresh() {
        pairs = null;
    }

    /** Reloads the cache if another process (a second server, a CLI run) recorded or revoked dismissals since it was loaded. */
    public void refreshIfChanged() {
        if (pairs != null && !QuarkusTransaction.joiningExisting().call(Dismissals::state).equals(loadedState)) {
            refresh();
        }
    }
}
