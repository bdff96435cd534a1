package org.clearance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.clearance.config.ClearanceConfig;
import org.clearance.security.CurrentActor;
import org.clearance.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Officers' cases: list, read, act on them and decide their findings and party matches (docs/cases.md). */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CasesResource {

    private final CaseService cases;
    private final CurrentActor actor;
    private final ClearanceConfig config;

    CasesResource(CaseService cases, CurrentActor actor, ClearanceConfig config) {
        this.cases = cases;
        this.actor = actor;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listCases", summary = "Cases, open ones first and soonest due first", description = "Every filter is optional; an "
            + "unknown or repeated parameter is a 400 naming it.")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "open, in_review, escalated, released, rejected; several separated by commas.", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "assignee", in = ParameterIn.QUERY, description = "The assigned officer, exactly.", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "decision", in = ParameterIn.QUERY, description = "REVIEW or BLOCK.", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "overdue", in = ParameterIn.QUERY, description = "true: open and past due; false: the others.", schema = @Schema(type = SchemaType.BOOLEAN))
    @Parameter(name = "party", in = ParameterIn.QUERY, description = "Part of the name of any party of the case's order, in any case.", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "q", in = ParameterIn.QUERY, description = "An order id, or part of a party name.", schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "0-based page number.", schema = @Schema(type = SchemaType.INTEGER))
    public CasePage list(@Context UriInfo uri) {
        CaseQuery.Request request = CaseQuery.parse(uri.getQueryParameters(), config.api().pageSize());
        return cases.list(request.query(), request.page(), config.api().pageSize());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getCase", summary = "One case with its screenings, findings, party matches, dispositions and timeline")
    public CaseView get(@PathParam("id") String id) {
        return cases.get(caseId(id));
    }

    @POST
    @Path("/{id}/actions")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "actOnCase", summary = "Act on a case: assign, comment, escalate, request_information, release, approve, reject, reopen",
            description = "A reason is required for every action but assign. Releasing a BLOCK, or a case with a party "
                    + "disposed of as a true match, only proposes the release: a different officer approves it "
                    + "(four-eyes). Who acts is the caller.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionBody.class)))
    @APIResponse(responseCode = "200", description = "The case after the action.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case's state or the four-eyes rule refuses the action; the "
            + "problem type names the rule. Nothing changed.")
    public CaseView act(@PathParam("id") String id, JsonNode body) {
        return cases.act(caseId(id), CaseRequests.action(body), actor.get());
    }

    @POST
    @Path("/{id}/dispositions")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "disposeOfFinding", summary = "Decide one finding or party match of a case",
            description = "subject is the key shown with the finding or match. A false_positive party match is "
                    + "dismissed for later screenings; a true_match party makes the release need a second officer; "
                    + "licensed needs the authorisation reference.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DispositionBody.class)))
    @APIResponse(responseCode = "200", description = "The case with the disposition.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "409", description = "The case is closed, or the disposition does not fit the subject.")
    public CaseView dispose(@PathParam("id") String id, JsonNode body) {
        return cases.dispose(caseId(id), CaseRequests.disposition(body), actor.get());
    }

    /** The shape of an action body, for the API document. */
    @Schema(name = "CaseActionRequest")
    record ActionBody(@Schema(required = true) CaseAction action, String reason,
                      @Schema(description = "For assign: the officer; the caller when absent.") String assignee) {
    }

    /** The shape of a disposition body, for the API document. */
    @Schema(name = "DispositionRequest")
    record DispositionBody(@Schema(required = true) String subject, @Schema(required = true) DispositionType disposition,
                           @Schema(required = true) String reason,
                           @Schema(description = "For licensed: the licence or general authorisation reference.") String authorisation) {
    }

    private static UUID caseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new CaseNotFoundException("No case with id " + org.clearance.order.Printable.value(id) + ".");
        }
    }
}
