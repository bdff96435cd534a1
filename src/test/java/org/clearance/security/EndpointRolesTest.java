package org.clearance.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the API, enumerated from the OpenAPI document, against the role matrix of docs/security.md:
 * anonymous callers get 401, every role outside the endpoint's row 403, and every role in it gets past security.
 * An endpoint missing from the matrix fails the test, so a new one cannot go out unprotected or undocumented.
 * The callers are real API keys, one per role.
 */
@QuarkusTest
class EndpointRolesTest {

    private static final String SCREENER = Roles.SCREENER;
    private static final String OFFICER = Roles.OFFICER;
    private static final String AUTHOR = Roles.RULE_AUTHOR;
    private static final String LISTS = Roles.LIST_MANAGER;
    private static final String AUDITOR = Roles.AUDITOR;
    private static final String ADMIN = Roles.ADMIN;

    /** The matrix as docs/security.md shows it: endpoint → the roles that may call it. */
    static final Map<String, Set<String>> MATRIX = new LinkedHashMap<>();

    static {
        MATRIX.put("POST /api/v1/screenings", Set.of(SCREENER));
        MATRIX.put("POST /api/v1/screenings/batch", Set.of(SCREENER));
        MATRIX.put("GET /api/v1/screenings", Set.of(SCREENER, OFFICER, AUDITOR));
        MATRIX.put("GET /api/v1/screenings/{id}", Set.of(SCREENER, OFFICER, AUDITOR));
        MATRIX.put("GET /api/v1/screenings/{id}/order", Set.of(SCREENER, OFFICER, AUDITOR));
        MATRIX.put("GET /api/v1/parties/search", Set.of(SCREENER, OFFICER, LISTS, AUDITOR));
        MATRIX.put("POST /api/v1/parties/dismissals", Set.of(OFFICER));
        MATRIX.put("GET /api/v1/parties/dismissals", Set.of(OFFICER, AUDITOR));
        MATRIX.put("GET /api/v1/parties/dismissals/{id}", Set.of(OFFICER, AUDITOR));
        MATRIX.put("DELETE /api/v1/parties/dismissals/{id}", Set.of(OFFICER));
        MATRIX.put("GET /api/v1/rules", Set.of(AUTHOR, OFFICER, AUDITOR));
        MATRIX.put("GET /api/v1/rules/versions", Set.of(AUTHOR, OFFICER, AUDITOR));
        MATRIX.put("POST /api/v1/rules/reload", Set.of(AUTHOR));
        MATRIX.put("POST /api/v1/rules/validate", Set.of(AUTHOR));
        MATRIX.put("GET /api/v1/packs/subscriptions", Set.of(AUTHOR, OFFICER, AUDITOR));
        MATRIX.put("POST /api/v1/packs/subscriptions/{name}/activate", Set.of(AUTHOR));
        MATRIX.put("GET /api/v1/lists", Set.of(LISTS, OFFICER, AUDITOR));
        MATRIX.put("GET /api/v1/lists/{source}/versions", Set.of(LISTS, OFFICER, AUDITOR));
        MATRIX.put("POST /api/v1/lists/{source}", Set.of(LISTS));
        MATRIX.put("GET /api/v1/trade/country-risk", Set.of(LISTS, OFFICER, AUDITOR));
        MATRIX.put("GET /api/v1/trade/country-risk/chart.svg", Set.of(LISTS, OFFICER, AUDITOR));
        MATRIX.put("GET /api/v1/keys", Set.of(ADMIN));
        MATRIX.put("POST /api/v1/keys", Set.of(ADMIN));
        MATRIX.put("GET /api/v1/keys/{name}", Set.of(ADMIN));
        MATRIX.put("DELETE /api/v1/keys/{name}", Set.of(ADMIN));
        MATRIX.put("GET /api/v1/screenings/{id}/replay", Set.of(OFFICER, AUDITOR));
        MATRIX.put("POST /api/v1/screenings/{id}/shipped", Set.of(SCREENER, OFFICER));
        MATRIX.put("GET /api/v1/licences", Set.of(OFFICER, LISTS, AUDITOR));
        MATRIX.put("GET /api/v1/licences/{id}", Set.of(OFFICER, LISTS, AUDITOR));
        MATRIX.put("POST /api/v1/licences", Set.of(LISTS));
        MATRIX.put("GET /api/v1/audit/verify", Set.of(AUDITOR, ADMIN));
        MATRIX.put("GET /api/v1/cases", Set.of(OFFICER, AUDITOR));
        MATRIX.put("GET /api/v1/cases/{id}", Set.of(OFFICER, AUDITOR));
        MATRIX.put("POST /api/v1/cases/{id}/actions", Set.of(OFFICER));
        MATRIX.put("POST /api/v1/cases/{id}/dispositions", Set.of(OFFICER));
        MATRIX.put("GET /api/v1/orders/{order_id}/status", Set.of(SCREENER, OFFICER, AUDITOR));
        MATRIX.put("POST /api/v1/orders/{order_id}/shipped", Set.of(SCREENER, OFFICER));
        MATRIX.put("POST /api/v1/orders/{order_id}/cancelled", Set.of(SCREENER, OFFICER));
        MATRIX.put("GET /api/v1/rescreens", Set.of(OFFICER, AUDITOR));
        MATRIX.put("GET /api/v1/webhooks", Set.of(ADMIN, AUDITOR));
        MATRIX.put("POST /api/v1/webhooks", Set.of(ADMIN));
        MATRIX.put("DELETE /api/v1/webhooks/{id}", Set.of(ADMIN));
        MATRIX.put("GET /api/v1/webhooks/deliveries", Set.of(ADMIN, AUDITOR));
    }

