package org.clearance.web;

import io.quarkus.logging.Log;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.clearance.lists.InvalidListRequestException;
import org.clearance.lists.ListFormatException;
import org.clearance.parties.ListEntryNotFoundException;
import org.clearance.rules.RulePackInvalidException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every error to an RFC 9457 problem. 4xx name what is wrong in the request and never log a
 * stack trace; 5xx tell the client nothing internal.
 */
public class ProblemMapper {

    private static final String TYPE = "https://clearance.dev/problems/";

    @ServerExceptionMapper
    public Response invalidOrder(InvalidOrderException e, UriInfo uri) {
        List<Problem.Error> errors = e.problems().stream()
                .map(p -> new Problem.Error(p.source(), p.pointer(), p.message())).toList();
        return problem(400, "invalid-order", "Invalid order", e.getMessage(), uri, errors);
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e, UriInfo uri) {
        return problem(413, "payload-too-large", "Payload too large", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response rulePackInvalid(RulePackInvalidException e, UriInfo uri) {
        Log.errorf("Rule pack does not load: %s", e.getMessage());
        return problem(503, "rule-pack-unavailable", "Rule pack unavailable",
                "The rule pack does not load; screening is unavailable until it is fixed.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response invalidRequest(InvalidRequestException e, UriInfo uri) {
        return problem(400, "invalid-request", "Invalid request", e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response notStored(org.clearance.screening.ScreeningNotStoredException e, UriInfo uri) {
        return problem(503, "screening-not-stored", "Screening not stored",
                "The order was valid and screened, but the screening could not be stored; the error was logged. "
                        + "Nothing was kept: send the order again.", uri, List.of());
    }

    @ServerExceptionMapper
    public Response invalidQuery(InvalidQueryException e, UriInfo uri) {
        return problem(400, "invalid-query-parameter", "Invalid query parameter", e.getMessage(), uri, e.errors());
    }

    @ServerExceptionMapper
    public Response listFormat(ListFormatException e, UriInfo uri) {
        return problem(400, "invalid-list-file", "Invalid list file",
                "The list file does not follow its format; nothing was imported and the previous version stays active.",
                uri, List.of(new Problem.Error(e.file(), e.location(), e.problem())));
    }

    @ServerExceptionMapper
    public Response invalidListRequest(InvalidListRequestException e, UriInfo uri) {
        return problem(400, "invalid-list-request", "Invalid list request", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response listEntryNotFound(ListEntryNotFoundException e, UriInfo uri) {
        return problem(404, "list-entry-not-found", "List entry not found", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return problem(404, "not-found", "Not found", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String detail = e instanceof NotSupportedException ? "Send application/json (or application/x-ndjson for batches)."
                : e instanceof NotAllowedException ? "This method is not allowed on this resource." : e.getMessage();
        return problem(status, "http-" + status, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Log.error("Unexpected error while handling " + uri.getPath(), e);
        return problem(500, "internal-error", "Internal error",
                "Clearance could not handle the request; the error was logged.", uri, List.of());
    }

    private static Response problem(int status, String type, String title, String detail, UriInfo uri,
                                    List<Problem.Error> errors) {
        Problem body = new Problem(TYPE + type, title, status, detail, uri.getPath(), errors.isEmpty() ? null : errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
