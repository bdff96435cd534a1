package org.clearance.rules.layers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clearance.facts.Severity;
import org.clearance.packs.ManifestJson;
import org.clearance.packs.PackBundles;
import org.clearance.packs.PackFileDigest;
import org.clearance.packs.PackManifest;
import org.clearance.rules.RulePackInvalidException;
import org.clearance.rules.RulePackLoader;
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
    private static final String PULLED_MANIFEST = PackBundles.PULLED_MANIFEST;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String DATA = "data/";

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
        return write(composed);
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
        for (Path base : bases) {
            Optional<PackManifest> manifest = pulledManifest(base, overlay, problems);
            layers.add(manifest.map(m -> new Layers.Layer(m.name(), m.version().toString(), m.publisher(), false))
                    .orElse(new Layers.Layer(base.getFileName().toString(), null, null, false)));
            Map<String, byte[]> own = packFiles(base);
            manifest.ifPresent(m -> problems.addAll(differences(m, own, label(overlay, base))));
            add(own, layers.size() - 1, label(overlay, base), files, layerOf, problems, false, additions);
        }
        layers.add(new Layers.Layer("overlay", null, null, true));
        add(packFiles(overlay), layers.size() - 1, "the overlay", files, layerOf, problems, true, additions);
        List<Layers.AppliedOverride> applied = applyOverrides(overrides, files, layerOf, layers.size() - 1, problems);
        List<Layers.AppliedRemoval> removed = applyRemovals(overrides, files, layerOf, layers.size() - 1, problems);
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

    /** The manifest a pulled base was verified with, if it has one. */
    private static Optional<PackManifest> pulledManifest(Path base, Path overlay, List<RulePackProblem> problems) {
        Path manifest = base.resolve(PULLED_MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ManifestJson.read(Files.readAllBytes(manifest)));
        } catch (IOException | RuntimeException e) {
            problems.add(new RulePackProblem(STACK_FILE, 0, "base " + label(overlay, base) + ": its " + PULLED_MANIFEST
                    + " cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** A pulled base must still hold exactly the files its signed manifest lists. */
    private static List<RulePackProblem> differences(PackManifest manifest, Map<String, byte[]> files, String label) {
        List<RulePackProblem> problems = new ArrayList<>();
        Map<String, PackFileDigest> listed = new TreeMap<>();
        manifest.files().forEach(f -> listed.put(f.path().value(), f));
        for (Map.Entry<String, PackFileDigest> entry : listed.entrySet()) {
            byte[] bytes = files.get(entry.getKey());
            if (bytes == null && isPackFile(entry.getKey())) {
                problems.add(new RulePackProblem(entry.getKey(), 0, "is missing from base " + label
                        + ", which its signed manifest lists"));
            } else if (bytes != null && !sha256(bytes).equals(entry.getValue().sha256())) {
                problems.add(new RulePackProblem(entry.getKey(), 0, "in base " + label
                        + " differs from its signed manifest: it was changed after the pack was pulled"));
            }
        }
        files.keySet().stream().filter(path -> !listed.containsKey(path)).forEach(path -> problems.add(new RulePackProblem(
                path, 0, "in base " + label + " is not in its signed manifest: it was added after the pack was pulled")));
        return problems;
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

    private static boolean isPackFile(String relative) {
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

    private static List<Layers.AppliedOverride> applyOverrides(Overrides overrides, Map<String, byte[]> files,
                                                               Map<String, Integer> layerOf, int overlayLayer,
                                                               List<RulePackProblem> problems) {
        List<Layers.AppliedOverride> applied = new ArrayList<>();
        Map<String, RuleBlocks> edited = new LinkedHashMap<>();
        for (Overrides.RuleOverride override : overrides.rules()) {
            String where = Overrides.FILE;
            Optional<String> file = fileDeclaring(override.rule(), files, edited);
            if (file.isEmpty()) {
                problems.add(new RulePackProblem(where, 0, "override of " + override.rule()
                        + ": no rule of a .drl file in the stack has this @id (rules of decision tables cannot be overridden)"));
                continue;
            }
            if (layerOf.get(file.get()) == overlayLayer) {
                problems.add(new RulePackProblem(where, 0, "override of " + override.rule() + ": it is the overlay's own rule ("
                        + file.get() + "); change it there"));
                continue;
            }
            if (applied.stream().anyMatch(a -> a.rule().equals(override.rule()))) {
                problems.add(new RulePackProblem(where, 0, "override of " + override.rule() + ": one override per rule"));
                continue;
            }
            RuleBlocks blocks = edited.get(file.get());
            RuleBlocks.Block block = blocks.find(override.rule()).orElseThrow();
            if (block.when() < 0 || block.then() < 0) {
                problems.add(new RulePackProblem(file.get(), block.header() + 1, "override of " + override.rule()
                        + ": the rule needs 'when' and 'then' on lines of their own to be overridden"));
                continue;
            }
            Layers.AppliedOverride done = apply(override, block, blocks, file.get(), problems);
            if (done != null) {
                blocks.addMetadata(block, "@overriddenBy(\"" + escape(done.note()) + "\")");
                if (done.change() == Layers.Change.DISABLED) {
                    blocks.addAttribute(block, "enabled false");
                }
                applied.add(done);
            }
        }
        edited.forEach((file, blocks) -> files.put(file, blocks.text().getBytes(StandardCharsets.UTF_8)));
        return applied;
    }

    private static Layers.AppliedOverride apply(Overrides.RuleOverride override, RuleBlocks.Block block, RuleBlocks blocks,
                                                String file, List<RulePackProblem> problems) {
        String refusal = "override of " + override.rule() + " refused: the base marks it @mandatory, so it may not be ";
        if (override.disable()) {
            if (block.mandatory()) {
                problems.add(new RulePackProblem(Overrides.FILE, 0, refusal + "disabled"));
                return null;
            }
            return new Layers.AppliedOverride(override.rule(), Layers.Change.DISABLED, null, null, override.reason(), override.author());
        }
        if (override.severity() != null) {
            Severity was = severity(block);
            if (was == null) {
                problems.add(new RulePackProblem(file, block.header() + 1, "override of " + override.rule()
                        + ": the rule has no @severity (a classification rule) to change"));
                return null;
            }
            // Severity lists the strongest first: a higher ordinal is a lower severity.
            if (block.mandatory() && override.severity().ordinal() > was.ordinal()) {
                problems.add(new RulePackProblem(Overrides.FILE, 0, refusal + "lowered from " + was + " to " + override.severity()));
                return null;
            }
            blocks.setSeverity(block, override.severity().name());
            return new Layers.AppliedOverride(override.rule(), Layers.Change.SEVERITY, override.severity().name(),
                    was.name(), override.reason(), override.author());
        }
        blocks.addCondition(block, override.condition());
        blocks.importFacts();
        return new Layers.AppliedOverride(override.rule(), Layers.Change.CONDITION, override.condition(), null,
                override.reason(), override.author());
    }

    private static Severity severity(RuleBlocks.Block block) {
        try {
            return block.severity() == null ? null : Severity.valueOf(block.severity());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The .drl file that declares {@code ruleId}; its blocks go into {@code edited}, where overrides change them. */
    private static Optional<String> fileDeclaring(String ruleId, Map<String, byte[]> files, Map<String, RuleBlocks> edited) {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String path = file.getKey();
            if (!path.toLowerCase(Locale.ROOT).endsWith(".drl") || path.startsWith(DATA)) {
                continue;
            }
            RuleBlocks blocks = edited.containsKey(path) ? edited.get(path)
                    : RuleBlocks.of(new String(file.getValue(), StandardCharsets.UTF_8));
            if (blocks.find(ruleId).isPresent()) {
                edited.putIfAbsent(path, blocks);
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static List<Layers.AppliedRemoval> applyRemovals(Overrides overrides, Map<String, byte[]> files,
                                                             Map<String, Integer> layerOf, int overlayLayer,
                                                             List<RulePackProblem> problems) {
        List<Layers.AppliedRemoval> removed = new ArrayList<>();
        for (Overrides.DataRemoval removal : overrides.removals()) {
            byte[] data = files.get(removal.file());
            if (data == null || !removal.file().startsWith(DATA)) {
                problems.add(new RulePackProblem(Overrides.FILE, 0, "data removal: " + removal.file()
                        + " is not a data file of the stack (name it as data/….csv)"));
                continue;
            }
            if (layerOf.get(removal.file()) == overlayLayer) {
                problems.add(new RulePackProblem(Overrides.FILE, 0, "data removal: " + removal.file()
                        + " is the overlay's own file; edit it there"));
                continue;
            }
            byte[] kept = DataRows.remove(removal.file(), data, removal.keys(), problems);
            if (kept != null) {
                files.put(removal.file(), kept);
                removed.add(new Layers.AppliedRemoval(removal.file(), removal.keys(), removal.reason(), removal.author()));
            }
        }
        return removed;
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ").replace("\r", " ");
    }

    private static String label(Path overlay, Path base) {
        return overlay.relativize(base).toString().replace('\\', '/');
    }

    /**
     * Writes the composed files once per content: a folder named by their hash, moved into place in one step. A folder
     * of that name is used again only if it holds exactly these files (the temporary folder is shared with other
     * users of the machine); otherwise it is written again, or, when it cannot be removed, the files go to a new
     * folder of their own.
     */
    private static Path write(Map<String, byte[]> files) {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "clearance-stacks");
        Path target = root.resolve(RulePackLoader.hash(files).substring(0, 32));
        if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS) && holdsExactly(target, files)) {
                return target;
            }
            try {
                org.clearance.rules.FileTrees.delete(target); // changed since it was composed: compose it again
            } catch (IOException | UncheckedIOException e) {
                target = root.resolve(RulePackLoader.hash(files).substring(0, 32) + "-" + java.util.UUID.randomUUID());
            }
        }
        Path staging = null;
        try {
            Files.createDirectories(root);
            staging = Files.createTempDirectory(root, ".composing-");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path path = staging.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            try {
                Files.move(staging, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                staging = null;
            } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // Another process composed the same layers meanwhile: its folder holds the same files.
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the composed pack to " + root, e);
        } finally {
            org.clearance.rules.FileTrees.deleteQuietly(staging);
        }
    }

    private static boolean holdsExactly(Path folder, Map<String, byte[]> files) {
        try (Stream<Path> walk = Files.walk(folder)) {
            Map<String, Path> found = new TreeMap<>();
            for (Path path : walk.toList()) {
                if (Files.isSymbolicLink(path)) {
                    return false;
                }
                if (Files.isRegularFile(path)) {
                    found.put(folder.relativize(path).toString().replace('\\', '/'), path);
                }
            }
            if (!found.keySet().equals(files.keySet())) {
                return false;
            }
            for (Map.Entry<String, Path> file : found.entrySet()) {
                if (!java.util.Arrays.equals(Files.readAllBytes(file.getValue()), files.get(file.getKey()))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
