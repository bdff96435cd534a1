package org.clearance.rescreen;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.clearance.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The re-screening runs (docs/cases.md#re-screening-open-orders). */
@Path("/api/v1/rescreens")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class RescreensResource {

    private final RescreenService rescreens;

    RescreensResource(RescreenService rescreens) {
        this.rescreens = rescreens;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listRescreens", summary = "Re-screening runs, newest first (at most 200): cause, open orders, considered, changed, duration")
    public List<RescreenRunView> list() {
        return rescreens.runs(200);
    }
}
