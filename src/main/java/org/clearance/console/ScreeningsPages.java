package org.clearance.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clearance.cases.CaseService;
import org.clearance.cases.OrderStatus;
import org.clearance.replay.ReplayReport;
import org.clearance.replay.ReplayService;
import org.clearance.rules.RuleInfo;
import org.clearance.rules.RulePackRegistry;
import org.clearance.screening.Decision;
import org.clearance.screening.StoredScreenings;
import org.clearance.security.Roles;
import org.clearance.web.InvalidQueryException;
import org.clearance.web.Problem;

/** Stored screenings: the search, one screening with its findings and matches, the order as received, a replay. */
@Path("/console/screenings")
@Produces(MediaType.TEXT_HTML)
public class ScreeningsPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The search form's values as typed, to show them again. */
    public record Filters(String orderId, String party, String country, String decision, String since, String until) {
        static Filters of(MultivaluedMap<String, String> query) {
            return new Filters(value(query, "order_id"), value(query, "party"), value(query, "country"),
                    value(query, "decision"), value(query, "since"), value(query, "until"));
        }

        private static String value(MultivaluedMap<String, String> query, String name) {
            String value = query.getFirst(name);
            return value == null ? "" : value;
        }

        /** The query string of these filters, for the pager's links. */
        public String query() {
            return java.util.stream.Stream.of(pair("order_id", orderId), pair("party", party), pair("country", country),
                    pair("decision", decision), pair("since", since), pair("until", until))
                    .filter(s -> !s.isEmpty()).collect(Collectors.joining("&"));
        }

        private static String pair(String name, String value) {
            return value.isBlank() ? "" : name + "=" + java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A party match of the screening with its explanation against today's lists, when it still matches. */
    public record ExplainedMatch(StoredScreenings.MatchView match, MatchExplanations.Explained explained) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(ConsoleUser user, String active, Filters filters, List<Decision> decisions,
                                              StoredScreenings.Page page, List<Problem.Error> problems);

        static native TemplateInstance screening(ConsoleUser user, String active, StoredScreenings.Stored stored,
                                                 Map<String, String> ruleUrls, String riskChart,
                                                 List<ExplainedMatch> matches, String orderJson, OrderStatus status);

        static native TemplateInstance replay(ConsoleUser user, String active, ReplayReport report, boolean current);
    }

    private final ConsoleContext console;
    private final StoredScreenings screenings;
    private final RulePackRegistry registry;
    private final MatchExplanations explanations;
    private final ReplayService replays;
    private final CaseService cases;

    ScreeningsPages(ConsoleContext console, StoredScreenings screenings, RulePackRegistry registry,
                    MatchExplanations explanations, ReplayService replays, CaseService cases) {
        this.console = console;
        this.screenings = screenings;
        this.registry = registry;
        this.explanations = explanations;
        this.replays = replays;
        this.cases = cases;
    }

    @GET
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER, Roles.AUDITOR})
    public Response search(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        // Empty fields of the search form are absent filters, not invalid ones.
        uri.getQueryParameters().forEach((name, values) -> values.stream().filter(v -> !v.isBlank())
                .forEach(v -> query.add(name, v)));
        Filters filters = Filters.of(query);
        List<Decision> decisions = List.of(Decision.CLEAR, Decision.REVIEW, Decision.BLOCK);
        try {
            StoredScreenings.Page page = screenings.page(query, console.actor());
            return Response.ok(Templates.search(console.user(), ConsolePaths.SCREENINGS, filters, decisions, page, List.of())).build();
        } catch (InvalidQueryException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.search(console.user(), ConsolePaths.SCREENINGS, filters, decisions, null, e.errors())).build();
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.SCREENER, Roles.OFFICER, Roles.AUDITOR})
    public TemplateInstance screening(@PathParam("id") String id) {
        StoredScreenings.Stored stored = screenings.find(id, console.actor()).orElseThrow(() -> notFound(id));
        Map<String, String> urls = registry.current().rules().stream().filter(r -> r.url() != null)
                .collect(Collectors.toMap(RuleInfo::id, RuleInfo::url, (a, b) -> a));
        List<ExplainedMatch> matches = stored.partyMatches().stream().map(m -> new ExplainedMatch(m,
                explanations.explain(m.partyName(), m.partyCountry(), m.list(), m.sourceId()).orElse(null))).toList();
        OrderStatus status = console.user().readsCases() ? cases.orderStatus(stored.view().orderId(), null) : null;
        return Templates.screening(console.user(), ConsolePaths.SCREENINGS, stored, urls,
                stored.view().risk() == null ? null : RiskChart.svg(stored.view().risk()), matches, pretty(stored.orderJson()),
                status);
    }

    @GET
    @Path("/{id}/replay")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    public TemplateInstance replay(@PathParam("id") String id, @QueryParam("current") boolean current) {
        var uuid = screenings.find(id, console.actor()).orElseThrow(() -> notFound(id)).view().id();
        return Templates.replay(console.user(), ConsolePaths.SCREENINGS, replays.replay(uuid, current), current);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("No screening with id " + id + ".");
    }

    private static String pretty(String json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json; // stored as received: shown as received
        }
    }
}
