package org.clearance.order;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/** Test orders: a small valid order, and a way to change one value of an order by JSON pointer. */
final class OrderFixtures {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    /** Passed to {@link #with} to remove the field instead of setting it. */
    static final Object ABSENT = new Object();

    private OrderFixtures() {
    }

    /** The smallest order OrderParser accepts. */
    static ObjectNode minimal() {
        return (ObjectNode) json("""
                {
                  "id": "SO-1",
                  "seller": {"name": "Rheinwerk GmbH", "country": "DE"},
                  "buyer": {"name": "Anadolu Dagitim A.S.", "country": "TR"},
                  "lines": [{"description": "Microcontrollers", "hs_code": "854231"}]
                }""");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of {@code order} with the value at {@code pointer} replaced by {@code value}: a JsonNode,
     * a Java scalar (String, Number, Boolean) or {@link #ABSENT} to remove the field.
     */
    static ObjectNode with(JsonNode order, String pointer, Object value) {
        ObjectNode copy = (ObjectNode) order.deepCopy();
        JsonPointer at = JsonPointer.compile(pointer);
        JsonNode parent = copy.at(at.head());
        JsonNode node = value == ABSENT ? null : value instanceof JsonNode given ? given : JSON.valueToTree(value);
        if (parent instanceof ObjectNode object) {
            String field = at.last().getMatchingProperty();
            if (value == ABSENT) {
                object.remove(field);
            } else {
                object.set(field, node);
            }
        } else if (parent instanceof ArrayNode array) {
            int index = at.last().getMatchingIndex();
            if (value == ABSENT) {
                array.remove(index);
            } else {
                array.set(index, node);
            }
        } else {
            throw new IllegalArgumentException("no object or array at " + at.head() + " in " + order);
        }
        return copy;
    }

    /** Parses {@code order} as the single document of {@code order.json}, dated {@link #TODAY}. */
    static ParsedOrder parse(JsonNode order) {
        return OrderParser.parse(new OrderDocument("order.json", "", order), null, TODAY);
    }
}
