package org.clearance.packs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What a publisher says about a pack before it is built: from {@code pack.json} in the pack's folder and from the
 * build command's options, which win field by field. Any field may be missing here; the manifest checks the result.
 */
public record PackDescription(String name, String version, String publisher, List<String> jurisdictions,
                              String minClearanceVersion, List<String> requires) {

    /** The template's file name in the pack's folder; it describes the bundle and is not bundled itself. */
    public static final String FILE = "pack.json";
    private static final Set<String> FIELDS = Set.of("name", "version", "publisher", "jurisdictions", "minClearanceVersion",
            "requires");

    public PackDescription {
        jurisdictions = jurisdictions == null || jurisdictions.isEmpty() ? null : List.copyOf(jurisdictions);
        requires = requires == null || requires.isEmpty() ? null : List.copyOf(requires);
    }

    /** A description of the five fields every pack has, building on no other pack. */
    public PackDescription(String name, String version, String publisher, List<String> jurisdictions,
                           String minClearanceVersion) {
        this(name, version, publisher, jurisdictions, minClearanceVersion, null);
    }

    /** The folder's {@code pack.json}, or an empty description when it has none. */
    public static PackDescription readTemplate(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new PackDescription(null, null, null, null, null, null);
        }
        JsonNode root;
        try (JsonParser parser = ManifestJson.MAPPER.getFactory().createParser(file.toFile())) {
            root = ManifestJson.MAPPER.readTree(parser);
        } catch (IOException e) {
            throw new PackBuildException(file + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new PackBuildException(file + " must be a JSON object");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new PackBuildException(file + " has an unknown field '" + name + "' (known: " + FIELDS + ")");
            }
        }
        return new PackDescription(text(root, "name", file), text(root, "version", file), text(root, "publisher", file),
                texts(root, "jurisdictions", file, "[\"EU\"]"), text(root, "minClearanceVersion", file),
                texts(root, "requires", file, "[\"clearance-common@0.1.0\"]"));
    }

    private static List<String> texts(JsonNode root, String field, Path file, String example) {
        if (!root.has(field)) {
            return null;
        }
        if (!root.get(field).isArray()) {
            throw new PackBuildException(file + ": '" + field + "' must be an array of strings, e.g. " + example);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : root.get(field)) {
            texts.add(item.asText());
        }
        return texts;
    }

    private static String text(JsonNode root, String field, Path file) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new PackBuildException(file + ": '" + field + "' must be a string");
        }
        return value.textValue();
    }

    /** This description with every field that {@code options} sets replaced by the option's value. */
    public PackDescription overriddenBy(PackDescription options) {
        return new PackDescription(
                options.name != null ? options.name : name,
                options.version != null ? options.version : version,
                options.publisher != null ? options.publisher : publisher,
                options.jurisdictions != null ? options.jurisdictions : jurisdictions,
                options.minClearanceVersion != null ? options.minClearanceVersion : minClearanceVersion,
                options.requires != null ? options.requires : requires);
    }
}
