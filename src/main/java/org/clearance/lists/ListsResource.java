package org.clearance.lists;

import org.clearance.security.CurrentActor;
import org.clearance.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Upload a list file as the new version of a source, and see which lists are loaded. Only single-file formats are
 * accepted here; OFAC's four-file CSV sets are imported with {@code clearance lists import DIR} (docs/api.md).
 */
@Path("/api/v1/lists")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lists")
public class ListsResource {

    private final ListUploads uploads;
    private final ListCatalog catalog;
    private final CurrentActor actor;

    ListsResource(ListUploads uploads, ListCatalog catalog, CurrentActor actor) {
        this.uploads = uploads;
        this.catalog = catalog;
        this.actor = actor;
    }

    /** The lists of the response to GET: each source's active version. */
    public record Catalog(List<ListVersionView> sources) {
    }

    @GET
    @RolesAllowed({Roles.LIST_MANAGER, Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listLists", summary = "Each source's active version: format, hash, publication date, entries, age in seconds")
    public Catalog list() {
        return new Catalog(catalog.active());
    }

    @GET
    @Path("/{source}/versions")
    @RolesAllowed({Roles.LIST_MANAGER, Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listListVersions", summary = "Every version imported for one source, newest first")
    public List<ListVersionView> versions(@PathParam("source") String source) {
        return catalog.history(SourceName.require(source));
    }

    @POST
    @Path("/{source}")
    @RolesAllowed(Roles.LIST_MANAGER)
    // Never text/plain or a wildcard: a web page can send those cross-site without asking.
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "text/csv", MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML,
            MediaType.TEXT_XML})
    @Operation(operationId = "importList", summary = "Import the request body (one list file) as the new active version of a source; "
            + "201 when imported, 200 when identical to the active version, 409 when it would drop more than "
            + "clearance.lists.max-shrink-share of the active entries (confirm with allow_shrink=true)")
    @APIResponse(responseCode = "201", description = "Imported: the new active version.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "200", description = "Identical to the active version: nothing changed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "409", description = "It would drop more than clearance.lists.max-shrink-share of the active entries (list-shrink-refused).")
    public Response upload(@PathParam("source") String source, @QueryParam("format") String format,
                           @QueryParam("allow_shrink") boolean allowShrink, InputStream body) throws IOException {
        ImportResult result = uploads.importUpload(source, format, allowShrink, body, actor.get());
        return Response.status(result.changed() ? 201 : 200).entity(result).build();
    }
}
