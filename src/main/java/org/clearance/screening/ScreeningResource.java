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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearance.config.ClearanceConfig;
import org.clearance.licences.ShipmentView;
import org.clearance.licences.Shipments;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderInput;
import org.clearance.order.StrictUtf8;
import org.clearance.rules.RulePackRegistry;
import org.clearance.web.InvalidOrderException;
import org.clearance.web.PayloadTooLargeException;
import org.clearance.web.Problem;
import org.clearance.web.PublicUrls;
import org.clearance.security.CurrentActor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.clearance.web.openapi.ApiSchemas;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    private final Shipments shipments;
    private final StoredScreenings stored;

    ScreeningResource(ScreeningService screenings, RulePackRegistry registry, ClearanceConfig config, CurrentActor actor,
                      PublicUrls urls, org.clearance.replay.ReplayService replays, Shipments shipments,
                      StoredScreenings stored) {
        this.stored = stored;
        this.shipments = shipments;
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

    @POST
    @RolesAllowed(Roles.SCREENER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "screenOrder", summary = "Screen one order", description = "Validates the order, screens it with the active rule pack and stores the screening.")
    // The body is read as bytes by our own parser (every problem with its JSON pointer), so the schema is declared here.
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiSchemas.ORDER)))
    @APIResponse(responseCode = "201", description = "Screened and stored.",
            headers = @Header(name = "Location", description = "The stored screening.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScreeningView.class)))
    @APIResponse(responseCode = "400", description = "The order is invalid: errors lists every problem with its JSON pointer; nothing was screened.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is over clearance.api.max-body-bytes.")
    @APIResponse(responseCode = "503", description = "Screened, but the screening could not be stored: nothing was kept, send the order again.")
    public Response screen(byte[] body) {
        checkSize(body);
        ScreeningService.Single single = screenings.screenOne(API_SOURCE, body, actor.get());
        if (single.storageFailed()) {
            throw new ScreeningNotStoredException();
        }
        if (single.view() == null) {
            throw new InvalidOrderException(switch (single.refusal()) {
                case UNREADABLE -> "The request body is not a valid order.";
                case NOT_ONE_ORDER -> "Send one order as a JSON object; use POST /api/v1/screenings/batch for several.";
                case INVALID_ORDER -> "The order has " + single.problems().size() + " problem(s); nothing was screened.";
            }, single.problems());
        }
        return urls.created("/api/v1/screenings/" + single.view().id()).entity(single.view()).build();
    }

    @POST
    @Path("/batch")
    @RolesAllowed(Roles.SCREENER)
    @Consumes({MediaType.APPLICATION_JSON, NDJSON})
    @Operation(operationId = "screenBatch", summary = "Screen several orders", description = "A JSON array of orders or NDJSON (one order per line). Results come in input order; an invalid item is reported with its errors and does not stop the others.")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiSchemas.ORDER_BATCH)),
            @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING,
                    description = "NDJSON: one order (schema Order) per line."))})
    @APIResponse(responseCode = "200", description = "Every item's screening or problems, in input order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "413", description = "The body is over clearance.api.batch-max-body-bytes, or holds more than clearance.api.batch-max-orders orders.")
    public BatchResponse screenBatch(byte[] body) {
        checkSize(body, config.api().batchMaxBodyBytes(), "clearance.api.batch-max-body-bytes");
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
    @Operation(operationId = "getScreening", summary = "A stored screening", description = "A screener reads only the screenings it submitted; others answer 404.")
    public ScreeningView get(@PathParam("id") String id) {
        return ScreeningView.of(readable(id));
    }

    @GET
    @Path("/{id}/order")
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getScreenedOrder", summary = "The order of a stored screening, as received", description = "The order JSON as stored with "
            + "the screening and covered by the audit trail: the same members in the same order, with numbers and text "
            + "exactly as sent; whitespace is not kept. A screener reads only the screenings it submitted; others answer 404.")
    @APIResponse(responseCode = "200", description = "The order as received.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiSchemas.ORDER)))
    public Response order(@PathParam("id") String id) {
        // Bytes, not a String: the stored JSON is the answer as it is, never serialised again as a JSON string.
        return Response.ok(readable(id).orderJson.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/{id}/shipped")
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER})
    @Operation(operationId = "markScreeningShipped", summary = "Mark a screened order shipped and take it off the licences it cites",
            description = "Once per screening: a second call is a 409 and changes nothing. Each registered licence the "
                    + "order cites loses the quantity and value of the lines it is cited for, atomically and never below "
                    + "zero (409 when too little is left). A screening that decided BLOCK cannot be shipped (409). "
                    + "A screener may ship only the screenings it submitted; others answer 404.")
    @APIResponse(responseCode = "200", description = "Recorded; the licences it used, with what is left of them.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShipmentView.class)))
    @APIResponse(responseCode = "409", description = "Already shipped, decided BLOCK, or a licence has too little left; nothing changed.")
    public ShipmentView shipped(@PathParam("id") String id) {
        return shipments.ship(readable(id).id, actor.get());
    }

    /** The screening {@code id} if the caller may read it; otherwise 404, as for an id that does not exist. */
    private Screening readable(String id) {
        return stored.readable(id, actor.get()).orElseThrow(() -> new NotFoundException("No screening with id " + id + "."));
    }

    @GET
    @Path("/{id}/replay")
    @jakarta.annotation.security.RolesAllowed({org.clearance.security.Roles.OFFICER, org.clearance.security.Roles.AUDITOR})
    @Operation(operationId = "replayScreening", summary = "Screen a stored order again and compare", description = "With the rule pack, list versions, "
            + "country risks, buyer history and cited licences the screening was made with (current=true: today's), and "
            + "says whether the decision, verdicts and findings are identical, or which findings were added and removed; "
            + "context says whether country risks and buyer history were recorded with the screening. Stores nothing.")
    @APIResponse(responseCode = "200", description = "The comparison.", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = org.clearance.replay.ReplayReport.class)))
    @APIResponse(responseCode = "422", description = "The rule pack it was screened with was not kept, or its kept country risks were changed.")
    public org.clearance.replay.ReplayReport replay(@PathParam("id") String id, @QueryParam("current") boolean current) {
        UUID screening = StoredScreenings.parseId(id);
        if (screening == null) {
            throw new NotFoundException("No screening with id " + id + ".");
        }
        return replays.replay(screening, current);
    }

    @GET
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listScreenings", summary = "Stored screenings, newest first", description = "Every filter is optional; a screener sees "
            + "only the screenings it submitted. An unknown or repeated parameter is a 400 naming it.")
    @Parameter(name = "order_id", in = ParameterIn.QUERY, description = "The order id, exactly.", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "party", in = ParameterIn.QUERY, description = "Part of the name of any party of the order, "
            + "in any case (seller, buyer, consignees, end user, freight forwarder, payers).", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "country", in = ParameterIn.QUERY, description = "ISO 3166-1 alpha-2: the country of any party "
            + "or route stop of the order.", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "decision", in = ParameterIn.QUERY, description = "CLEAR, REVIEW or BLOCK.", schema = @Schema(implementation = Decision.class))
    @Parameter(name = "since", in = ParameterIn.QUERY, description = "Screened at or after: an ISO date (from its start, UTC) or instant.", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "until", in = ParameterIn.QUERY, description = "Screened at or before: an ISO date (to its end, UTC) or instant.", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "0-based page number.", schema = @Schema(type = SchemaType.INTEGER))
    public StoredScreenings.Page list(@Context UriInfo uri) {
        return stored.page(uri.getQueryParameters(), actor.get());
    }

    private void checkSize(byte[] body) {
        checkSize(body, config.api().maxBodyBytes(), "clearance.api.max-body-bytes");
    }

    private static void checkSize(byte[] body, int limit, String setting) {
        if (body.length > limit) {
            throw new PayloadTooLargeException("The request body has " + body.length + " bytes; the limit is " + limit
                    + " (" + setting + ").");
        }
    }

    private static Problem.Error error(InputProblem problem) {
        return new Problem.Error(problem.source(), problem.pointer(), problem.message());
    }
}