    /**
     * Endpoints whose allowed call is too slow to repeat here (a reload compiles and tests the whole pack):
     * only their 401 and 403 answers are checked; RulePackReloadTest covers the allowed call.
     */
    private static final Set<String> NOT_CALLED_WHEN_ALLOWED = Set.of("POST /api/v1/rules/reload");

    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    record Endpoint(String method, String path, String contentType) {
        String key() {
            return method + " " + path;
        }

        /** The path with placeholders filled with values that name nothing, so that allowed calls change nothing. */
        String concretePath() {
            return path.replace("{id}", UUID.randomUUID().toString()).replace("{source}", "no-such-source")
                    .replace("{name}", "no-such-key").replace("{order_id}", "NO-SUCH-ORDER");
        }
    }

    @BeforeAll
    static void createOneKeyPerRole() {
        for (String role : new TreeSet<>(Roles.ALL)) {
            KEYS.put(role, TestKeys.create(role));
        }
    }

    @Test
    void shouldHaveEveryEndpointOfTheOpenApiDocumentInTheMatrixAndNoOther() throws Exception {
        Set<String> documented = new TreeSet<>();
        endpoints().forEach(e -> documented.add(e.key()));
        assertThat(documented).as("endpoints without a row in the role matrix (add one here and in docs/security.md)")
                .isSubsetOf(MATRIX.keySet());
        assertThat(MATRIX.keySet()).as("matrix rows for endpoints that no longer exist").isSubsetOf(documented);
    }

    @Test
    void shouldDocumentTheBearerSchemeAndItsRefusalsOnEveryEndpoint() throws Exception {
        JsonNode document = openApiDocument();
        JsonNode scheme = document.path("components").path("securitySchemes").path("bearer");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("bearer");
        assertThat(scheme.path("description").asText()).contains("API key").contains(ApiKeyToken.PREFIX);
        List<String> undocumented = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode op = operation.getValue();
            boolean secured = op.path("security").findValues("bearer").size() == 1;
            if (path.getKey().startsWith("/api/") && op.isObject()
                    && !(secured && op.path("responses").has("401") && op.path("responses").has("403"))) {
                undocumented.add(operation.getKey() + " " + path.getKey());
            }
        }));
        assertThat(undocumented).as("operations without the bearer requirement and their 401/403 answers").isEmpty();
    }

    @Test
    void shouldAnswer401ToAnonymousCallersOnEveryEndpoint() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Response response = call(given(), endpoint);
            if (response.statusCode() != 401) {
                wrong.add(endpoint.key() + " → " + response.statusCode());
            }
        }
        assertThat(wrong).as("endpoints that did not answer 401 without credentials").isEmpty();
    }

    @Test
    void shouldAnswer403ToEveryRoleOutsideTheMatrixAndLetTheOthersThrough() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            Set<String> allowed = MATRIX.getOrDefault(endpoint.key(), Set.of());
            for (Map.Entry<String, String> key : KEYS.entrySet()) {
                if (allowed.contains(key.getKey()) && NOT_CALLED_WHEN_ALLOWED.contains(endpoint.key())) {
                    continue;
                }
                int status;
                try {
                    status = call(TestKeys.with(key.getValue()), endpoint).statusCode();
                } catch (Exception e) { // RestAssured rethrows a socket timeout unchecked
                    wrong.add(endpoint.key() + " as " + key.getKey() + " → " + e);
                    continue;
                }
                boolean shouldPass = allowed.contains(key.getKey());
                if (shouldPass && (status == 401 || status == 403) || !shouldPass && status != 403) {
                    wrong.add(endpoint.key() + " as " + key.getKey() + " → " + status + (shouldPass ? " (allowed)" : " (not allowed)"));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldAnswer401ToAWrongOrMalformedKey() throws Exception {
        String valid = KEYS.get(ADMIN);
        String wrongSecret = valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String bad : List.of(wrongSecret, "clr_0123456789ab_" + "x".repeat(43), "clr_short", "clr_")) {
            TestKeys.with(bad).get("/api/v1/keys").then().statusCode(401);
        }
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.contentType() != null) {
            request = request.contentType(endpoint.contentType()).body(new byte[0]);
        }
        return request.request(endpoint.method(), endpoint.concretePath());
    }

    private static JsonNode openApiDocument() throws Exception {
        return new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    /** Every operation under /api/ in the served OpenAPI document, with the first content type its body accepts. */
    static List<Endpoint> endpoints() throws Exception {
        JsonNode document = openApiDocument();
        List<Endpoint> endpoints = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                JsonNode content = operation.getValue().path("requestBody").path("content");
                String contentType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                endpoints.add(new Endpoint(method, path.getKey(), contentType));
            }
        }
        assertThat(endpoints).as("the OpenAPI document lists the API").hasSizeGreaterThan(10);
        return endpoints;
    }
}
