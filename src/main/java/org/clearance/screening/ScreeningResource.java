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
import java.nio.charset.StandardCharsets;
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
import org.clearance.rules.RulePackRegistry;
import org.clearance.web.InvalidOrderException;
import org.clearance.web.PayloadTooLargeException;
import org.clearance.web.Problem;
import org.clearance.web.PublicUrls;
import org.clearance.security.Actor;
import org.clearance.security.CurrentActor;
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
    public Response screen(String body) {
        checkSize(body);
        OrderInput.Split split = OrderInput.split(API_SOURCE, body);
        if (!split.problems().isEmpty()) {
            throw new InvalidOrderException("The request body is not a valid order.", split.problems());
        }
        if (split.documents().size() != 1 || !split.documents().get(0).pointerPrefix().isEmpty()) {
            throw new InvalidOrderException("Send one order as a JSON object; use POST /api/v1/screenings/batch for several.",
                    List.of(new InputProblem(API_SOURCE, "", "expected one order object")));
        }
        ScreeningService.Outcome outcome = screenings.screenAndStore(split.documents(), null, actor.get()).get(0);
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
    public BatchResponse screenBatch(String body) {
        checkSize(body);
        OrderInput.Split split = OrderInput.split(API_SOURCE, body);
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
            String orderId = outcome.view() != null ? outcome.view().orderId() : null;
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
                     @QueryParam("page") Integer page) {
        List<InputProblem> problems = new ArrayList<>();
        Decision wanted = null;
        if (decision != null && !decision.isBlank()) {
            try {
                wanted = Decision.valueOf(decision.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem("query", "decision", "unknown decision '" + decision + "'; expected CLEAR, REVIEW or BLOCK"));
            }
        }
        Instant from = since == null || since.isBlank() ? null : parseSince(since, problems);
        int pageNumber = page == null ? 0 : page;
        if (pageNumber < 0) {
            problems.add(new InputProblem("query", "page", "must be 0 or more"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidOrderException("Invalid query parameters.", problems);
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

    private void checkSize(String body) {
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.api().maxBodyBytes()) {
            throw new PayloadTooLargeException("The request body has " + bytes + " bytes; the limit is "
                    + config.api().maxBodyBytes() + " (clearance.api.max-body-bytes).");
        }
    }

    private static Instant parseSince(String since, List<InputProblem> problems) {
        try {
            return since.contains("T") ? Instant.parse(since) : LocalDate.parse(since).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new InputProblem("query", "since", "'" + since + "' is not an ISO date or instant"));
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
