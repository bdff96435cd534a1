package org.clearance.rules.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clearance.packs.PackManifest;
import org.clearance.packs.PackRequirement;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackProblem;

/**
 * A pack made of layers: a folder with a {@code stack.yaml} names its base packs (pulled bundles, lowest first) and is
 * itself the overlay on top, with the company's own rules, tests and data rows, and an {@code overrides.yaml} that
 * changes base rules on purpose. {@link #resolve} composes the layers into one ordinary pack folder, which is what
 * is loaded, tested, activated, stored and replayed; it says where every file came from in {@link Layers#FILE}.
 *
 * <p>Composition refuses, naming the file: two layers with the same rule or test file, an overlay rule file that
 * replaces a base one (change a base rule with an override), a base whose files differ from the signed manifest it
 * was pulled with, an override of an unknown or table rule, and lowering the severity of or disabling a rule its base
 * marks {@code @mandatory}.
 */
public final class PackStack {

    public static final String STACK_FILE = "stack.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String DATA = "data/";

    private PackStack() {
    }

    /** Whether {@code folder} is an overlay on base packs rather than a pack of its own. */
    public static boolean isStack(Path folder) {
        return Files.isRegularFile(folder.resolve(STACK_FILE));
    }

    /**
     * {@code folder} itself when it is a plain pack; otherwise the folder its layers compose to, under the system's
     * temporary folder and named by the hash of what it holds, so that composing the same layers again finds it.
     *
     * @throws RulePackInvalidException naming every problem of the stack
     */
    public static Path resolve(Path folder) {
        if (!isStack(folder)) {
            return folder;
        }
        Map<String, byte[]> composed = compose(folder.toAbsolutePath().normalize());
        return ComposedFolders.write(composed);
    }

    /** The composed files by relative path, {@link Layers#FILE} included. */
    static Map<String, byte[]> compose(Path overlay) {
        List<RulePackProblem> problems = new ArrayList<>();
        List<Path> bases = bases(overlay, problems);
        Overrides overrides = Overrides.read(overlay, problems);
        List<Layers.Layer> layers = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, Integer> layerOf = new TreeMap<>();
        List<Layers.DataAddition> additions = new ArrayList<>();
        List<PackManifest> below = new ArrayList<>();
        for (Path base : bases) {
            Optional<PackManifest> manifest = PulledBases.manifest(base, label(overlay, base), problems);
            layers.add(manifest.map(m -> new Layers.Layer(m.name(), m.version().toString(), m.publisher(), false,
                            m.requires().isEmpty() ? null : m.requires().stream().map(PackRequirement::name).toList()))
                    .orElse(new Layers.Layer(base.getFileName().toString(), null, null, false, null)));
            manifest.ifPresent(m -> {
                problems.addAll(PulledBases.unmetRequirements(m, below, label(overlay, base)));
                below.add(m);
            });
            Map<String, byte[]> own = packFiles(base);
            manifest.ifPresent(m -> problems.addAll(PulledBases.differences(m, own, label(overlay, base))));
            add(own, layers.size() - 1, label(overlay, base), files, layerOf, problems, false, additions);
        }
        layers.add(new Layers.Layer("overlay", null, null, true, null));
        add(packFiles(overlay), layers.size() - 1, "the overlay", files, layerOf, problems, true, additions);
        List<Layers.AppliedOverride> applied = OverrideApplication.rules(overrides, files, layerOf, layers.size() - 1, problems);
        List<Layers.AppliedRemoval> removed = OverrideApplication.dataRows(overrides, files, layerOf, layers.size() - 1, problems);
        if (!problems.isEmpty()) {
            throw new RulePackInvalidException(problems);
        }
        files.put(Layers.FILE, new Layers(layers, layerOf, applied, removed, additions).json());
        return files;
    }

