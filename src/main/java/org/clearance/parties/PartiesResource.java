package org.clearance.parties;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.clearance.lists.ListsConfig;
import org.clearance.web.InvalidRequestException;
import org.clearance.web.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Search the loaded lists for a party, and record reviewed false positives. */
@Path("/api/v1/parties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parties")
public class PartiesResource {

    private final PartyIndex index;
    private final Dismissals dismissals;
    private final ListsConfig config;

    PartiesResource(PartyIndex index, Dismissals dismissals, ListsConfig config) {
        this.index = index;
        this.dismissals = dismissals;
        this.config = config;
    }

    /** The search response: what was asked and the matches, best first. */
    public record SearchResponse(String name, String country, int indexedEntries, List<PartySearchResult> matches) {
    }

    @GET
    @Path("/search")
    @Operation(summary = "List entries resembling a name, scored and explained, best first")
    public SearchResponse search(@QueryParam("name") String name, @QueryParam("country") String country,
                                 @QueryParam("limit") String limitParam) {
        List<Problem.Error> errors = new ArrayList<>();
        if (name == null || name.isBlank()) {
            errors.add(new Problem.Error("query", "name", "is required"));
        }
        if (country != null && !country.isBlank() && !country.strip().matches("[A-Za-z]{2}")) {
            errors.add(new Problem.Error("query", "country", "must be an ISO 3166-1 alpha-2 code"));
        }
        int limit = org.clearance.web.QueryParameters.integer("limit", limitParam, 10, 1, config.maxSearchResults(), errors);
        if (!errors.isEmpty()) {
            throw new org.clearance.web.InvalidQueryException(errors);
        }
        String iso = country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
        List<PartySearchResult> matches = index.search(name, iso, limit).stream()
                .map(PartySearchResult::of).toList();
        return new SearchResponse(name, iso, index.indexedEntries(), matches);
    }

    @POST
    @Path("/dismissals")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record that an order party is not a list entry; suppresses that pair in screening until the entry changes")
    public Response dismiss(DismissalRequest request) {
        validate(request);
        ListedEntry listed = index.entry(request.list().strip(), request.sourceId().strip())
                .orElseThrow(() -> new ListEntryNotFoundException(request.list(), request.sourceId()));
        DismissalView view = dismissals.record(request, listed);
        return Response.created(URI.create("/api/v1/parties/dismissals/" + view.id())).entity(view).build();
    }

    private static void validate(DismissalRequest request) {
        if (request == null) {
            throw new InvalidRequestException("The request body is empty.", List.of(new Problem.Error("body", "", "is required")));
        }
        List<Problem.Error> errors = new ArrayList<>();
        require(errors, "/party_name", request.partyName());
        require(errors, "/list", request.list());
        require(errors, "/source_id", request.sourceId());
        require(errors, "/reason", request.reason());
        require(errors, "/reviewer", request.reviewer());
        if (request.partyCountry() != null && !request.partyCountry().strip().matches("[A-Za-z]{2}")) {
            errors.add(new Problem.Error("body", "/party_country", "must be an ISO 3166-1 alpha-2 code"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The dismissal is incomplete.", errors);
        }
    }

    private static void require(List<Problem.Error> errors, String pointer, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.Error("body", pointer, "is required"));
        }
    }
}
