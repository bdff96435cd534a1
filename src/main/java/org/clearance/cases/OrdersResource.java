package org.clearance.cases;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.clearance.security.Actor;
import org.clearance.security.CurrentActor;
import org.clearance.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Whether an order may ship, for ERP integrations. */
@Path("/api/v1/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class OrdersResource {

    private final CaseService cases;
    private final CurrentActor actor;

    OrdersResource(CaseService cases, CurrentActor actor) {
        this.cases = cases;
        this.actor = actor;
    }

    @GET
    @Path("/{order_id}/status")
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER, Roles.AUDITOR})
    @Operation(summary = "hold, released, rejected or clear: whether the order may ship",
            description = "hold while its case is open; released or rejected as officers decided its last case; clear "
                    + "when screened CLEAR and never held. 404 for an order never screened; a screener sees only "
                    + "the orders it submitted.")
    public OrderStatus status(@PathParam("order_id") String orderId) {
        Actor caller = actor.get();
        boolean readsAll = caller.hasRole(Roles.OFFICER) || caller.hasRole(Roles.AUDITOR);
        return cases.orderStatus(orderId, readsAll ? null : caller.name());
    }
}
