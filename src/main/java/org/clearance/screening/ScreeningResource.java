package org.clearance.screening;

import org.clearance.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearance.config.ClearanceConfig;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderInput;
import org.clearance.order.Printable;
import org.clearance.order.StrictUtf8;
import org.clearance.rules.RulePackRegistry;
import org.clearance.web.InvalidOrderException;
import org.clearance.web.InvalidQueryException;
import org.clearance.web.PayloadTooLargeException;
import org.clearance.web.Problem;
import org.clearance.web.PublicUrls;
import org.clearance.security.Actor;
import org.clearance.security.CurrentActor;
import org.clearance.web.QueryParameters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Screen orders and read stored screenings. */
@Path("/api/v1/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Screenings")
public class ScreeningResource {

    static final String NDJSON = "application/x-ndjson";
    private static final String API_SOURCE = "api";

    private final ScreeningService screenings;
    private final RulePackRegistry registry;
    private final ClearanceConfig config;
    private final CurrentActor actor;
    private final PublicUrls urls;
    private final org.clearance.replay.ReplayService replays;

    ScreeningResource(ScreeningService screenings, RulePackRegistry registry, ClearanceConfig config, CurrentActor actor,
                      PublicUrls urls, org.clearance.replay.ReplayService replays) {
        this.replays = replays;
        this.screenings = screenings;
        this.registry = registry;
        this.config = config;
        this.actor = actor;
        this.urls = urls;
    }

    /** The batch response: results in input order, each a screening or the problems of that item. */
    public record BatchResponse(String rulePack, List<BatchItem> results) {
    }

    /** One item of a batch: its position, and either its screening or its errors. */
    public record BatchItem(int index, String orderId, ScreeningView screening, List<Problem.Error> errors) {
    }

    /** A page of stored screenings, newest first. */
    public record Page(int page, int pageSize, long total, List<ScreeningView> items) {
    }

