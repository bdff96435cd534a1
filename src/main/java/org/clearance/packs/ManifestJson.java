package org.clearance.packs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a {@link PackManifest} as canonical JSON (fixed key order, files sorted by path, two-space indent, LF line
 * ends, UTF-8, a final newline: the same pack always gives the same bytes) and reads one strictly: unknown or
 * repeated keys and wrong types are refused, so that no field a verifier skips can change what a pack means.
 */
public final class ManifestJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    private static final Set<String> FIELDS = Set.of("format", "name", "version", "publisher", "jurisdictions",
            "minClearanceVersion", "data", "files", "requires");

    private ManifestJson() {
    }

    /** The manifest's canonical bytes: what is stored as manifest.json and signed. */
    public static byte[] write(PackManifest manifest) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", manifest.format());
        root.put("name", manifest.name());
        root.put("version", manifest.version().toString());
        root.put("publisher", manifest.publisher());
        ArrayNode jurisdictions = root.putArray("jurisdictions");
        manifest.jurisdictions().forEach(jurisdictions::add);
        root.put("minClearanceVersion", manifest.minClearanceVersion().toString());
        if (!manifest.data().isEmpty()) {
            ArrayNode data = root.putArray("data");
            for (DataSource source : manifest.data()) {
                data.addObject().put("file", source.file().value()).put("source", source.source()).put("version", source.version());
            }
        }
        if (!manifest.requires().isEmpty()) {
            ArrayNode requires = root.putArray("requires");
            for (PackRequirement requirement : manifest.requires()) {
                requires.addObject().put("name", requirement.name()).put("version", requirement.minimum().toString());
            }
        }
        ArrayNode files = root.putArray("files");
        for (PackFileDigest file : manifest.files()) {
            files.addObject().put("path", file.path().value()).put("size", file.size()).put("sha256", file.sha256());
        }
        return canonical(root);
    }

    /** {@code json} with two-space indent, LF line ends and a final newline, UTF-8. */
    static byte[] canonical(JsonNode json) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
                generator.setPrettyPrinter(PRETTY);
                MAPPER.writeTree(generator, json);
            }
            out.write('\n');
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads manifest.json; an {@link IllegalArgumentException} says what is wrong with it. */
    public static PackManifest read(byte[] json) {
        JsonNode root;
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            root = MAPPER.readTree(parser);
        } catch (IOException e) {
            throw new IllegalArgumentException("is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("is not a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("has an unknown field '" + BundlePath.printable(name) + "'");
            }
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isIntegralNumber() || !format.canConvertToInt()) {
            throw new IllegalArgumentException("field 'format' must be a whole number");
        }
        try {
            return new PackManifest(format.intValue(), string(root, "name"), SemanticVersion.parse(string(root, "version")),
                    string(root, "publisher"), strings(root, "jurisdictions"),
                    SemanticVersion.parse(string(root, "minClearanceVersion")),
                    root.has("data") ? list(root, "data", ManifestJson::dataSource) : List.of(),
                    list(root, "files", ManifestJson::file),
                    root.has("requires") ? list(root, "requires", ManifestJson::requirement) : List.of());
        } catch (IllegalArgumentException e) {
            throw e.getMessage().startsWith("field ") ? e : new IllegalArgumentException("is invalid: " + e.getMessage());
        }
    }

    private static DataSource dataSource(JsonNode node) {
        only(node, "data", Set.of("file", "source", "version"));
        return new DataSource(new BundlePath(string(node, "file")), string(node, "source"), string(node, "version"));
    }

    private static PackRequirement requirement(JsonNode node) {
        only(node, "requires", Set.of("name", "version"));
        return new PackRequirement(string(node, "name"), SemanticVersion.parse(string(node, "version")));
    }

    private static PackFileDigest file(JsonNode node) {
        only(node, "files", Set.of("path", "size", "sha256"));
        JsonNode size = node.get("size");
        if (size == null || !size.isIntegralNumber() || !size.canConvertToLong()) {
            throw new IllegalArgumentException("field 'files[].size' must be a whole number");
        }
        return new PackFileDigest(new BundlePath(string(node, "path")), size.longValue(), string(node, "sha256"));
    }

    private static void only(JsonNode node, String where, Set<String> allowed) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("field '" + where + "' must hold objects");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("field '" + where + "' has an unknown key '" + BundlePath.printable(name) + "'");
            }
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' must be a string");
        }
        return value.textValue();
    }

    private static List<String> strings(JsonNode node, String field) {
        return list(node, field, item -> {
            if (!item.isTextual()) {
                throw new IllegalArgumentException("field '" + field + "' must hold strings");
            }
            return item.textValue();
        });
    }

    private static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> item) {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw new IllegalArgumentException("field '" + field + "' must be an array");
        }
        List<T> items = new ArrayList<>();
        value.forEach(element -> items.add(item.apply(element)));
        return items;
    }
}
