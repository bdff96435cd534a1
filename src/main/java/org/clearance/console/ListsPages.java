package org.clearance.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
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
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.clearance.lists.ImportResult;
import org.clearance.lists.InvalidListRequestException;
import org.clearance.lists.ListCatalog;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListShrinkRefusedException;
import org.clearance.lists.ListUploads;
import org.clearance.lists.ListVersionView;
import org.clearance.parties.DismissalAlreadyRevokedException;
import org.clearance.parties.DismissalNotFoundException;
import org.clearance.parties.DismissalView;
import org.clearance.parties.Dismissals;
import org.clearance.security.Roles;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The lists: each source's active version and age, a source's history, importing a file (list managers), searching a
 * name with the per-token explanation, and the dismissed matches with their revocation (officers).
 */
@Path("/console/lists")
@Produces(MediaType.TEXT_HTML)
public class ListsPages {

    /** Most search results shown. */
    private static final int SEARCH_LIMIT = 10;
    private static final int MAX_NAME = 1000;

    /** A search as typed and what it found; {@code problem} when it could not run. */
    public record Search(String name, String country, List<MatchExplanations.Found> found, String problem) {
        static final Search NONE = new Search("", "", List.of(), null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lists(ConsoleUser user, String active, List<ListVersionView> versions,
                                             int indexedEntries, Search search, List<DismissalView> dismissals,
                                             List<ListFormat> formats, String notice, String problem);

        static native TemplateInstance history(ConsoleUser user, String active, String source, List<ListVersionView> versions);
    }

    private final ConsoleContext console;
    private final ListCatalog catalog;
    private final ListUploads uploads;
    private final MatchExplanations explanations;
    private final Dismissals dismissals;

    ListsPages(ConsoleContext console, ListCatalog catalog, ListUploads uploads, MatchExplanations explanations,
               Dismissals dismissals) {
        this.console = console;
        this.catalog = catalog;
        this.uploads = uploads;
        this.explanations = explanations;
        this.dismissals = dismissals;
    }

    @GET
    @RolesAllowed({Roles.LIST_MANAGER, Roles.OFFICER, Roles.AUDITOR})
    public Response lists(@QueryParam("name") String name, @QueryParam("country") String country,
                          @QueryParam("notice") String notice) {
        Search search = search(name, country);
        return Response.status(search.problem() == null ? 200 : 400)
                .entity(page(search, notice(notice), null)).build();
    }

    @GET
    @Path("/{source}")
    @RolesAllowed({Roles.LIST_MANAGER, Roles.OFFICER, Roles.AUDITOR})
    public TemplateInstance history(@PathParam("source") String source) {
        String name = org.clearance.lists.SourceName.require(source);
        return Templates.history(console.user(), ConsolePaths.LISTS, name, catalog.history(name));
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.LIST_MANAGER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importList(@RestForm("_csrf") String csrf, @RestForm("source") String source,
                               @RestForm("format") String format, @RestForm("allow_shrink") boolean allowShrink,
                               @RestForm("file") FileUpload file) throws IOException {
        console.checkForm(csrf);
        if (file == null || file.uploadedFile() == null) {
            return refused("Choose a list file to import.");
        }
        try (InputStream body = Files.newInputStream(file.uploadedFile())) {
            ImportResult result = uploads.importUpload(source, format, allowShrink, body, console.actor());
            return ConsolePaths.redirect(ConsolePaths.LISTS + "?notice=" + (result.changed() ? "imported" : "unchanged"));
        } catch (InvalidListRequestException | ListShrinkRefusedException e) {
            return refused(e.getMessage());
        } catch (ListFormatException e) {
            return refused("The file is not a valid " + format + " list: " + e.getMessage() + " Nothing was imported.");
        }
    }

    @POST
    @Path("/dismissals/{id}/revoke")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") String id, @FormParam("_csrf") String csrf, @FormParam("reason") String reason) {
        console.checkForm(csrf);
        if (reason == null || reason.isBlank()) {
            return refused("Say why the dismissal is revoked.");
        }
        try {
            dismissals.revoke(UUID.fromString(id), reason.strip(), console.actor());
        } catch (IllegalArgumentException | DismissalNotFoundException e) {
            return refused("No dismissal " + id + ".");
        } catch (DismissalAlreadyRevokedException e) {
            return refused(e.getMessage());
        }
        return ConsolePaths.redirect(ConsolePaths.LISTS + "#dismissals");
    }

    private static String notice(String code) {
        return "imported".equals(code) ? "The list was imported and is in use now."
                : "unchanged".equals(code) ? "The file is identical to the active version: nothing changed." : null;
    }

    private Response refused(String problem) {
        return Response.status(Response.Status.BAD_REQUEST).entity(page(Search.NONE, null, problem)).build();
    }

    private TemplateInstance page(Search search, String notice, String problem) {
        ConsoleUser user = console.user();
        List<DismissalView> dismissed = user.readsCases() ? dismissals.list(null, null) : List.of();
        return Templates.lists(user, ConsolePaths.LISTS, catalog.active(), explanations.indexedEntries(), search,
                dismissed, ListUploads.singleFileFormats(), notice, problem);
    }

    private Search search(String name, String country) {
        if (name == null || name.isBlank()) {
            return Search.NONE;
        }
        String iso = country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
        if (name.length() > MAX_NAME) {
            return new Search(name.substring(0, 100), country, List.of(), "The name has " + name.length()
                    + " characters; names have at most " + MAX_NAME + ".");
        }
        if (iso != null && !iso.matches("[A-Z]{2}")) {
            return new Search(name, country, List.of(), "The country must be an ISO 3166-1 alpha-2 code such as DE or RU.");
        }
        return new Search(name, country == null ? "" : country, explanations.search(name.strip(), iso, SEARCH_LIMIT), null);
    }
}
