package org.clearance.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clearance.web.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document at build time with what annotations cannot say once: the order schemas, read from
 * {@code docs/schema/order.schema.json} (packaged as {@value #ORDER_SCHEMA_RESOURCE}) so that the format has one
 * definition, and the problem responses every API operation can answer ({@link ProblemResponses}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentFilter implements OASFilter {

    static final String ORDER_SCHEMA_RESOURCE = "schema/order.schema.json";
    /** What Quarkus writes for the 401 and 403 of a secured operation; ours say what happened. */
    private static final Set<String> QUARKUS_DESCRIPTIONS = Set.of("Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents();
        addOrderSchemas(components);
        if (components.getSchemas() == null || !components.getSchemas().containsKey(ApiSchemas.PROBLEM)) {
            // Generated from the Problem record where an annotation names it (ScreeningResource's 400).
            throw new IllegalStateException("The OpenAPI document has no " + ApiSchemas.PROBLEM + " schema to refer to");
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> completeResponses(path, operation));
            }
        });
    }

    private static void addOrderSchemas(Components components) {
        Map<String, Schema> orderSchemas = JsonSchemaComponents.of(ApiSchemas.ORDER, orderSchemaDocument());
        orderSchemas.put(ApiSchemas.ORDER_BATCH, OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().ref(ApiSchemas.ORDER)).minItems(1)
                .description("Several orders, screened independently; the response lists them in this order."));
        orderSchemas.forEach((name, schema) -> {
            if (components.getSchemas() != null && components.getSchemas().containsKey(name)) {
                throw new IllegalStateException("Schema name " + name + " is taken: rename the class or the order schema part");
            }
            components.addSchema(name, schema);
        });
    }

    private static JsonNode orderSchemaDocument() {
        try (InputStream in = ApiDocumentFilter.class.getClassLoader().getResourceAsStream(ORDER_SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(ORDER_SCHEMA_RESOURCE + " is not on the class path (see pom.xml, resources)");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds the problems every API operation can answer, and gives each error response that names no content the
     * problem body: the annotations then only say when, not how.
     */
    private static void completeResponses(String path, Operation operation) {
        APIResponses responses = operation.getResponses();
        Map<String, String> problems = new TreeMap<>(ProblemResponses.COMMON);
        if (path.contains("{")) {
            problems.putAll(ProblemResponses.WITH_PATH_PARAMETER);
        }
        if (operation.getRequestBody() != null) {
            problems.putAll(ProblemResponses.WITH_BODY);
        }
        problems.forEach((status, description) -> {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
        responses.getAPIResponses().forEach((status, response) -> {
            if (isError(status) && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                withProblemBody(status, response);
            }
        });
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static void withProblemBody(String status, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()
                || QUARKUS_DESCRIPTIONS.contains(response.getDescription())) {
            response.setDescription(ProblemResponses.describe(status));
        }
        response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ApiSchemas.PROBLEM))));
    }
}
