package org.clearance.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.clearance.security.Roles;
import org.clearance.web.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checks the audit trail and the screenings it covers. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    private final AuditService audit;

    AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @Path("/verify")
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "verifyAuditTrail", summary = "Verify the audit trail", description = "Walks the hash chain and every screening it covers. "
            + "200 with the counts when nothing was changed; 409 problem+json naming the first record or screening that "
            + "was changed, deleted, inserted or reordered, with every problem found (at most 100) in errors.")
    @APIResponse(responseCode = "200", description = "Nothing was changed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VerifyReport.class)))
    @APIResponse(responseCode = "409", description = "The trail or a screening was changed (audit-trail-broken); errors lists up to 100 problems.")
    public Response verify(@jakarta.ws.rs.core.Context UriInfo uri) {
        VerifyReport report = audit.verify(null);
        if (report.valid()) {
            return Response.ok(report).build();
        }
        List<Problem.Error> errors = report.problems().stream()
                .map(p -> new Problem.Error("audit", pointer(p), p.message())).toList();
        Problem problem = new Problem("https://clearance.dev/problems/audit-trail-broken", "Audit trail broken", 409,
                report.problems().get(0).message(), uri.getRequestUri().getPath(), errors);
        return Response.status(409).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String pointer(AuditProblem problem) {
        return switch (problem.kind()) {
            case SCREENING_CHANGED, SCREENING_DELETED, SCREENING_NOT_AUDITED -> "/screenings/" + problem.subject();
            case COUNTRY_RISKS_CHANGED -> "/country-risk-sets/" + problem.subject();
            default -> "/audit/" + problem.seq();
        };
    }
}
