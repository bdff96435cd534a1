package org.clearance.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.clearance.cases.CaseAction;
import org.clearance.cases.CaseConflictException;
import org.clearance.cases.CasePage;
import org.clearance.cases.CaseQuery;
import org.clearance.cases.CaseRequests;
import org.clearance.cases.CaseService;
import org.clearance.cases.CaseStatus;
import org.clearance.cases.CaseView;
import org.clearance.cases.DispositionType;
import org.clearance.config.ClearanceConfig;
import org.clearance.security.Roles;
import org.clearance.web.InvalidQueryException;
import org.clearance.web.InvalidRequestException;
import org.clearance.web.Problem;

/**
 * The officers' queue and case page. Every action and disposition goes through the same request reader and case
 * service as the API, so the same reasons are required, the same four-eyes rule applies and the same audit record is
 * written; who acts is the signed-in user.
 */
@Path("/console/cases")
@Produces(MediaType.TEXT_HTML)
public class CasesPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The queue's filters as typed, to show them again and to page with them. */
    public record Filters(String status, String assignee, String decision, String overdue, String q, String sort) {
        static Filters of(MultivaluedMap<String, String> query, CaseService.Sorting sorting) {
            return new Filters(value(query, "status"), value(query, "assignee"), value(query, "decision"),
                    value(query, "overdue"), value(query, "q"), sorting.label());
        }

        private static String value(MultivaluedMap<String, String> query, String name) {
            String value = query.getFirst(name);
            return value == null ? "" : value;
        }

        public String query() {
            StringBuilder query = new StringBuilder("sort=" + sort);
            for (String[] pair : new String[][]{{"status", status}, {"assignee", assignee}, {"decision", decision},
                    {"overdue", overdue}, {"q", q}}) {
                if (!pair[1].isBlank()) {
                    query.append('&').append(pair[0]).append('=')
                            .append(java.net.URLEncoder.encode(pair[1], java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            return query.toString();
        }
    }

    /** The queue's fixed choices. */
    public record Choices(List<CaseStatus> statuses, List<CaseService.Sorting> sortings, List<DispositionType> dispositions,
                          List<CaseAction> actions) {
        static final Choices ALL = new Choices(List.of(CaseStatus.values()), List.of(CaseService.Sorting.values()),
                List.of(DispositionType.values()),
                List.of(CaseAction.COMMENT, CaseAction.REQUEST_INFORMATION, CaseAction.ESCALATE, CaseAction.RELEASE,
                        CaseAction.APPROVE, CaseAction.REJECT, CaseAction.REOPEN));
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(ConsoleUser user, String active, Filters filters, Choices choices,
                                             CasePage page, List<Problem.Error> problems);

        static native TemplateInstance caseDetail(ConsoleUser user, String active, CaseView kase, Choices choices,
                                                  String problem, List<Problem.Error> problems);
    }

    private final ConsoleContext console;
    private final CaseService cases;
    private final ClearanceConfig config;

    CasesPages(ConsoleContext console, CaseService cases, ClearanceConfig config) {
        this.console = console;
        this.cases = cases;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    public Response queue(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        uri.getQueryParameters().forEach((name, values) -> values.stream().filter(v -> !v.isBlank())
                .forEach(v -> query.add(name, v)));
        CaseService.Sorting sorting = sorting(query.getFirst("sort"));
        query.remove("sort");
        Filters filters = Filters.of(query, sorting);
        try {
            CaseQuery.Request request = CaseQuery.parse(query, config.api().pageSize());
            CasePage page = cases.list(request.query(), sorting, request.page(), config.api().pageSize());
            return Response.ok(Templates.queue(console.user(), ConsolePaths.CASES, filters, Choices.ALL, page, List.of())).build();
        } catch (InvalidQueryException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.queue(console.user(), ConsolePaths.CASES, filters, Choices.ALL, null, e.errors())).build();
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.AUDITOR})
    public TemplateInstance detail(@PathParam("id") String id) {
        return page(cases.get(caseId(id)), null, List.of());
    }

    @POST
    @Path("/{id}/actions")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response act(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        console.checkForm(form.getFirst("_csrf"));
        UUID caseId = caseId(id);
        return change(caseId, () -> cases.act(caseId, CaseRequests.action(body(form, "action", "reason", "assignee")),
                console.actor()));
    }

    @POST
    @Path("/{id}/dispositions")
    @RolesAllowed(Roles.OFFICER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dispose(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        console.checkForm(form.getFirst("_csrf"));
        UUID caseId = caseId(id);
        return change(caseId, () -> cases.dispose(caseId, CaseRequests.disposition(
                body(form, "subject", "disposition", "reason", "authorisation")), console.actor()));
    }

    /** Runs a change; afterwards back to the case page (so a reload does not send it again), or the page with why not. */
    private Response change(UUID caseId, Supplier<CaseView> change) {
        try {
            change.get();
            return ConsolePaths.redirect(ConsolePaths.caseOf(caseId));
        } catch (InvalidRequestException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(cases.get(caseId), e.getMessage(), e.errors())).build();
        } catch (CaseConflictException e) {
            return Response.status(Response.Status.CONFLICT).entity(page(cases.get(caseId), e.getMessage(), List.of())).build();
        }
    }

    private TemplateInstance page(CaseView kase, String problem, List<Problem.Error> problems) {
        return Templates.caseDetail(console.user(), ConsolePaths.CASES, kase, Choices.ALL, problem, problems);
    }

    /** The form's fields as the API's JSON body: empty fields are absent, as a client would leave them out. */
    private static ObjectNode body(MultivaluedMap<String, String> form, String... fields) {
        ObjectNode body = JSON.createObjectNode();
        for (String field : fields) {
            String value = form.getFirst(field);
            if (value != null && !value.isBlank()) {
                body.put(field, value.strip());
            }
        }
        return body;
    }

    private static CaseService.Sorting sorting(String text) {
        return Arrays.stream(CaseService.Sorting.values())
                .filter(s -> s.label().equals(text == null ? "" : text.toLowerCase(Locale.ROOT)))
                .findFirst().orElse(CaseService.Sorting.DUE);
    }

    private static UUID caseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No case with id " + id + ".");
        }
    }
}
