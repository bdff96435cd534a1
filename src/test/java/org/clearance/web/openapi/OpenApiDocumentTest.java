package org.clearance.web.openapi;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document is one a client generator can use: property names as the JSON has them, the order
 * schema as the request body, every operation's success status with its schema and its problem responses.
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** Operations whose success is 201 Created with a Location; every other one answers 200. */
    private static final Set<String> CREATING = Set.of("post /api/v1/screenings", "post /api/v1/parties/dismissals",
            "post /api/v1/licences", "post /api/v1/keys", "post /api/v1/lists/{source}", "post /api/v1/webhooks");
    private static final String PROBLEM_REF = "#/components/schemas/" + ApiSchemas.PROBLEM;
    /** Jackson's tree types: a schema of one of them says nothing a client could use. */
    private static final Set<String> JACKSON_TYPES = Set.of("JsonNode", "ObjectNode", "ArrayNode", "TreeNode",
            "JsonNodeType", "ValueNode");

    private static JsonNode document;

    /** Fetched in the first test: RestAssured knows the test server's port only once a test runs. */
    @BeforeEach
    void fetchDocument() {
        if (document == null) {
            document = OpenApiContract.served().document();
        }
    }

    @Test
    void shouldBeOpenApi31() {
        assertThat(document.path("openapi").asText()).startsWith("3.1");
    }

    @Test
    void shouldNameEveryPropertyInSnakeCase() {
        List<String> camelCase = new ArrayList<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema ->
                collectPropertyNames(schema.getKey(), schema.getValue(), camelCase));
        assertThat(camelCase).as("properties whose names have an upper-case letter").isEmpty();
    }

    @Test
    void shouldExposeNoJacksonTreeTypes() {
        Set<String> names = new TreeSet<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).doesNotContainAnyElementsOf(JACKSON_TYPES);
        assertThat(document.toString()).doesNotContain("JsonNode");
    }

    @Test
    void shouldDocumentTheSuccessAndProblemResponsesOfEveryOperation() {
        List<String> wrong = new ArrayList<>();
        operations().forEach((key, operation) -> {
            JsonNode responses = operation.path("responses");
            String success = CREATING.contains(key) ? "201" : "200";
            if (responses.path(success).path("content").isEmpty()) {
                wrong.add(key + ": no " + success + " with a body");
            }
            for (String status : List.of("400", "401", "403")) {
                JsonNode schema = responses.path(status).path("content").path("application/problem+json").path("schema");
                if (!PROBLEM_REF.equals(schema.path("$ref").asText())) {
                    wrong.add(key + ": no " + status + " problem");
                }
            }
            responses.fields().forEachRemaining(response -> {
                boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                if (error && !response.getValue().path("content").has("application/problem+json")) {
                    wrong.add(key + ": " + response.getKey() + " without a problem body");
                }
            });
        });
        assertThat(operations()).hasSizeGreaterThan(20);
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldTakeAnOrderAndAnswer201WhenScreening() {
        JsonNode screen = document.path("paths").path("/api/v1/screenings").path("post");
        assertThat(screen.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Order");
        assertThat(screen.path("responses").has("200")).as("a 200 the endpoint never sends").isFalse();
        assertThat(screen.path("responses").path("201").path("headers").has("Location")).isTrue();
        assertThat(screen.path("responses").path("201").path("content").path("application/json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/ScreeningView");

        JsonNode batch = document.path("paths").path("/api/v1/screenings/batch").path("post").path("requestBody").path("content");
        assertThat(batch.path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/" + ApiSchemas.ORDER_BATCH);
        assertThat(batch.has("application/x-ndjson")).isTrue();
    }

    @Test
    void shouldDocumentLicencesAsAnArrayWhichGeneratedClientsCanSend() {
        JsonNode licences = document.path("paths").path("/api/v1/licences").path("post").path("requestBody");
        JsonNode schema = licences.path("content").path("application/json").path("schema");
        assertThat(schema.path("type").asText()).isEqualTo("array");
        assertThat(schema.path("items").path("$ref").asText()).isEqualTo("#/components/schemas/LicenceRequest");
        assertThat(licences.path("description").asText()).contains("single licence object is also accepted");
    }

    @Test
    void shouldNameEveryOperationOnce() {
        List<String> ids = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String id = operation.getValue().path("operationId").asText("");
            if (id.isEmpty()) {
                unnamed.add(operation.getKey() + " " + path.getKey());
            } else {
                ids.add(id);
            }
        }));
        assertThat(unnamed).as("operations without an operationId: generated clients name them after their path").isEmpty();
        assertThat(ids).as("operationIds").doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z]+"));
    }

    @Test
    void shouldNotOfferADismissalReviewerWhichTheServerRefuses() {
        JsonNode dismissal = document.path("components").path("schemas").path("DismissalRequest").path("properties");
        assertThat(dismissal.has("reason")).isTrue();
        assertThat(dismissal.has("reviewer")).as("the reviewer is the caller").isFalse();
    }

    @Test
    void shouldCarryTheOrderSchemaOfDocsWithItsDefinitionsAsComponents() {
        JsonNode schemas = document.path("components").path("schemas");
        JsonNode order = schemas.path("Order");
        assertThat(order.path("required")).extracting(JsonNode::asText).containsExactly("id", "seller", "buyer", "lines");
        assertThat(order.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(order.path("properties").path("end_user").path("$ref").asText()).isEqualTo("#/components/schemas/OrderParty");
        assertThat(schemas.path("OrderParty").path("properties").has("country")).isTrue();
        assertThat(schemas.path("OrderLine").path("properties").has("hs_code")).isTrue();
        assertThat(document.toString()).doesNotContain("#/$defs/").doesNotContain("\"$schema\"");
    }

    @Test
    void shouldDescribeProblemsAsProblemMapperWritesThem() {
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(fieldNames(schemas.path("Problem").path("properties")))
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "instance", "errors");
        assertThat(fieldNames(schemas.path("ProblemError").path("properties")))
                .containsExactlyInAnyOrder("source", "pointer", "message");
    }

    @Test
    void shouldReadWithoutMessagesAsClientGeneratorsDo() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document.toString(), null, options);
        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getComponents().getSchemas()).containsKeys("Order", "OrderParty", "Problem");

        String yaml = given().get("/q/openapi").then().statusCode(200).extract().asString();
        SwaggerParseResult fromYaml = new OpenAPIV3Parser().readContents(yaml, null, options);
        assertThat(fromYaml.getMessages()).as("the default (YAML) format").isEmpty();
        assertThat(fromYaml.getOpenAPI().getComponents().getSchemas()).containsKeys("Order", "OrderParty", "Problem");
    }

    /** Every operation under /api/v1, as "method path". */
    static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/v1")) {
                path.getValue().fields().forEachRemaining(op -> {
                    if (Set.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                        operations.put(op.getKey() + " " + path.getKey(), op.getValue());
                    }
                });
            }
        });
        return operations;
    }

    private static void collectPropertyNames(String where, JsonNode schema, List<String> camelCase) {
        if (schema.path("properties").isObject()) {
            schema.path("properties").fields().forEachRemaining(property -> {
                if (!property.getKey().equals(property.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    camelCase.add(where + "." + property.getKey());
                }
                collectPropertyNames(where + "." + property.getKey(), property.getValue(), camelCase);
            });
        }
        for (String nested : List.of("items", "additionalProperties")) {
            if (schema.path(nested).isObject()) {
                collectPropertyNames(where + "[]", schema.path(nested), camelCase);
            }
        }
        for (String list : List.of("allOf", "anyOf", "oneOf")) {
            schema.path(list).forEach(member -> collectPropertyNames(where, member, camelCase));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
