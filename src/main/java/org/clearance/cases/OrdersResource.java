package org.clearance.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clearance.security.Actor;
import org.clearance.security.CurrentActor;
import org.clearance.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Whether an order may ship, for ERP integrations, and marking it shipped or cancelled. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class OrdersResource {

    private final CaseService cases;
    private final CurrentActor actor;
    private final OrderClosures closures;

    OrdersResource(CaseService cases, CurrentActor actor, OrderClosures closures) {
        this.cases = cases;
        this.actor = actor;
        this.closures = closures;
    }

    @POST
    @Path("/{order_id}/shipped")
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER})
    @Operation(operationId = "markOrderShipped", summary = "Mark an order shipped: it is no longer re-screened",
            description = "Only a clear or released order ships: one on hold or rejected is a 409 (order-not-released). "
                    + "A screener may mark only the orders it submitted. Licence usage is recorded by "
                    + "POST /api/v1/screenings/{id}/shipped.")
    @APIResponse(responseCode = "200", description = "Marked shipped.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderClosureView.class)))
    @APIResponse(responseCode = "409", description = "On hold, rejected, or already marked shipped or cancelled.")
    public OrderClosureView shipped(@PathParam("order_id") String orderId) {
        return close(orderId, OrderClosures.SHIPPED);
    }

    @POST
    @Path("/{order_id}/cancelled")
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER})
    @Operation(operationId = "markOrderCancelled", summary = "Mark an order cancelled: it is no longer re-screened")
    @APIResponse(responseCode = "200", description = "Marked cancelled.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderClosureView.class)))
    @APIResponse(responseCode = "409", description = "Already marked shipped or cancelled.")
    public OrderClosureView cancelled(@PathParam("order_id") String orderId) {
        return close(orderId, OrderClosures.CANCELLED);
    }

    private OrderClosureView close(String orderId, String state) {
        Actor caller = actor.get();
        boolean any = caller.hasRole(Roles.OFFICER);
        OrderClosure closure = closures.close(orderId, state, any ? null : caller.name(), caller);
        return new OrderClosureView(closure.orderId, closure.state, closure.closedAt, closure.closedBy);
    }

    /** An order marked shipped or cancelled. */
    public record OrderClosureView(String orderId, String state, java.time.Instant closedAt, String closedBy) {
    }

    @GET
    @Path("/{order_id}/status")
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getOrderStatus", summary = "hold, released, rejected or clear: whether the order may ship",
            description = "hold while its case is open; released or rejected as officers decided its last case; clear "
                    + "when screened CLEAR and never held. 404 for an order never screened; a screener sees only "
                    + "the orders it submitted.")
    public OrderStatus status(@PathParam("order_id") String orderId) {
        Actor caller = actor.get();
        boolean readsAll = caller.hasRole(Roles.OFFICER) || caller.hasRole(Roles.AUDITOR);
        return cases.orderStatus(orderId, readsAll ? null : caller.name());
    }
}
