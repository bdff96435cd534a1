package org.clearance.screening;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.clearance.config.ClearanceConfig;
import org.clearance.security.Actor;
import org.clearance.security.Roles;

/**
 * Reading stored screenings as a caller may: officers and auditors read all, a screener only those it submitted
 * (another's screening is "not found": its existence is not the screener's to learn). The API and the console both
 * read through here.
 */
@ApplicationScoped
public class StoredScreenings {

    /** A page of stored screenings, newest first. */
    public record Page(int page, int pageSize, long total, List<ScreeningView> items) {
    }

    /** A stored screening with what the API shows apart: the order as received, who sent it, its party matches. */
    public record Stored(ScreeningView view, String orderJson, String submittedBy, List<MatchView> partyMatches) {
    }

    /** A party match as stored with its screening. */
    public record MatchView(String partyPointer, String partyRole, String partyName, String partyCountry, String list,
                            String sourceId, String entryName, double score, boolean strong, String listVersion) {
        static MatchView of(StoredPartyMatch m) {
            return new MatchView(m.partyPointer, m.partyRole, m.partyName, m.partyCountry, m.listCode, m.sourceId,
                    m.entryName, m.score, m.strong, m.listVersion);
        }
    }

    private final ClearanceConfig config;

    StoredScreenings(ClearanceConfig config) {
        this.config = config;
    }

    /** The page a query string asks for; an {@link org.clearance.web.InvalidQueryException} names every bad parameter. */
    @Transactional
    public Page page(MultivaluedMap<String, String> query, Actor caller) {
        int pageSize = config.api().pageSize();
        ScreeningListRequest request = ScreeningListRequest.parse(query, pageSize);
        var found = request.query(onlyOf(caller)).find().page(io.quarkus.panache.common.Page.of(request.page(), pageSize));
        List<ScreeningView> items = found.<Screening>list().stream().map(ScreeningView::of).toList();
        return new Page(request.page(), pageSize, found.count(), items);
    }

    /** The screening {@code id} with its order and matches, if it exists and the caller may read it. */
    @Transactional
    public Optional<Stored> find(String id, Actor caller) {
        return readable(id, caller).map(s -> new Stored(ScreeningView.of(s), s.orderJson, s.submittedBy,
                s.partyMatches.stream().map(MatchView::of).toList()));
    }

    /** The stored entity, for the API's own answers; joins the caller's transaction. */
    Optional<Screening> readable(String id, Actor caller) {
        UUID uuid = parseId(id);
        Screening screening = uuid == null ? null : Screening.findById(uuid);
        String onlyOf = onlyOf(caller);
        if (screening == null || onlyOf != null && !onlyOf.equals(screening.submittedBy)) {
            return Optional.empty();
        }
        return Optional.of(screening);
    }

    /** The submitter whose screenings alone the caller may read, or null when it may read all (officer, auditor). */
    static String onlyOf(Actor caller) {
        return caller.hasRole(Roles.OFFICER) || caller.hasRole(Roles.AUDITOR) ? null : caller.name();
    }

    static UUID parseId(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
