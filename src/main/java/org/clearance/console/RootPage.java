package org.clearance.console;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The server's address in a browser leads to the console. */
@Path("/")
public class RootPage {

    @GET
    @PermitAll
    public Response root() {
        return Response.seeOther(URI.create(ConsolePaths.HOME)).build();
    }
}
