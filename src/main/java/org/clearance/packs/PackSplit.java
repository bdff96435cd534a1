package org.clearance.packs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.clearance.rules.layers.PackStack;

/**
 * One pack folder published as several bundles, as {@code bundles.yaml} in it describes: a name, jurisdictions and
 * folders per bundle, and the bundles it builds on, which must come before it (the file's order is the order of a
 * stack of them). A file belongs to the bundle that lists the longest folder holding it, and every rule, test and
 * data file of the folder must belong to one, so that the bundles stacked in that order compose back to the folder;
 * {@code bundles.yaml} itself and other files outside the listed folders are not bundled.
 */
public final class PackSplit {

    public static final String FILE = "bundles.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> FIELDS = Set.of("version", "publisher", "minClearanceVersion", "bundles");
    private static final Set<String> BUNDLE_FIELDS = Set.of("name", "jurisdictions", "requires", "folders");

    /** One bundle of the split: its description (requirements included) and its files by path in the bundle. */
    public record Part(PackDescription description, List<String> folders, Map<BundlePath, Path> files) {
    }

    private PackSplit() {
    }

    /** Whether {@code folder} describes several bundles. */
    public static boolean isSplit(Path folder) {
        return Files.isRegularFile(folder.resolve(FILE));
    }

    /** The bundles {@code bundles.yaml} describes, with their files; a {@link PackBuildException} names what is wrong. */
    public static List<Part> parts(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        JsonNode split = read(root.resolve(FILE));
        String version = text(split, "version", true);
        String publisher = text(split, "publisher", true);
        String minClearance = text(split, "minClearanceVersion", false);
        Map<BundlePath, Path> all;
        try {
            all = PackBuilder.packFiles(root);
        } catch (IOException e) {
            throw new PackBuildException("cannot read " + folder + ": " + e);
        }
        List<String> names = new ArrayList<>();
        List<PackDescription> descriptions = new ArrayList<>();
        List<List<String>> foldersOf = new ArrayList<>();
        Map<String, String> bundleOfFolder = new TreeMap<>();
        if (!split.path("bundles").isArray() || split.path("bundles").isEmpty()) {
            throw new PackBuildException(FILE + " must list the bundles under 'bundles:', each with a name, "
                    + "jurisdictions and folders");
        }
        for (JsonNode bundle : split.path("bundles")) {
            fieldsOf(bundle, BUNDLE_FIELDS, "each entry of 'bundles'");
            String name = text(bundle, "name", true);
            if (names.contains(name)) {
                throw new PackBuildException(FILE + ": bundle " + name + " is listed twice");
            }
            List<String> requires = new ArrayList<>();
            for (String required : texts(bundle, "requires", false)) {
                if (!names.contains(required)) {
                    throw new PackBuildException(FILE + ": bundle " + name + " requires " + required
                            + ", which is not a bundle listed before it");
                }
                requires.add(required + "@" + version);
            }
            List<String> folders = new ArrayList<>();
            for (String listed : texts(bundle, "folders", true)) {
                String prefix = listed.endsWith("/") ? listed : listed + "/";
                if (!Files.isDirectory(root.resolve(listed))) {
                    throw new PackBuildException(FILE + ": bundle " + name + ": " + listed + " is not a folder of " + folder);
                }
                String earlier = bundleOfFolder.putIfAbsent(prefix, name);
                if (earlier != null) {
                    throw new PackBuildException(FILE + ": folder " + listed + " is in bundle " + earlier + " and in bundle "
                            + name + "; a folder belongs to one bundle");
                }
                folders.add(prefix);
            }
            names.add(name);
            foldersOf.add(List.copyOf(folders));
            descriptions.add(new PackDescription(name, version, publisher, texts(bundle, "jurisdictions", true),
                    minClearance, requires));
        }
        // A file goes to the bundle of the longest folder holding it, so that a bundle can take a subfolder of another's.
        List<Map<BundlePath, Path>> filesOf = new ArrayList<>();
        names.forEach(n -> filesOf.add(new TreeMap<>()));
        Map<String, String> owner = new TreeMap<>();
        all.forEach((path, file) -> bundleOfFolder.entrySet().stream()
                .filter(f -> path.value().startsWith(f.getKey()))
                .max(java.util.Comparator.comparingInt(f -> f.getKey().length()))
                .ifPresent(f -> {
                    owner.put(path.value(), f.getValue());
                    filesOf.get(names.indexOf(f.getValue())).put(path, file);
                }));
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(new Part(descriptions.get(i), foldersOf.get(i), filesOf.get(i)));
        }
        List<String> left = all.keySet().stream().map(BundlePath::value)
                .filter(path -> PackStack.isPackFile(path) && !owner.containsKey(path)).toList();
        if (!left.isEmpty()) {
            throw new PackBuildException(FILE + ": " + left.size() + " rule, test or data file(s) are in no bundle, e.g. "
                    + left.get(0) + "; add their folder to a bundle");
        }
        return parts;
    }

    /** The parts {@code part} builds on, transitively, lowest first, then {@code part} itself: a stack that loads. */
    public static List<Part> closure(List<Part> parts, Part part) {
        Map<String, Part> byName = new LinkedHashMap<>();
        parts.forEach(p -> byName.put(p.description().name(), p));
        Set<String> needed = new LinkedHashSet<>();
        collect(part, byName, needed);
        return parts.stream().filter(p -> needed.contains(p.description().name())).toList();
    }

    private static void collect(Part part, Map<String, Part> byName, Set<String> needed) {
        if (needed.add(part.description().name()) && part.description().requires() != null) {
            part.description().requires().forEach(r -> collect(byName.get(PackRequirement.parse(r).name()), byName, needed));
        }
    }

    /**
     * Copies the files of {@code stack} into the new folder {@code into}, so that a publisher can load what a subscriber
     * stacking those bundles would load.
     */
    public static void materialize(List<Part> stack, Path into) {
        try {
            for (Part part : stack) {
                for (Map.Entry<BundlePath, Path> file : part.files().entrySet()) {
                    Path target = into.resolve(file.getKey().value());
                    Files.createDirectories(target.getParent());
                    Files.copy(file.getValue(), target);
                }
            }
        } catch (IOException e) {
            throw new PackBuildException("cannot copy the bundles' files into " + into + ": " + e);
        }
    }

    /** Builds and signs every part into {@code outputDir} as NAME-VERSION.tar.gz; returns their manifests in order. */
    public static List<PackManifest> build(Path folder, SigningKey key, Path outputDir) {
        Path root = folder.toAbsolutePath().normalize();
        if (outputDir.toAbsolutePath().normalize().startsWith(root)) {
            throw new PackBuildException("write the bundles outside the pack folder " + folder
                    + ", or the next build would bundle them");
        }
        List<PackManifest> manifests = new ArrayList<>();
        for (Part part : parts(root)) {
            PackDescription d = part.description();
            manifests.add(PackBuilder.write(part.files(), d, key, outputDir.resolve(d.name() + "-" + d.version() + ".tar.gz")));
        }
        return manifests;
    }

    private static JsonNode read(Path file) {
        JsonNode split;
        try {
            split = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new PackBuildException(FILE + " is not valid YAML: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (split == null || !split.isObject()) {
            throw new PackBuildException(FILE + " must be a mapping with version, publisher and bundles");
        }
        fieldsOf(split, FIELDS, "the file");
        return split;
    }

    private static void fieldsOf(JsonNode node, Set<String> known, String where) {
        if (!node.isObject()) {
            throw new PackBuildException(FILE + ": " + where + " must be a mapping");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new PackBuildException(FILE + ": " + where + " has an unknown field '" + name + "' (known: " + known + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new PackBuildException(FILE + ": '" + field + "' is required");
            }
            return null;
        }
        if (!value.isValueNode()) {
            throw new PackBuildException(FILE + ": '" + field + "' must be text");
        }
        return value.asText();
    }

    private static List<String> texts(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new PackBuildException(FILE + ": '" + field + "' is required (a list)");
            }
            return List.of();
        }
        if (!value.isArray() || value.isEmpty()) {
            throw new PackBuildException(FILE + ": '" + field + "' must be a list, e.g. [" + field + "-1, " + field + "-2]");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isValueNode()) {
                throw new PackBuildException(FILE + ": '" + field + "' must hold text");
            }
            texts.add(item.asText());
        }
        return texts;
    }
}
