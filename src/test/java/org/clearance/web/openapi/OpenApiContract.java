package org.clearance.web.openapi;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI document the test server serves, and whether a real response is what it documents for that
 * operation and status: the status is listed, the media type and headers are declared, and the body validates
 * against the declared schema. Object schemas are closed for validation ({@code unevaluatedProperties: false}):
 * a property the server sends but the document does not name — under another spelling, say — is a mismatch.
 */
final class OpenApiContract {

    /** Where the validator finds the document; nothing is fetched from it. */
    private static final String DOCUMENT_URI = "https://clearance.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry registry;

    private OpenApiContract(JsonNode document) {
        this.document = document;
        String closed = closeObjectSchemas(document.deepCopy()).toString();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_URI, closed)));
    }

    static OpenApiContract served() {
        String text = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            return new OpenApiContract(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The served OpenAPI document is not JSON", e);
        }
    }

    JsonNode document() {
        return document;
    }

    /** Every way {@code response} differs from what the document says of {@code method path} at its status; empty when it matches. */
    List<String> mismatches(String method, String path, Response response) {
        JsonNode declared = declaredResponse(method, path, response.statusCode());
        String where = method + " " + path + " → " + response.statusCode();
        if (declared.isMissingNode()) {
            return List.of(where + ": status not documented");
        }
        List<String> mismatches = new ArrayList<>();
        declared.path("headers").fieldNames().forEachRemaining(header -> {
            if (response.header(header) == null) {
                mismatches.add(where + ": documented header " + header + " is missing");
            }
        });
        String mediaType = response.contentType() == null ? "" : response.contentType().split(";")[0].strip();
        mismatches.addAll(bodyMismatches(method, path, response.statusCode(), mediaType, response.asString()));
        return mismatches;
    }

    /** Every way {@code body} differs from the schema the document gives the response {@code status} of {@code method path}. */
    List<String> bodyMismatches(String method, String path, int status, String mediaType, String body) {
        String where = method + " " + path + " → " + status;
        JsonNode declared = declaredResponse(method, path, status);
        if (body.isEmpty() && declared.path("content").isEmpty()) {
            return List.of();
        }
        JsonNode schema = declared.path("content").path(mediaType).path("schema");
        if (schema.isMissingNode()) {
            return List.of(where + ": media type '" + mediaType + "' not documented, only " + declared.path("content"));
        }
        return validator(schema).validate(body, InputFormat.JSON).stream()
                .map(error -> where + ": " + error.getInstanceLocation() + " " + error.getMessage()).toList();
    }

    private JsonNode declaredResponse(String method, String path, int status) {
        return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT)).path("responses")
                .path(String.valueOf(status));
    }

    /** The response's schema, its references made absolute so that they resolve in the document. */
    private Schema validator(JsonNode schema) {
        String text = schema.toString().replace("\"#/components/", "\"" + DOCUMENT_URI + "#/components/");
        return registry.getSchema(text, InputFormat.JSON);
    }

    private static JsonNode closeObjectSchemas(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("properties") && object.path("properties").isObject()
                && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
            object.put("unevaluatedProperties", false);
        }
        node.forEach(OpenApiContract::closeObjectSchemas);
        return node;
    }
}
