package org.clearance.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.clearance.config.ClearanceConfig;

/**
 * Builds the URLs Clearance hands out (e.g. {@code Location}) from the configured public base URL, or relative
 * without one: never from the request's {@code Host} header, which a caller controls.
 */
@ApplicationScoped
public class PublicUrls {

    private final String base;

    PublicUrls(ClearanceConfig config) {
        this.base = config.api().publicBaseUrl().map(u -> u.replaceAll("/+$", "")).orElse("");
    }

    /** The URL of an API path such as {@code /api/v1/screenings/ID}. */
    public String of(String path) {
        return base + path;
    }

    /** A 201 response whose {@code Location} is {@code path}. The header is set as text: JAX-RS would make a relative URI absolute from Host. */
    public Response.ResponseBuilder created(String path) {
        return Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, of(path));
    }
}
