package org.clearance.parties;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearance.lists.ListsConfig;
import org.clearance.web.InvalidRequestException;
import org.clearance.web.Problem;
import org.clearance.web.PublicUrls;
import org.clearance.security.CurrentActor;
import org.clearance.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Search the loaded lists for a party, and record reviewed false positives. */
@Path("/api/v1/parties")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Parties")
public class PartiesResource {

    private final PartyIndex index;
    private final Dismissals dismissals;
    private final ListsConfig config;
    private final CurrentActor actor;
    private final PublicUrls urls;

    PartiesResource(PartyIndex index, Dismissals dismissals, ListsConfig config, CurrentActor actor, PublicUrls urls) {
        this.index = index;
        this.dismissals = dismissals;
        this.config = config;
        this.actor = actor;
        this.urls = urls;
    }

    /** Body of DELETE /dismissals/{id}: why the dismissal no longer holds. */
    public record RevocationRequest(String reason) {
    }

    /** The search response: what was asked and the matches, best first. */
    public record SearchResponse(String name, String country, int indexedEntries, List<PartySearchResult> matches) {
    }

    @GET
    @Path("/search")
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER, Roles.LIST_MANAGER, Roles.AUDITOR})
    @Operation(operationId = "searchParties", summary = "List entries resembling a name, scored and explained, best first")
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
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "dismissMatch", summary = "Record that an order party is not a list entry; suppresses that pair in screening until the entry changes, "
            + "the dismissal expires (expires_on) or is revoked. The reviewer is the caller; a reviewer in the body is refused.")
    @APIResponse(responseCode = "201", description = "Recorded.",
            headers = @Header(name = "Location", description = "The dismissal.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DismissalView.class)))
    @APIResponse(responseCode = "404", description = "No active list holds the entry (list-entry-not-found).")
    public Response dismiss(DismissalRequest request) {
        validate(request);
        ListedEntry listed = index.entry(request.list().strip(), request.sourceId().strip())
                .orElseThrow(() -> new ListEntryNotFoundException(request.list(), request.sourceId()));
        DismissalView view = dismissals.record(request, listed, actor.get());
        return urls.created("/api/v1/parties/dismissals/" + view.id()).entity(view).build();
    }

    @GET
    @Path("/dismissals")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "listDismissals", summary = "Every dismissal, newest first, with its status (active, expired, revoked); filter by party name and list code")
    public List<DismissalView> dismissals(@QueryParam("party") String party, @QueryParam("list") String list) {
        return dismissals.list(party, list);
    }

    @GET
    @Path("/dismissals/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getDismissal", summary = "One dismissal, whatever its status")
    public DismissalView dismissal(@PathParam("id") String id) {
        return dismissals.get(dismissalId(id));
    }

    @DELETE
    @Path("/dismissals/{id}")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "revokeDismissal", summary = "Revoke a dismissal, with a reason: the party is matched again from now on; the record stays, with who revoked it and why")
    @APIResponse(responseCode = "200", description = "Revoked: the dismissal with who revoked it and why.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DismissalView.class)))
    @APIResponse(responseCode = "409", description = "The dismissal was already revoked.")
    public DismissalView revoke(@PathParam("id") String id, RevocationRequest request) {
        UUID dismissalId = dismissalId(id);
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new InvalidRequestException("A revocation needs a reason.", List.of(new Problem.Error("body", "/reason", "is required")));
        }
        return dismissals.revoke(dismissalId, request.reason(), actor.get());
    }

    private static UUID dismissalId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DismissalNotFoundException(id);
        }
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
        if (request.reviewer() != null) {
            // Who reviewed is who is calling: a name in the body could claim anyone's decision.
            errors.add(new Problem.Error("body", "/reviewer", "must not be sent: the reviewer is the authenticated caller"));
        }
        if (request.expiresOn() != null && request.expiresOn().isBefore(java.time.LocalDate.now(java.time.ZoneOffset.UTC))) {
            errors.add(new Problem.Error("body", "/expires_on", "is in the past"));
        }
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
