package org.clearance.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditChain;
import org.clearance.webhooks.WebhookEndpoint;
import org.clearance.audit.AuditLog;
import org.clearance.audit.CanonicalJson;
import org.clearance.parties.DismissalRequest;
import org.clearance.parties.Dismissals;
import org.clearance.lists.ListImportService;
import org.clearance.parties.ListedEntry;
import org.clearance.parties.ListedPartyFinder;
import org.clearance.parties.PartyIndex;
import org.clearance.screening.Decision;
import org.clearance.screening.Screening;
import org.clearance.screening.StoredFinding;
import org.clearance.screening.StoredPartyMatch;
import org.clearance.security.Actor;
import org.clearance.webhooks.Webhooks;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Opens a case for every screening that ends REVIEW or BLOCK (or attaches it to its order's open case), and carries
 * out what officers do to cases. A party an officer confirms as a true match goes on the internal watch list, so that
 * it is still caught after its publisher drops it. Each change is one transaction with its timeline event and its audit record.
 */
@ApplicationScoped
public class CaseService {

    /** A screening just stored: what a case needs to know of it. */
    public record StoredScreening(UUID id, String orderId, Decision decision, Integer riskScore) {
    }

    private final CasesConfig config;
    private final AuditLog audit;
    private final Dismissals dismissals;
    private final PartyIndex parties;
    private final EntityManager em;
    private final Webhooks webhooks;
    private final ListImportService imports;

    CaseService(CasesConfig config, AuditLog audit, Dismissals dismissals, PartyIndex parties, EntityManager em,
                Webhooks webhooks, ListImportService imports) {
        this.imports = imports;
        this.webhooks = webhooks;
        this.config = config;
        this.audit = audit;
        this.dismissals = dismissals;
        this.parties = parties;
        this.em = em;
        for (String decision : config.fourEyes()) {
            if (!List.of("BLOCK", "REVIEW", "NONE").contains(decision.strip().toUpperCase(Locale.ROOT))) {
                throw new IllegalStateException("clearance.cases.four-eyes: '" + decision
                        + "' is not BLOCK, REVIEW or none");
            }
        }
    }

    /**
     * Opens or updates the cases of screenings stored in the caller's transaction, by {@code submitter}'s submission.
     * A CLEAR screening of an order with an open case is attached to it (the case stays open: an officer closes it).
     */
    public void screeningsStored(List<StoredScreening> stored, Actor submitter, Instant now) {
        // One indexed query per 500 orders finds the open cases to attach to (CLEAR screenings included).
        List<String> orderIds = stored.stream().map(StoredScreening::orderId).distinct().toList();
        Map<String, ComplianceCase> open = new HashMap<>();
        for (int from = 0; from < orderIds.size(); from += 500) {
            ComplianceCase.<ComplianceCase>list("openOrderId in ?1", orderIds.subList(from, Math.min(orderIds.size(), from + 500)))
                    .forEach(c -> open.put(c.orderId, c));
        }
        List<CaseLink> links = new ArrayList<>();
        Events events = new Events(webhooks.activeEndpoints());
        for (StoredScreening screening : stored) {
            ComplianceCase existing = open.get(screening.orderId());
            if (existing != null) {
                attach(existing, screening, submitter, now, events);
                links.add(new CaseLink(existing.id, screening.id()));
            } else if (screening.decision() != Decision.CLEAR) {
                ComplianceCase opened = openCase(screening, submitter, now, events);
                open.put(screening.orderId(), opened);
                links.add(new CaseLink(opened.id, screening.id()));
            }
        }
        audit.appendAll(submitter, events.audits());
        linkScreenings(links, now);
    }

    /**
     * The case events of a chunk of stored screenings: their audit records, appended together after them (three
     * statements, not three per case), and the webhook endpoints, read once.
     */
    private record Events(List<WebhookEndpoint> endpoints, List<AuditChain.Entry> audits) {

        Events(List<WebhookEndpoint> endpoints) {
            this(endpoints, new ArrayList<>());
        }
    }

    /** A screening attached to a case: a row of case_screening. */
    private record CaseLink(UUID caseId, UUID screeningId) {
    }

    /**
     * Inserts the links in one JDBC batch after one flush, which writes the cases and screenings they refer to. A
     * statement per link made Hibernate flush the whole chunk before each: storing grew with the square of the chunk.
     */
    private void linkScreenings(List<CaseLink> links, Instant now) {
        if (links.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO case_screening (case_id, screening_id, attached_at) VALUES (?, ?, ?)")) {
                for (CaseLink link : links) {
                    insert.setObject(1, link.caseId());
                    insert.setObject(2, link.screeningId());
                    insert.setObject(3, now.atOffset(java.time.ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private ComplianceCase openCase(StoredScreening screening, Actor submitter, Instant now, Events events) {
        ComplianceCase c = new ComplianceCase();
        c.id = UUID.randomUUID();
        c.orderId = screening.orderId();
        c.decision = screening.decision();
        c.riskScore = screening.riskScore();
        c.priority = Priority.of(c.decision, c.riskScore, config.mediumPriorityRiskScore());
        c.dueAt = now.plus(sla(c.decision));
        c.openedAt = now;
        c.setStatus(CaseStatus.OPEN, now);
        c.persist();
        record(c, submitter, "opened", null, "screening " + screening.id() + ": " + screening.decision(), now,
                AuditAction.CASE_OPENED, events);
        return c;
    }

    private void attach(ComplianceCase c, StoredScreening screening, Actor submitter, Instant now, Events events) {
        if (screening.decision().compareTo(c.decision) > 0) {
            c.decision = screening.decision();
            Instant due = now.plus(sla(c.decision));
            c.dueAt = due.isBefore(c.dueAt) ? due : c.dueAt;
        }
        c.riskScore = screening.riskScore();
        c.priority = Priority.of(c.decision, c.riskScore, config.mediumPriorityRiskScore());
        String detail = "screening " + screening.id() + ": " + screening.decision();
        if (c.releaseProposedBy != null) {
            detail += "; the release proposed by " + c.releaseProposedBy + " is withdrawn (the order was screened again)";
            c.releaseProposedBy = null;
            c.releaseProposedAt = null;
        }
        c.updatedAt = now;
        record(c, submitter, "screening_attached", null, detail, now, AuditAction.CASE_UPDATED, events);
    }


    /** Carries out an officer's action on a case; throws {@link CaseConflictException} and changes nothing if refused. */
    public CaseView act(UUID caseId, CaseRequests.ActionRequest request, Actor actor) {
        return inTransaction(() -> {
            ComplianceCase c = find(caseId);
            Instant now = now();
            CaseAction action = request.action();
            if (action == CaseAction.REOPEN && ComplianceCase.count("openOrderId", c.orderId) > 0) {
                throw new CaseConflictException("order-has-open-case", "Order " + c.orderId + " already has an open case; "
                        + "work that one.");
            }
            CaseTransitions.Next next = CaseTransitions.apply(c.status, c.releaseProposedBy, action, actor, fourEyes(c));
            String detail = next.detail();
            if (action == CaseAction.ASSIGN) {
                c.assignee = request.assignee() == null ? actor.name() : request.assignee();
                detail = "assigned to " + c.assignee;
            }
            if (next.releaseProposedBy() != null && c.releaseProposedBy == null) {
                c.releaseProposedAt = now;
            } else if (next.releaseProposedBy() == null) {
                c.releaseProposedAt = null;
            }
            c.releaseProposedBy = next.releaseProposedBy();
            c.setStatus(next.status(), now);
            record(c, actor, action.label(), request.reason(), detail, now, AuditAction.caseAction(action.label()));
            return view(c, now);
        }, caseId);
    }

    /**
     * Records an officer's disposition of one finding or party match. A false positive of a party match also dismisses
     * the match (with the officer as reviewer), in the same transaction, so it does not come back until the list entry
     * changes.
     */
    public CaseView dispose(UUID caseId, CaseRequests.DispositionRequest request, Actor actor) {
        if (request.disposition() == DispositionType.TRUE_MATCH) {
            // On the watch list first: if the disposition then fails, the party is watched without it, never the
            // other way round.
            StoredPartyMatch match = QuarkusTransaction.requiringNew().call(() -> subject(find(caseId), request)).match();
            parties.entry(match.listCode, match.sourceId)
                    .ifPresent(listed -> imports.addToWatchList(ListedPartyFinder.WATCH_LIST, listed.entry(), actor));
        }
        CaseView view = inTransaction(() -> {
            ComplianceCase c = find(caseId);
            Instant now = now();
            StoredPartyMatch match = subject(c, request).match();
            CaseDisposition d = new CaseDisposition();
            d.id = UUID.randomUUID();
            d.caseId = c.id;
            d.subject = request.subject();
            d.disposition = request.disposition();
            d.reason = request.reason();
            d.authorisation = request.authorisation();
            d.decidedBy = actor.name();
            d.decidedAt = now;
            if (match != null && request.disposition() == DispositionType.FALSE_POSITIVE) {
                d.dismissalId = dismiss(match, request.reason(), actor).orElse(null);
            }
            d.persist();
            c.updatedAt = now;
            String detail = request.subject() + ": " + request.disposition().label()
                    + (d.authorisation == null ? "" : " under " + d.authorisation)
                    + (d.dismissalId == null ? "" : "; dismissal " + d.dismissalId)
                    + (match != null && d.disposition == DispositionType.TRUE_MATCH
                    ? "; on the internal watch list (" + ListedPartyFinder.WATCH_LIST + ")" : "");
            record(c, actor, "disposition", request.reason(), detail, now, AuditAction.CASE_DISPOSITION);
            return view(c, now);
        }, caseId);
        dismissals.refresh();
        return view;
    }

    /** What a disposition decides: a finding, or a party match ({@code match} set). */
    private record Subject(StoredFinding finding, StoredPartyMatch match) {
    }

    /** The subject {@code request} names in {@code c}, or why it cannot be disposed of. */
    private Subject subject(ComplianceCase c, CaseRequests.DispositionRequest request) {
        if (c.status.closed()) {
            throw new CaseConflictException("case-closed", "The case is " + c.status.label()
                    + "; reopen it before changing a disposition.");
        }
        Subjects subjects = subjects(c);
        StoredFinding finding = subjects.findings().get(request.subject());
        StoredPartyMatch match = subjects.matches().get(request.subject());
        if (finding == null && match == null) {
            throw new CaseNotFoundException("Case " + c.id + " has no finding or party match with the key "
                    + org.clearance.order.Printable.value(request.subject()) + "; GET the case for the keys.");
        }
        if (finding != null && (request.disposition() == DispositionType.TRUE_MATCH
                || request.disposition() == DispositionType.FALSE_POSITIVE)) {
            throw new CaseConflictException("disposition-not-for-findings", request.disposition().label()
                    + " is for party matches; a finding is not_relevant or licensed.");
        }
        return new Subject(finding, match);
    }

    /** The dismissal of a false-positive match, if its list entry is still listed (else it cannot match again). */
    private Optional<UUID> dismiss(StoredPartyMatch match, String reason, Actor officer) {
        Optional<ListedEntry> listed = parties.entry(match.listCode, match.sourceId);
        return listed.map(entry -> dismissals.recordInTransaction(new DismissalRequest(match.partyName,
                match.partyCountry, match.listCode, match.sourceId, reason, null, null), entry, officer).id());
    }

    public CaseView get(UUID caseId) {
        return QuarkusTransaction.joiningExisting().call(() -> view(find(caseId), now()));
    }

    /** The orders a page of cases can come in; each puts open cases before closed ones. */
    public enum Sorting {
        /** Soonest due first: the default, the order in which cases should be worked. */
        DUE("c.due_at"),
        /** Highest priority first, then soonest due. */
        PRIORITY("CASE c.priority WHEN 'HIGH' THEN 0 WHEN 'MEDIUM' THEN 1 ELSE 2 END, c.due_at"),
        /** Highest risk score first, then soonest due. */
        RISK("c.risk_score DESC NULLS LAST, c.due_at"),
        /** Most recently opened first. */
        NEWEST("c.opened_at DESC");

        private final String orderBy;

        Sorting(String orderBy) {
            this.orderBy = orderBy;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A page of cases matching {@code query}: open ones first, soonest due first. */
    public CasePage list(CaseQuery query, int page, int pageSize) {
        return list(query, Sorting.DUE, page, pageSize);
    }

    /** A page of cases matching {@code query}: open ones first, then in the order {@code sorting} says. */
    public CasePage list(CaseQuery query, Sorting sorting, int page, int pageSize) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Instant now = now();
            CaseQuery.Sql sql = query.sql(now);
            var select = em.createNativeQuery("SELECT c.id FROM compliance_case c" + sql.where()
                    + " ORDER BY c.closed_at DESC NULLS FIRST, " + sorting.orderBy + ", c.id", UUID.class);
            var count = em.createNativeQuery("SELECT COUNT(*) FROM compliance_case c" + sql.where());
            sql.parameters().forEach((name, value) -> {
                select.setParameter(name, value);
                count.setParameter(name, value);
            });
            @SuppressWarnings("unchecked")
            List<UUID> ids = select.setFirstResult(page * pageSize).setMaxResults(pageSize).getResultList();
            List<CaseSummary> items = new ArrayList<>();
            for (UUID id : ids) {
                items.add(CaseSummary.of(ComplianceCase.findById(id), now));
            }
            return new CasePage(page, pageSize, ((Number) count.getSingleResult()).longValue(), items);
        });
    }

    /**
     * Whether an order may ship; throws {@link CaseNotFoundException} for an order never screened, or (when
     * {@code submittedBy} is given: a screener sees only its own orders) never screened by that submitter.
     */
    public OrderStatus orderStatus(String orderId, String submittedBy) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Screening latest = Screening.<Screening>find("orderId = ?1 order by screenedAt desc, id desc", orderId)
                    .firstResult();
            if (latest == null || submittedBy != null
                    && Screening.count("orderId = ?1 and submittedBy = ?2", orderId, submittedBy) == 0) {
                throw new CaseNotFoundException("No screening of order " + org.clearance.order.Printable.value(orderId) + ".");
            }
            ComplianceCase c = ComplianceCase.<ComplianceCase>find("orderId = ?1 order by openedAt desc, id desc", orderId)
                    .firstResult();
            OrderStatus.State state;
            if (c == null) {
                // Screened before cases were kept, or CLEAR: a REVIEW or BLOCK nobody decided holds the order.
                state = latest.decision == Decision.CLEAR ? OrderStatus.State.CLEAR : OrderStatus.State.HOLD;
            } else {
                state = switch (c.status) {
                    case RELEASED -> OrderStatus.State.RELEASED;
                    case REJECTED -> OrderStatus.State.REJECTED;
                    default -> OrderStatus.State.HOLD;
                };
            }
            return new OrderStatus(orderId, state, c == null ? null : c.id, latest.id, latest.decision, latest.screenedAt);
        });
    }

    private <T> T inTransaction(Supplier<T> work, UUID caseId) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockException.class) || causedBy(e, org.hibernate.StaleStateException.class)) {
                throw new CaseConflictException("concurrent-change", "Case " + caseId
                        + " was changed by someone else meanwhile; nothing changed. GET it and try again.");
            }
            if (causedBy(e, ConstraintViolationException.class)) {
                throw new CaseConflictException("order-has-open-case", "The order of case " + caseId
                        + " has another open case; nothing changed.");
            }
            throw e;
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private ComplianceCase find(UUID caseId) {
        ComplianceCase c = ComplianceCase.findById(caseId);
        if (c == null) {
            throw new CaseNotFoundException("No case with id " + caseId + ".");
        }
        return c;
    }

    /** A release needs a second officer for the configured decisions and whenever a party is a true match. */
    private boolean fourEyes(ComplianceCase c) {
        List<String> decisions = config.fourEyes().stream().map(d -> d.strip().toUpperCase(Locale.ROOT)).toList();
        return decisions.contains(c.decision.name()) || currentDispositions(c).values().stream()
                .anyMatch(d -> d.disposition == DispositionType.TRUE_MATCH && d.subject.startsWith(CaseSubjects.MATCH));
    }

    private Map<String, CaseDisposition> currentDispositions(ComplianceCase c) {
        Map<String, CaseDisposition> latest = new LinkedHashMap<>();
        CaseDisposition.<CaseDisposition>list("caseId = ?1 order by decidedAt, id", c.id)
                .forEach(d -> latest.put(d.subject, d));
        return latest;
    }

    private void record(ComplianceCase c, Actor actor, String action, String reason, String detail, Instant now,
                        String auditAction) {
        Events events = new Events(webhooks.activeEndpoints());
        record(c, actor, action, reason, detail, now, auditAction, events);
        audit.appendAll(actor, events.audits());
    }

    /** Records a case event; its audit record is left in {@code events} for the caller to append. */
    private void record(ComplianceCase c, Actor actor, String action, String reason, String detail, Instant now,
                        String auditAction, Events events) {
        CaseEvent event = new CaseEvent();
        event.caseId = c.id;
        event.at = now;
        event.actor = actor.name();
        event.action = action;
        event.reason = reason;
        event.detail = detail;
        event.statusAfter = c.status;
        event.persist();
        ObjectNode content = CanonicalJson.object();
        content.put("case_id", c.id.toString());
        content.put("order_id", c.orderId);
        content.put("action", action);
        content.put("status", c.status.label());
        content.put("decision", c.decision.name());
        content.put("at", now.toString());
        content.put("actor", actor.name());
        if (reason != null) {
            content.put("reason", reason);
        }
        if (detail != null) {
            content.put("detail", detail);
        }
        if (c.assignee != null) {
            content.put("assignee", c.assignee);
        }
        if (c.releaseProposedBy != null) {
            content.put("release_proposed_by", c.releaseProposedBy);
        }
        events.audits().add(new AuditChain.Entry(auditAction, c.id.toString(), CanonicalJson.sha256(content)));
        webhooks.enqueue(auditAction, event(c, actor, reason, detail), now, events.endpoints());
    }

    /** What a webhook announces of a case change: the case as it now stands and whether its order may ship. */
    private static ObjectNode event(ComplianceCase c, Actor actor, String reason, String detail) {
        ObjectNode event = CanonicalJson.object();
        event.put("actor", actor.name());
        ObjectNode caseNode = event.putObject("case");
        caseNode.put("id", c.id.toString());
        caseNode.put("order_id", c.orderId);
        caseNode.put("status", c.status.label());
        caseNode.put("decision", c.decision.name());
        caseNode.put("priority", c.priority.label());
        caseNode.put("due_at", c.dueAt.toString());
        if (c.assignee != null) {
            caseNode.put("assignee", c.assignee);
        }
        if (c.releaseProposedBy != null) {
            caseNode.put("release_proposed_by", c.releaseProposedBy);
        }
        event.put("order_status", switch (c.status) {
            case RELEASED -> OrderStatus.State.RELEASED.label();
            case REJECTED -> OrderStatus.State.REJECTED.label();
            default -> OrderStatus.State.HOLD.label();
        });
        if (reason != null) {
            event.put("reason", reason);
        }
        if (detail != null) {
            event.put("detail", detail);
        }
        return event;
    }

    private record Subjects(Screening latest, Map<String, StoredFinding> findings, Map<String, StoredPartyMatch> matches) {
    }

    /** The findings and party matches of every screening of the case by key, the latest screening's last. */
    private Subjects subjects(ComplianceCase c) {
        List<Screening> screenings = screenings(c);
        Map<String, StoredFinding> findings = new LinkedHashMap<>();
        Map<String, StoredPartyMatch> matches = new LinkedHashMap<>();
        for (Screening s : screenings) {
            s.findings.forEach(f -> findings.put(CaseSubjects.findingKey(f), f));
            s.partyMatches.forEach(m -> matches.put(CaseSubjects.matchKey(m), m));
        }
        return new Subjects(screenings.isEmpty() ? null : screenings.get(screenings.size() - 1), findings, matches);
    }

    /** The case's screenings, oldest first. */
    private List<Screening> screenings(ComplianceCase c) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT screening_id FROM case_screening WHERE case_id = ?1", UUID.class)
                .setParameter(1, c.id).getResultList();
        List<Screening> screenings = new ArrayList<>();
        for (UUID id : ids) {
            screenings.add(Screening.findById(id));
        }
        screenings.sort(Comparator.comparing((Screening s) -> s.screenedAt).thenComparing(s -> s.id));
        return screenings;
    }

    private CaseView view(ComplianceCase c, Instant now) {
        Map<String, CaseDisposition> current = currentDispositions(c);
        List<Screening> screenings = screenings(c);
        Screening latest = screenings.isEmpty() ? null : screenings.get(screenings.size() - 1);
        List<CaseView.FindingItem> findings = new ArrayList<>();
        List<CaseView.MatchItem> matches = new ArrayList<>();
        if (latest != null) {
            for (StoredFinding f : latest.findings) {
                String key = CaseSubjects.findingKey(f);
                findings.add(new CaseView.FindingItem(key, f.ruleId, f.jurisdiction, f.severity, f.citation, f.message,
                        f.subjectPointer, f.subjectLabel, dispositionView(current.get(key))));
            }
            for (StoredPartyMatch m : latest.partyMatches) {
                String key = CaseSubjects.matchKey(m);
                matches.add(new CaseView.MatchItem(key, m.partyPointer, m.partyRole, m.partyName, m.partyCountry,
                        m.listCode, m.sourceId, m.entryName, m.score, m.strong, m.listVersion,
                        dispositionView(current.get(key))));
            }
        }
        List<CaseView.DispositionView> dispositions = CaseDisposition.<CaseDisposition>list(
                "caseId = ?1 order by decidedAt, id", c.id).stream().map(CaseView.DispositionView::of).toList();
        List<CaseView.TimelineEntry> timeline = CaseEvent.<CaseEvent>list("caseId = ?1 order by id", c.id).stream()
                .map(CaseView.TimelineEntry::of).toList();
        return new CaseView(c.id, c.orderId, c.status, c.decision, c.riskScore, c.priority, c.assignee, c.dueAt,
                CaseSummary.overdue(c, now), c.openedAt, c.updatedAt, c.closedAt,
                c.releaseProposedBy == null ? null : new CaseView.ReleaseProposal(c.releaseProposedBy, c.releaseProposedAt),
                fourEyes(c), screenings.stream().map(s -> new CaseView.AttachedScreening(s.id, s.decision, s.riskScore,
                        s.screenedAt, s.submittedBy)).toList(), findings, matches, dispositions, timeline);
    }

    private static CaseView.DispositionView dispositionView(CaseDisposition d) {
        return d == null ? null : CaseView.DispositionView.of(d);
    }

    private java.time.Duration sla(Decision decision) {
        return decision == Decision.BLOCK ? config.blockSla() : config.reviewSla();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS); // what both databases keep
    }
}
