package org.clearance.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** The server's address in a browser leads to the console. */
@Path("/")
public class RootPage {

    @GET
    @PermitAll
    public Response root() {
        return ConsolePaths.redirect(ConsolePaths.HOME);
    }
}
