package org.clearance.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response: no MIME sniffing, no referrer, no framing, a Content-Security-Policy that lets
 * no content load anything (the SVG chart and error pages included), and {@code Cache-Control: no-store} on the API,
 * whose answers hold party names and orders. Swagger UI, when enabled, gets the looser policy it needs to run.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            String path = context.normalizedPath();
            HttpServerResponse response = context.response();
            response.headers()
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Referrer-Policy", "no-referrer")
                    .set("X-Frame-Options", "DENY")
                    .set("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? SWAGGER_POLICY : API_POLICY);
            if (path.startsWith("/api/")) {
                response.headers().set("Cache-Control", "no-store");
            }
            context.next();
        });
    }
}
