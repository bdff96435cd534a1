package org.clearance.licences;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.clearance.config.ClearanceConfig;
import org.clearance.facts.Jurisdiction;
import org.clearance.order.InputProblem;
import org.clearance.order.StrictUtf8;
import org.clearance.security.CurrentActor;
import org.clearance.security.Roles;
import org.clearance.web.InvalidQueryException;
import org.clearance.web.PayloadTooLargeException;
import org.clearance.web.Problem;
import org.clearance.web.PublicUrls;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The licence register: read it, and register licences and approvals (docs/licences.md). */
@Path("/api/v1/licences")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licences")
public class LicencesResource {

    private final LicenceRegister register;
    private final ClearanceConfig config;
    private final CurrentActor actor;
    private final PublicUrls urls;

    LicencesResource(LicenceRegister register, ClearanceConfig config, CurrentActor actor, PublicUrls urls) {
        this.register = register;
        this.config = config;
        this.actor = actor;
        this.urls = urls;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.LIST_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "listLicences", summary = "Registered licences, newest first, with what is left of each",
            description = "Filter by jurisdiction (US, EU, UK, JP) and/or reference (any case).")
    public List<LicenceView> list(@QueryParam("jurisdiction") String jurisdiction, @QueryParam("reference") String reference) {
        return register.list(jurisdiction(jurisdiction), reference == null || reference.isBlank() ? null : reference);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.LIST_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "getLicence", summary = "One registered licence, with what is left of it")
    public LicenceView get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No licence with id " + id + ".");
        }
        return register.get(uuid).orElseThrow(() -> new NotFoundException("No licence with id " + id + "."));
    }

    @POST
    @RolesAllowed(Roles.LIST_MANAGER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerLicences", summary = "Register licences or approvals: one licence object or an array, all or nothing",
            description = "Every problem is answered with its JSON pointer and nothing is stored; a reference already "
                    + "registered for the jurisdiction is a 409. Who registered them is the caller.")
    @APIResponse(responseCode = "201", description = "Registered.",
            headers = @Header(name = "Location", description = "The licence, or the register when several were registered.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = LicenceView.class)))
    @APIResponse(responseCode = "409", description = "A reference is already registered for its jurisdiction (licence-exists); nothing was stored.")
    @APIResponse(responseCode = "413", description = "The body is over clearance.api.max-body-bytes.")
    // Read as bytes by LicenceFiles, which names every problem by JSON pointer; the shape is LicenceRequest's. A
    // single object is accepted too, but documented only as an array: Java client generators cannot build a
    // "one object or an array" body (openapi-generator writes code that does not compile).
    @RequestBody(required = true, description = "An array of licences; a single licence object is also accepted.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LicenceRequest.class)))
    public Response register(byte[] body) {
        if (body.length > config.api().maxBodyBytes()) {
            throw new PayloadTooLargeException("The request body has " + body.length + " bytes; the limit is "
                    + config.api().maxBodyBytes() + " (clearance.api.max-body-bytes).");
        }
        String text;
        try {
            text = StrictUtf8.decode(body);
        } catch (StrictUtf8.InvalidUtf8Exception e) {
            throw new InvalidLicencesException("The request body is not UTF-8 text.",
                    List.of(new InputProblem("body", "", "invalid byte at offset " + e.offset())));
        }
        List<LicenceView> registered = register.register(LicenceFiles.json("body", text), actor.get());
        String location = registered.size() == 1 ? "/api/v1/licences/" + registered.get(0).id() : "/api/v1/licences";
        return urls.created(location).entity(registered).build();
    }

    private static Jurisdiction jurisdiction(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Jurisdiction jurisdiction = Jurisdiction.valueOf(value.strip().toUpperCase(Locale.ROOT));
            if (Jurisdiction.REPORTED.contains(jurisdiction)) {
                return jurisdiction;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new InvalidQueryException(List.of(new Problem.Error("query", "jurisdiction", "must be US, EU, UK or JP")));
    }
}
