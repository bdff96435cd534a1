package org.clearance.packs.subscriptions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.clearance.security.CurrentActor;
import org.clearance.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The pack subscriptions of this server (what each pulled, proposed or refused last), and the activation of a proposed
 * version by a rule author, who is taken from the caller's identity.
 */
@Path("/api/v1/packs/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
public class PackSubscriptionsResource {

    private final SubscriptionBoard board;
    private final PackSubscriptionPoller poller;
    private final CurrentActor actor;

    PackSubscriptionsResource(SubscriptionBoard board, PackSubscriptionPoller poller, CurrentActor actor) {
        this.board = board;
        this.poller = poller;
        this.actor = actor;
    }

    /** The response to GET: every configured subscription. */
    public record Subscriptions(List<SubscriptionStatus> subscriptions) {
    }

    @GET
    @RolesAllowed({Roles.RULE_AUTHOR, Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listPackSubscriptions", summary = "Each pack subscription and its last poll",
            description = "Source (without credentials), interval, auto-activate, last attempt, last success, last error "
                    + "with its reason (a failed download, a refused bundle, failing rule tests, a configuration error), "
                    + "the version waiting for activation and the last version activated. Kept by this server since it started.")
    public Subscriptions list() {
        return new Subscriptions(board.statuses());
    }

    @POST
    @Path("/{name}/activate")
    @RolesAllowed(Roles.RULE_AUTHOR)
    @Operation(operationId = "activatePackSubscription", summary = "Activate a subscription's proposed version",
            description = "Checks the proposed version again (allow-list, lint, rule tests) and makes it the active pack "
                    + "of the database, which every server follows; audited with the caller as the actor. 404 when no "
                    + "subscription has this name, 409 when it has no proposed version or the server's rules folder is an overlay "
                    + "(whose stack.yaml takes new base versions), 422 when the pack fails its checks "
                    + "(the active pack is unchanged), 429 while another pack check runs.")
    @APIResponse(responseCode = "200", description = "The version is active.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionStatus.class)))
    @APIResponse(responseCode = "404", description = "No subscription has this name.")
    @APIResponse(responseCode = "409", description = "The subscription has no proposed version, or the rules folder is an overlay.")
    @APIResponse(responseCode = "422", description = "The pack failed its checks; the active pack is unchanged.")
    public SubscriptionStatus activate(@PathParam("name") String name) {
        return poller.activate(name, actor.get());
    }
}
