package org.clearance.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one JSON form that is hashed: object keys sorted by their UTF-16 code units (as RFC 8785 sorts them), no
 * whitespace outside strings, strings escaped as Jackson writes them (UTF-8, control characters as {@code \}u escapes),
 * numbers as parsed, big decimals kept exact (never through {@code double}). The same value always gives the same
 * bytes, whatever order its keys arrived in.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private CanonicalJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses JSON text (e.g. a stored order) into a tree; decimals stay exact. */
    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON does not parse", e);
        }
    }

    public static String write(JsonNode node) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The lower-case hex SHA-256 of the canonical form's UTF-8 bytes. */
    public static String sha256(JsonNode node) {
        return sha256(write(node));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    private static void write(JsonNode node, JsonGenerator out) throws IOException {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null); // String order is UTF-16 code unit order
            out.writeStartObject();
            for (String name : names) {
                out.writeFieldName(name);
                write(node.get(name), out);
            }
            out.writeEndObject();
        } else if (node.isArray()) {
            out.writeStartArray();
            for (JsonNode element : node) {
                write(element, out);
            }
            out.writeEndArray();
        } else {
            MAPPER.writeTree(out, node);
        }
    }
}
