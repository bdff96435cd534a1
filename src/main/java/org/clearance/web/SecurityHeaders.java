package org.clearance.web;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response: no MIME sniffing, no referrer, no framing, a Content-Security-Policy that lets
 * no content load anything (the SVG chart and error pages included), and {@code Cache-Control: no-store} on the API
 * and the console, whose answers hold party names and orders. The console may load its own assets. Swagger UI, when enabled, gets the looser policy it needs to run.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    /** The console's own scripts, styles and images only; no inline script or style; forms post to the console only. */
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
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
                    .set("Content-Security-Policy", policy(path));
            if (path.startsWith("/api/") || path.startsWith("/console")) {
                response.headers().set("Cache-Control", "no-store");
            }
            context.next();
        });
    }

    private static String policy(String path) {
        if (path.startsWith("/q/swagger-ui")) {
            return SWAGGER_POLICY;
        }
        return path.startsWith("/console") || path.startsWith("/assets/") ? CONSOLE_POLICY : API_POLICY;
    }
}
