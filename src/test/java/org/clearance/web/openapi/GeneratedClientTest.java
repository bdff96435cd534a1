package org.clearance.web.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.clearance.client.ApiClient;
import org.clearance.client.ApiException;
import org.clearance.client.api.CasesApi;
import org.clearance.client.api.KeysApi;
import org.clearance.client.api.ListsApi;
import org.clearance.client.api.RulesApi;
import org.clearance.client.api.ScreeningsApi;
import org.clearance.client.model.BatchResponse;
import org.clearance.client.model.Decision;
import org.clearance.client.model.FindingView;
import org.clearance.client.model.Order;
import org.clearance.client.model.Page;
import org.clearance.client.model.Problem;
import org.clearance.client.model.ScreeningView;
import org.clearance.security.Roles;
import org.clearance.security.TestKeys;
import org.junit.jupiter.api.Test;

/**
 * An integrator's view of the API: a Java client generated from docs/openapi.json by openapi-generator (the
 * build's generate-test-sources step) calls the running server. The client's reader is made strict — a property
 * the document does not name fails it — so the document, the generator's reading of it and the server's answers
 * must agree.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final Path EXAMPLES = Path.of("examples/orders");

    @TestHTTPResource("/")
    URI server;

    @Test
    void shouldScreenAnOrderReadItBackAndFindItAsTheServerStoredIt() throws Exception {
        ApiClient client = client(TestKeys.create(Roles.SCREENER, Roles.OFFICER));
        ScreeningsApi screenings = new ScreeningsApi(client);
        Order order = example(client, "09-eccn-5a992-usb-drives-to-russia.json");
        order.setId("GEN-CLIENT-" + UUID.randomUUID());

        ScreeningView screened = screenings.screenOrder(order);

        assertThat(screened.getOrderId()).isEqualTo(order.getId());
        assertThat(screened.getDecision()).isEqualTo(Decision.BLOCK);
        assertThat(screened.getFindings()).extracting(FindingView::getRuleId)
                .contains("EU-3K-RU-01", "US-ECCN-01");
        assertThat(screened.getFindings()).allSatisfy(finding -> assertThat(finding.getCitation()).isNotBlank());
        assertThat(screenings.getScreening(screened.getId().toString())).isEqualTo(screened);
        assertThat(screenings.getScreenedOrder(screened.getId().toString()).getId()).isEqualTo(order.getId());

        Page found = screenings.listScreenings(order.getId(), null, null, Decision.BLOCK, null, null, null);
        assertThat(found.getItems()).extracting(ScreeningView::getId).containsExactly(screened.getId());
    }

    @Test
    void shouldScreenABatchAndNameTheInvalidItem() throws Exception {
        ApiClient client = client(TestKeys.create(Roles.SCREENER));
        ScreeningsApi screenings = new ScreeningsApi(client);
        Order clear = example(client, "03-italian-furniture-to-kazakhstan-clear.json");
        clear.setId("GEN-CLIENT-" + UUID.randomUUID());
        Order withoutBuyer = example(client, "03-italian-furniture-to-kazakhstan-clear.json");
        withoutBuyer.setId("GEN-CLIENT-" + UUID.randomUUID());
        withoutBuyer.setBuyer(null);

        BatchResponse batch = screenings.screenBatch(List.of(clear, withoutBuyer));

        assertThat(batch.getResults()).hasSize(2);
        assertThat(batch.getResults().get(0).getScreening().getDecision()).isEqualTo(Decision.CLEAR);
        assertThat(batch.getResults().get(1).getOrderId()).isEqualTo(withoutBuyer.getId());
        assertThat(batch.getResults().get(1).getErrors()).anySatisfy(error ->
                assertThat(error.getPointer()).isEqualTo("/1/buyer"));
    }

    @Test
    void shouldReadProblemsAsTheDocumentDescribesThem() throws Exception {
        ApiClient screener = client(TestKeys.create(Roles.SCREENER));
        Order withoutBuyer = example(screener, "03-italian-furniture-to-kazakhstan-clear.json");
        withoutBuyer.setBuyer(null);

        ApiException invalid = catchThrowableOfType(ApiException.class,
                () -> new ScreeningsApi(screener).screenOrder(withoutBuyer));
        ApiException forbidden = catchThrowableOfType(ApiException.class, () -> new RulesApi(screener).getRulePack());
        ApiException anonymous = catchThrowableOfType(ApiException.class,
                () -> new ScreeningsApi(client(null)).listScreenings(null, null, null, null, null, null, null));

        assertThat(invalid.getCode()).isEqualTo(400);
        Problem problem = screener.getObjectMapper().readValue(invalid.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getErrors()).anySatisfy(error -> assertThat(error.getPointer()).isEqualTo("/buyer"));
        assertThat(forbidden.getCode()).isEqualTo(403);
        assertThat(anonymous.getCode()).isEqualTo(401);
    }

    @Test
    void shouldReadWhatEachRoleIsAllowedToSee() throws Exception {
        assertThat(new RulesApi(client(TestKeys.create(Roles.RULE_AUTHOR))).getRulePack().getRules()).isNotEmpty();
        assertThat(new ListsApi(client(TestKeys.create(Roles.LIST_MANAGER))).listLists()).isNotNull();
        assertThat(new CasesApi(client(TestKeys.create(Roles.OFFICER)))
                .listCases(null, null, null, null, null, null, null).getItems()).isNotNull();
        assertThat(new KeysApi(client(TestKeys.create(Roles.ADMIN))).listKeys()).isNotEmpty();
    }

    /** A client of the test server that sends {@code key} (none when null) and refuses properties it does not know. */
    private ApiClient client(String key) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString().replaceAll("/$", ""));
        client.getObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        if (key != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + key));
        }
        return client;
    }

    /** An example order, read into the generated model as an integrator's code would build it. */
    private static Order example(ApiClient client, String file) throws IOException {
        return client.getObjectMapper().readValue(EXAMPLES.resolve(file).toFile(), Order.class);
    }
}
