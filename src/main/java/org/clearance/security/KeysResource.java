package org.clearance.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import org.clearance.web.PublicUrls;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** API keys over HTTP, for admins: create (the secret is in this one response), list, revoke. */
@Path("/api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Keys")
@RolesAllowed(Roles.ADMIN)
public class KeysResource {

    private final ApiKeys keys;
    private final CurrentActor actor;
    private final PublicUrls urls;

    KeysResource(ApiKeys keys, CurrentActor actor, PublicUrls urls) {
        this.keys = keys;
        this.actor = actor;
        this.urls = urls;
    }

    /** Body of POST: a unique name, one or more roles, and an optional last valid day (UTC). */
    public record KeyRequest(String name, List<String> roles, LocalDate expiresOn) {
    }

    @GET
    @Operation(operationId = "listKeys", summary = "Every API key, newest first, with its status (active, expired, revoked); never a secret")
    public List<ApiKeyView> list() {
        return keys.list();
    }

    @GET
    @Path("/{name}")
    @Operation(operationId = "getKey", summary = "One API key, without its secret")
    public ApiKeyView get(@PathParam("name") String name) {
        return keys.list().stream().filter(k -> k.name().equals(name)).findFirst()
                .orElseThrow(() -> new ApiKeyException("name", "no API key named '" + name + "'", true));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createKey", summary = "Create an API key; the response holds its secret, which is never shown again")
    @APIResponse(responseCode = "201", description = "Created; the only response that holds the secret.",
            headers = @Header(name = "Location", description = "The key, without its secret.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreatedApiKey.class)))
    public Response create(KeyRequest request) {
        if (request == null) {
            throw new ApiKeyException("", "the request body is empty", false);
        }
        CreatedApiKey created = keys.create(request.name(), request.roles(), request.expiresOn(), actor.get());
        return urls.created("/api/v1/keys/" + created.key().name()).entity(created).build();
    }

    @DELETE
    @Path("/{name}")
    @Operation(operationId = "revokeKey", summary = "Revoke an API key: it stops working at once; its record stays")
    public ApiKeyView revoke(@PathParam("name") String name) {
        return keys.revoke(name, actor.get());
    }
}
