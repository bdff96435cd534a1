package org.clearance.web;

import io.quarkus.logging.Log;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.clearance.config.ErrorTrace;
import org.clearance.lists.InvalidListRequestException;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListShrinkRefusedException;
import org.clearance.parties.DismissalAlreadyRevokedException;
import org.clearance.parties.DismissalNotFoundException;
import org.clearance.security.ApiKeyException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import org.clearance.console.ConsoleErrorPage;
import io.quarkus.security.UnauthorizedException;
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
    public Response listShrinkRefused(ListShrinkRefusedException e, UriInfo uri) {
        return problem(409, "list-shrink-refused", "List import would drop too many entries", e.getMessage(), uri,
                List.of(new Problem.Error("query", "allow_shrink", "set to true to import anyway")));
    }

    @ServerExceptionMapper
    public Response invalidLicences(org.clearance.licences.InvalidLicencesException e, UriInfo uri) {
        List<Problem.Error> errors = e.problems().stream()
                .map(p -> new Problem.Error(p.source(), p.pointer(), p.message())).toList();
        return problem(400, "invalid-licences", "Invalid licences", e.getMessage(), uri, errors);
    }

    @ServerExceptionMapper
    public Response licenceExists(org.clearance.licences.LicenceExistsException e, UriInfo uri) {
        return problem(409, "licence-exists", "Licence already registered", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response shipmentRefused(org.clearance.licences.ShipmentRefusedException e, UriInfo uri) {
        return problem(409, "shipment-refused", "Shipment refused", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response caseNotFound(org.clearance.cases.CaseNotFoundException e, UriInfo uri) {
        return problem(404, "not-found", "Not found", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response caseConflict(org.clearance.cases.CaseConflictException e, UriInfo uri) {
        return problem(409, e.rule(), "Refused by the case rules", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response webhookRefused(org.clearance.webhooks.WebhookRefusedException e, UriInfo uri) {
        return e.conflict() ? problem(409, "webhook-refused", "Webhook request refused", e.getMessage(), uri, List.of())
                : problem(400, "invalid-webhook-request", "Invalid webhook request", e.getMessage(), uri,
                        List.of(new Problem.Error("body", "/url", e.getMessage())));
    }

    @ServerExceptionMapper
    public Response dismissalNotFound(DismissalNotFoundException e, UriInfo uri) {
        return problem(404, "dismissal-not-found", "Dismissal not found", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response dismissalAlreadyRevoked(DismissalAlreadyRevokedException e, UriInfo uri) {
        return problem(409, "dismissal-already-revoked", "Dismissal already revoked", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response apiKey(ApiKeyException e, UriInfo uri) {
        if (e.notFound()) {
            return problem(404, "api-key-not-found", "API key not found", e.getMessage(), uri, List.of());
        }
        return problem(400, "invalid-api-key-request", "Invalid API key request", e.getMessage(), uri,
                List.of(new Problem.Error("body", e.field(), e.getMessage())));
    }

    @ServerExceptionMapper
    public Response subscriptionNotFound(org.clearance.packs.subscriptions.SubscriptionNotFoundException e, UriInfo uri) {
        return problem(404, "pack-subscription-not-found", "Pack subscription not found", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response nothingProposed(org.clearance.packs.subscriptions.NothingProposedException e, UriInfo uri) {
        return problem(409, "nothing-proposed", "No proposed version", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response overlayInUse(org.clearance.packs.subscriptions.OverlayInUseException e, UriInfo uri) {
        return problem(409, "overlay-in-use", "The rules folder is an overlay", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response layerNeedsStack(org.clearance.packs.subscriptions.LayerNeedsStackException e, UriInfo uri) {
        return problem(409, "layer-needs-stack", "The version is a layer of a stack", e.getMessage(), uri, List.of());
    }

    /** A pack activated outside RulesResource (which answers with its own report) failed its checks: every reason. */
    @ServerExceptionMapper
    public Response rulePackRejected(org.clearance.rules.reload.RulePackRejectedException e, UriInfo uri) {
        List<Problem.Error> errors = e.check().reasons().stream().map(r -> new Problem.Error("pack", null, r)).toList();
        return problem(422, "rule-pack-rejected", "Rule pack rejected",
                "The pack failed its checks and was not activated; the active pack is unchanged.", uri, errors);
    }

    @ServerExceptionMapper
    public Response packCheckBusy(org.clearance.rules.reload.PackCheckBusyException e, UriInfo uri) {
        return Response.fromResponse(problem(429, "pack-check-busy", "Too many requests", e.getMessage(), uri, List.of()))
                .header("Retry-After", org.clearance.rules.reload.PackCheckSlot.RETRY_AFTER_SECONDS).build();
    }

    /** A JSON body that does not bind (wrong type, unknown shape, too deep): say where, never which Java class. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String pointer = e instanceof JsonMappingException mapping ? pointer(mapping) : "";
        String problem = e instanceof JsonParseException || e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                ? "is not readable JSON: " + e.getOriginalMessage() : "has the wrong type: " + e.getOriginalMessage();
        return problem(400, "invalid-request", "Invalid request", "The request body does not match what this endpoint expects.",
                uri, List.of(new Problem.Error("body", pointer, problem)));
    }

    /** No credentials for an endpoint that needs a role: the Bearer challenge, with a problem body like every error. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return challenge(uri, "This endpoint needs an API key or an access token: send Authorization: Bearer <key or token>.");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return challenge(uri, "The API key or access token is unknown, expired or revoked.");
    }

    private static Response challenge(UriInfo uri, String detail) {
        if (ConsoleErrorPage.isConsole(uri.getPath()) && !ConsoleErrorPage.isProviderLogin(uri.getPath())) {
            return ConsoleErrorPage.signIn();
        }
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", detail, uri, List.of()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "Your identity does not have a role this request needs "
                + "(docs/security.md lists the roles of every endpoint).", uri, List.of());
    }

    @ServerExceptionMapper
    public Response formRefused(org.clearance.console.FormRefusedException e, UriInfo uri) {
        return problem(403, "form-refused", "Form refused", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response replayUnavailable(org.clearance.replay.ReplayUnavailableException e, UriInfo uri) {
        return problem(422, "replay-unavailable", "Replay unavailable", e.getMessage(), uri, List.of());
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
        // The path names the screening, list or key concerned; the messages stay out (they may quote party data).
        String reference = UUID.randomUUID().toString();
        Log.errorf("Unexpected error %s while handling %s: %s", reference, uri.getPath(), ErrorTrace.of(e));
        return problem(500, "internal-error", "Internal error",
                "Clearance could not handle the request; the error was logged as " + reference + ".", uri, List.of());
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return pointer.toString();
    }

    private static Response problem(int status, String type, String title, String detail, UriInfo uri,
                                    List<Problem.Error> errors) {
        if (ConsoleErrorPage.isConsole(uri.getPath())) {
            return ConsoleErrorPage.page(status, title, SafeText.clean(detail));
        }
        List<Problem.Error> safeErrors = errors.stream()
                .map(e -> new Problem.Error(SafeText.clean(e.source()), e.pointer(), SafeText.clean(e.message()))).toList();
        Problem body = new Problem(TYPE + type, title, status, SafeText.clean(detail), uri.getPath(),
                safeErrors.isEmpty() ? null : safeErrors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
