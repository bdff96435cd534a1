package org.clearance.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.clearance.security.CurrentActor;
import org.clearance.security.Roles;
import org.clearance.web.InvalidQueryException;
import org.clearance.web.Problem;
import org.clearance.web.PublicUrls;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Webhook URLs that receive case events, and the delivery log (docs/cases.md#webhooks). */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
public class WebhooksResource {

    private static final Set<String> STATUSES = Set.of(WebhookDelivery.PENDING, WebhookDelivery.DELIVERED, WebhookDelivery.FAILED);

    private final Webhooks webhooks;
    private final CurrentActor actor;
    private final PublicUrls urls;

    WebhooksResource(Webhooks webhooks, CurrentActor actor, PublicUrls urls) {
        this.webhooks = webhooks;
        this.actor = actor;
        this.urls = urls;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listWebhooks", summary = "The registered webhook URLs, active and disabled")
    public List<WebhookEndpointView> list() {
        return webhooks.endpoints();
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerWebhook", summary = "Register a URL that receives case events, signed with clearance.webhooks.secret")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegisterBody.class)))
    @APIResponse(responseCode = "201", description = "Registered.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookEndpointView.class)))
    @APIResponse(responseCode = "409", description = "clearance.webhooks.secret is not configured.")
    public Response register(JsonNode body) {
        if (body == null || !body.isObject() || body.size() != 1 || !body.path("url").isTextual()) {
            throw new WebhookRefusedException("The body must be {\"url\": \"https://…\"}.", false);
        }
        WebhookEndpointView registered = webhooks.register(body.get("url").asText(), actor.get());
        return urls.created("/api/v1/webhooks/" + registered.id()).entity(registered).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "disableWebhook", summary = "Disable a webhook: nothing more is sent to it, including what was pending")
    public WebhookEndpointView disable(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No webhook with id " + org.clearance.order.Printable.value(id) + ".");
        }
        return webhooks.disable(uuid, actor.get());
    }

    @GET
    @Path("/deliveries")
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log, newest first (at most 500)",
            description = "status: pending, delivered or failed.")
    public List<WebhookDeliveryView> deliveries(@QueryParam("status") String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidQueryException(List.of(new Problem.Error("query", "status",
                    "must be pending, delivered or failed")));
        }
        return webhooks.deliveries(status, 500);
    }

    /** The shape of the body, for the API document. */
    @Schema(name = "WebhookRequest")
    record RegisterBody(@Schema(required = true, description = "Absolute http(s) URL.") String url) {
    }
}
