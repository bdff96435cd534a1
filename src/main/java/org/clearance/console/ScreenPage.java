package org.clearance.console;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.clearance.config.ClearanceConfig;
import org.clearance.facts.PartyType;
import org.clearance.facts.PaymentMethod;
import org.clearance.order.InputProblem;
import org.clearance.screening.ScreeningService;
import org.clearance.security.Roles;

/**
 * Screening an order from the browser: a form for the usual fields, or the order's JSON pasted whole. Both go
 * through the API's parser and the same screening and storage; the result is the stored screening's page.
 */
@Path("/console/screen")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.SCREENER)
public class ScreenPage {

    static final String SOURCE = "console";
    /** The order format's values, as the JSON spells them. */
    static final List<String> PAYMENT_METHODS = labels(PaymentMethod.values());
    static final List<String> PARTY_TYPES = labels(PartyType.values());

    /** The form's fixed choices, for the template. */
    public record Choices(List<Integer> lines, List<String> paymentMethods, List<String> partyTypes) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance screen(ConsoleUser user, String active, OrderForm form, String orderJson,
                                              Choices choices, String problem, List<InputProblem> problems);
    }

    private final ConsoleContext console;
    private final ScreeningService screenings;
    private final ClearanceConfig config;

    ScreenPage(ConsoleContext console, ScreeningService screenings, ClearanceConfig config) {
        this.console = console;
        this.screenings = screenings;
        this.config = config;
    }

    @GET
    public TemplateInstance form() {
        return page(OrderForm.empty(), "", null, List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response screenForm(MultivaluedMap<String, String> fields) {
        console.checkForm(fields.getFirst("_csrf"));
        OrderForm form = OrderForm.of(fields);
        return screen(form.json(), form, "");
    }

    @POST
    @Path("/json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response screenJson(@FormParam("_csrf") String csrf, @FormParam("order_json") String orderJson) {
        console.checkForm(csrf);
        String text = orderJson == null ? "" : orderJson;
        return screen(text.getBytes(StandardCharsets.UTF_8), OrderForm.empty(), text);
    }

    private Response screen(byte[] body, OrderForm form, String orderJson) {
        if (body.length > config.api().maxBodyBytes()) {
            return Response.status(Response.Status.REQUEST_ENTITY_TOO_LARGE).entity(page(form, "",
                    "The order has " + body.length + " bytes; the limit is " + config.api().maxBodyBytes() + ".", List.of())).build();
        }
        ScreeningService.Single single = screenings.screenOne(SOURCE, body, console.actor());
        if (single.storageFailed()) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(page(form, orderJson,
                    "The order was screened, but the screening could not be stored: nothing was kept. Send it again.",
                    List.of())).build();
        }
        if (single.view() == null) {
            String problem = switch (single.refusal()) {
                case UNREADABLE -> "This is not a valid order.";
                case NOT_ONE_ORDER -> "Paste one order, a JSON object; the command line and the API take batches.";
                case INVALID_ORDER -> "The order has " + single.problems().size() + " problem(s); nothing was screened.";
            };
            return Response.status(Response.Status.BAD_REQUEST).entity(page(form, orderJson, problem, single.problems())).build();
        }
        return ConsolePaths.redirect(ConsolePaths.screening(single.view().id()));
    }

    private static List<String> labels(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private TemplateInstance page(OrderForm form, String orderJson, String problem, List<InputProblem> problems) {
        return Templates.screen(console.user(), ConsolePaths.SCREEN, form, orderJson,
                new Choices(java.util.stream.IntStream.rangeClosed(1, OrderForm.LINES).boxed().toList(), PAYMENT_METHODS,
                        PARTY_TYPES), problem, problems);
    }
}