    private static List<Path> bases(Path overlay, List<RulePackProblem> problems) {
        JsonNode stack;
        try {
            stack = YAML.readTree(Files.readString(overlay.resolve(STACK_FILE)));
        } catch (IOException e) {
            problems.add(new RulePackProblem(STACK_FILE, 0, "is not valid YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
            return List.of();
        }
        if (stack == null || !stack.isObject() || !stack.path("bases").isArray() || stack.path("bases").isEmpty()) {
            problems.add(new RulePackProblem(STACK_FILE, 0, "must list the base packs under 'bases:', lowest first"));
            return List.of();
        }
        stack.fieldNames().forEachRemaining(name -> {
            if (!name.equals("bases")) {
                problems.add(new RulePackProblem(STACK_FILE, 0, "unknown field '" + name + "'; expected 'bases'"));
            }
        });
        List<Path> bases = new ArrayList<>();
        for (JsonNode entry : stack.path("bases")) {
            Path base = entry.isTextual() && !entry.asText().isBlank() ? folder(overlay, entry.asText()) : null;
            if (base == null) {
                problems.add(new RulePackProblem(STACK_FILE, 0, "each base is a folder path (relative to this folder)"));
            } else if (!Files.isDirectory(base)) {
                problems.add(new RulePackProblem(STACK_FILE, 0, "base " + entry.asText() + " is not a folder"));
            } else if (base.equals(overlay) || isStack(base)) {
                problems.add(new RulePackProblem(STACK_FILE, 0, "base " + entry.asText()
                        + " is a stack itself; a base is a pack folder (a pulled bundle)"));
            } else {
                bases.add(base);
            }
        }
        return bases;
    }

    private static Path folder(Path overlay, String path) {
        try {
            return overlay.resolve(path).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    /** Rule files, tests, data and test bases of a layer; other files (notes, manifests, the stack's own) stay out. */
    private static Map<String, byte[]> packFiles(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (isPackFile(relative)) {
                    files.put(relative, Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
        return files;
    }

    /** Whether a file at {@code relative} is part of a pack: a rule, decision table, test, data file or test base. */
    public static boolean isPackFile(String relative) {
        String lower = relative.toLowerCase(Locale.ROOT);
        if (Stream.of(relative.split("/")).anyMatch(s -> s.startsWith("."))) {
            return false;
        }
        return lower.startsWith("bases/") || lower.endsWith(".tests.yaml")
                || (lower.startsWith(DATA) && lower.endsWith(".csv"))
                || (!lower.startsWith(DATA) && (lower.endsWith(".drl") || lower.endsWith(".table.csv") || lower.endsWith(".table.xlsx")));
    }

    private static void add(Map<String, byte[]> own, int layer, String label, Map<String, byte[]> files,
                            Map<String, Integer> layerOf, List<RulePackProblem> problems, boolean overlay,
                            List<Layers.DataAddition> additions) {
        for (Map.Entry<String, byte[]> file : own.entrySet()) {
            String path = file.getKey();
            byte[] earlier = files.get(path);
            if (earlier == null) {
                files.put(path, file.getValue());
                layerOf.put(path, layer);
            } else if (overlay && path.startsWith(DATA)) {
                DataRows.Merged merged = DataRows.append(path, earlier, file.getValue(), problems);
                if (merged != null) {
                    files.put(path, merged.bytes());
                    additions.add(new Layers.DataAddition(path, merged.added()));
                }
            } else if (path.startsWith("bases/") && java.util.Arrays.equals(earlier, file.getValue())) {
                continue; // the same test order or fixture list in two layers
            } else {
                problems.add(new RulePackProblem(path, 0, label + " and a layer below it both have this file; "
                        + (overlay && !path.startsWith("bases/") ? "change a base rule with an entry in overrides.yaml"
                        : "a file belongs to one layer") + (path.startsWith(DATA) ? " (only the overlay may add rows to a base data file)" : "")));
            }
        }
    }

    private static String label(Path overlay, Path base) {
        return overlay.relativize(base).toString().replace('\\', '/');
    }
}
