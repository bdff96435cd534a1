package org.clearance.web.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * A JSON Schema document (draft 2020-12) as OpenAPI 3.1 component schemas: the root under one name and each
 * {@code $defs} entry beside it ({@code party} of root {@code Order} becomes {@code OrderParty}), with every
 * {@code #/$defs/…} reference pointing at its component. OpenAPI 3.1 schemas are JSON Schema 2020-12, so the
 * keywords pass through unchanged; only references move, because code generators resolve them from the document root.
 */
final class JsonSchemaComponents {

    private static final String DEFS_PREFIX = "#/$defs/";
    private static final String COMPONENTS_PREFIX = "#/components/schemas/";
    /** Keywords of a standalone schema document that have no meaning once it is a component. */
    private static final Set<String> DOCUMENT_KEYWORDS = Set.of("$schema", "$id", "$defs");
    private static final Set<String> SCHEMA_KEYWORDS = Set.of("items", "not", "if", "then", "else", "contains",
            "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema");
    private static final Set<String> SCHEMA_MAP_KEYWORDS = Set.of("properties", "patternProperties", "dependentSchemas");
    private static final Set<String> SCHEMA_LIST_KEYWORDS = Set.of("allOf", "anyOf", "oneOf", "prefixItems");
    private static final Set<String> INTEGER_KEYWORDS = Set.of("minLength", "maxLength", "minItems", "maxItems",
            "minProperties", "maxProperties", "minContains", "maxContains");

    private final String root;

    private JsonSchemaComponents(String root) {
        this.root = root;
    }

    /** The components of {@code document}, the root first, in the document's order. */
    static Map<String, Schema> of(String rootName, JsonNode document) {
        JsonSchemaComponents converter = new JsonSchemaComponents(rootName);
        Map<String, Schema> components = new LinkedHashMap<>();
        components.put(rootName, converter.schema(document));
        document.path("$defs").fields().forEachRemaining(def ->
                components.put(converter.componentName(def.getKey()), converter.schema(def.getValue())));
        return components;
    }

    private String componentName(String def) {
        return root + def.substring(0, 1).toUpperCase(Locale.ROOT) + def.substring(1);
    }

    private Schema schema(JsonNode node) {
        if (node.isBoolean()) {
            return OASFactory.createSchema().booleanSchema(node.booleanValue());
        }
        Schema schema = OASFactory.createSchema();
        node.fields().forEachRemaining(field -> {
            String keyword = field.getKey();
            JsonNode value = field.getValue();
            if (DOCUMENT_KEYWORDS.contains(keyword)) {
                return;
            }
            switch (keyword) {
                case "$ref" -> schema.setRef(reference(value.asText()));
                case "type" -> schema.setType(types(value));
                case "additionalProperties" -> {
                    if (value.isBoolean()) {
                        schema.setAdditionalPropertiesBoolean(value.booleanValue());
                    } else {
                        schema.setAdditionalPropertiesSchema(schema(value));
                    }
                }
                default -> schema.set(keyword, value(keyword, value));
            }
        });
        return schema;
    }

    private Object value(String keyword, JsonNode value) {
        if (SCHEMA_KEYWORDS.contains(keyword)) {
            return schema(value);
        }
        if (SCHEMA_MAP_KEYWORDS.contains(keyword)) {
            Map<String, Schema> schemas = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> schemas.put(e.getKey(), schema(e.getValue())));
            return schemas;
        }
        if (SCHEMA_LIST_KEYWORDS.contains(keyword)) {
            List<Schema> schemas = new ArrayList<>();
            value.forEach(item -> schemas.add(schema(item)));
            return schemas;
        }
        if (INTEGER_KEYWORDS.contains(keyword)) {
            return value.intValue();
        }
        return plain(value);
    }

    /** A keyword's data (enum, required, const, a bound or a text) as the model's plain Java values. */
    private static Object plain(JsonNode value) {
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(plain(item)));
            return items;
        }
        if (value.isObject()) {
            Map<String, Object> members = new LinkedHashMap<>();
            value.fields().forEachRemaining(e -> members.put(e.getKey(), plain(e.getValue())));
            return members;
        }
        return value.asText();
    }

    private String reference(String ref) {
        if (!ref.startsWith(DEFS_PREFIX)) {
            throw new IllegalArgumentException("Only references to $defs can become components: " + ref);
        }
        return COMPONENTS_PREFIX + componentName(ref.substring(DEFS_PREFIX.length()));
    }

    private static List<Schema.SchemaType> types(JsonNode value) {
        List<Schema.SchemaType> types = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(type -> types.add(Schema.SchemaType.valueOf(type.asText().toUpperCase(Locale.ROOT))));
        } else {
            types.add(Schema.SchemaType.valueOf(value.asText().toUpperCase(Locale.ROOT)));
        }
        return types;
    }
}