    @POST
    @RolesAllowed(Roles.SCREENER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Screen one order", description = "Validates the order, screens it with the active rule pack and stores the screening.")
    public Response screen(byte[] body) {
        checkSize(body);
        OrderInput.Split split = StrictUtf8.split(API_SOURCE, body);
        if (!split.problems().isEmpty()) {
            throw new InvalidOrderException("The request body is not a valid order.", split.problems());
        }
        if (split.documents().size() != 1 || !split.documents().get(0).pointerPrefix().isEmpty()) {
            throw new InvalidOrderException("Send one order as a JSON object; use POST /api/v1/screenings/batch for several.",
                    List.of(new InputProblem(API_SOURCE, "", "expected one order object")));
        }
        ScreeningService.Outcome outcome = screenings.screenAndStore(split.documents(), null, actor.get()).get(0);
        if (outcome.storageFailed()) {
            throw new ScreeningNotStoredException();
        }
        if (outcome.view() == null) {
            throw new InvalidOrderException("The order has " + outcome.item().parsed().problems().size()
                    + " problem(s); nothing was screened.", outcome.item().parsed().problems());
        }
        return urls.created("/api/v1/screenings/" + outcome.view().id()).entity(outcome.view()).build();
    }

    @POST
    @Path("/batch")
    @RolesAllowed(Roles.SCREENER)
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(summary = "Screen several orders", description = "A JSON array of orders or NDJSON (one order per line). Results come in input order; an invalid item is reported with its errors and does not stop the others.")
    public BatchResponse screenBatch(byte[] body) {
        checkSize(body);
        OrderInput.Split split = StrictUtf8.split(API_SOURCE, body);
        boolean wholeInputBroken = split.documents().isEmpty();
        if (wholeInputBroken) {
            throw new InvalidOrderException("The request body holds no readable orders.", split.problems());
        }
        if (split.documents().size() > config.api().batchMaxOrders()) {
            throw new PayloadTooLargeException("The batch holds " + split.documents().size()
                    + " orders; the limit is " + config.api().batchMaxOrders() + " (clearance.api.batch-max-orders).");
        }
        List<ScreeningService.Outcome> outcomes = screenings.screenAndStore(split.documents(), null, actor.get());
        List<BatchItem> items = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            ScreeningService.Outcome outcome = outcomes.get(i);
            String source = outcome.item().parsed().document().source();
            List<Problem.Error> errors = new ArrayList<>();
            split.problems().stream().filter(p -> p.source().equals(source)).forEach(p -> errors.add(error(p)));
            outcome.item().parsed().problems().forEach(p -> errors.add(error(p)));
            if (outcome.storageFailed()) {
                errors.add(new Problem.Error(source, "", ScreeningNotStoredException.MESSAGE));
            }
            String orderId = outcome.view() != null ? outcome.view().orderId() : outcome.item().parsed().document().givenId();
            items.add(new BatchItem(i, orderId, outcome.view(), errors.isEmpty() ? null : errors));
        }
        // The pack that screened this batch, not the live one: a reload may have happened meanwhile.
        String rulePack = outcomes.stream().filter(o -> o.view() != null).map(o -> o.view().rulePack()).findFirst()
                .orElseGet(() -> registry.current().hash());
        return new BatchResponse(rulePack, items);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER, Roles.AUDITOR})
    @Operation(summary = "A stored screening", description = "A screener reads only the screenings it submitted; others answer 404.")
    public ScreeningView get(@PathParam("id") String id) {
        Screening screening = parseId(id) == null ? null : Screening.findById(parseId(id));
        String onlyOf = ownScreeningsOnly();
        if (screening == null || onlyOf != null && !onlyOf.equals(screening.submittedBy)) {
            // Someone else's screening is "not found" for a screener: its existence is not theirs to learn.
            throw new NotFoundException("No screening with id " + id + ".");
        }
        return ScreeningView.of(screening);
    }

    @GET
    @Path("/{id}/replay")
    @jakarta.annotation.security.RolesAllowed({org.clearance.security.Roles.OFFICER, org.clearance.security.Roles.AUDITOR})
    @Operation(summary = "Screen a stored order again and compare", description = "With the rule pack and list versions "
            + "the screening was made with (current=true: today's), and says whether the decision, verdicts and findings "
            + "are identical, or which findings were added and removed. Stores nothing.")
    public org.clearance.replay.ReplayReport replay(@PathParam("id") String id, @QueryParam("current") boolean current) {
        UUID screening = parseId(id);
        if (screening == null) {
            throw new NotFoundException("No screening with id " + id + ".");
        }
        return replays.replay(screening, current);
    }

    @GET
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER, Roles.AUDITOR})
    @Operation(summary = "Stored screenings, newest first", description = "Filter by decision (CLEAR, REVIEW, BLOCK) and by since (ISO date or instant); page is 0-based. A screener sees only the screenings it submitted.")
    public Page list(@QueryParam("decision") String decision, @QueryParam("since") String since,
                     @QueryParam("page") String page) {
        List<Problem.Error> problems = new ArrayList<>();
        Decision wanted = null;
        if (decision != null && !decision.isBlank()) {
            try {
                wanted = Decision.valueOf(decision.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(InvalidQueryException.error("decision", "unknown decision " + Printable.value(decision)
                        + "; expected CLEAR, REVIEW or BLOCK"));
            }
        }
        Instant from = since == null || since.isBlank() ? null : parseSince(since, problems);
        // The page's first row (page × page size) must stay a valid row number.
        int pageNumber = QueryParameters.integer("page", page, 0, 0, Integer.MAX_VALUE / config.api().pageSize() - 1, problems);
        if (!problems.isEmpty()) {
            throw new InvalidQueryException(problems);
        }
        ScreeningQuery query = new ScreeningQuery(wanted, from, ownScreeningsOnly());
        var found = query.find().page(io.quarkus.panache.common.Page.of(pageNumber, config.api().pageSize()));
        List<ScreeningView> items = found.<Screening>list().stream().map(ScreeningView::of).toList();
        return new Page(pageNumber, config.api().pageSize(), found.count(), items);
    }

    /** The submitter whose screenings alone the caller may read, or null when it may read all (officer, auditor). */
    private String ownScreeningsOnly() {
        Actor caller = actor.get();
        return caller.hasRole(Roles.OFFICER) || caller.hasRole(Roles.AUDITOR) ? null : caller.name();
    }

    private void checkSize(byte[] body) {
        int bytes = body.length;
        if (bytes > config.api().maxBodyBytes()) {
            throw new PayloadTooLargeException("The request body has " + bytes + " bytes; the limit is "
                    + config.api().maxBodyBytes() + " (clearance.api.max-body-bytes).");
        }
    }

    /** The earliest and latest {@code since} both databases store: years 1 to 9999. */
    private static final Instant SINCE_MIN = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant SINCE_MAX = Instant.parse("9999-12-31T23:59:59Z");

    private static Instant parseSince(String since, List<Problem.Error> problems) {
        try {
            String text = since.strip();
            Instant instant = text.contains("T") ? Instant.parse(text)
                    : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (instant.isBefore(SINCE_MIN) || instant.isAfter(SINCE_MAX)) {
                problems.add(InvalidQueryException.error("since", "must be a date between 0001-01-01 and 9999-12-31 (got "
                        + Printable.value(since) + ")"));
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            problems.add(InvalidQueryException.error("since", Printable.value(since)
                    + " is not an ISO date (2025-03-01) or instant (2025-03-01T12:00:00Z)"));
            return null;
        }
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Problem.Error error(InputProblem problem) {
        return new Problem.Error(problem.source(), problem.pointer(), problem.message());
    }
}
