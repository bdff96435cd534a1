package org.clearance.rules.layers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where each file of a composed pack came from and what the overlay changed: {@code layers.json} in the composed
 * folder, part of the pack's hash and stored with it, so that every server and every replay sees the same provenance.
 *
 * @param layers lowest first; the last is the overlay
 * @param files  each composed rule, test and data file's layer (an index into {@code layers}); a data file the overlay
 *               added rows to is the base's
 */
public record Layers(List<Layer> layers, Map<String, Integer> files, List<AppliedOverride> overrides,
                     List<AppliedRemoval> removals, List<DataAddition> additions) {

    public static final String FILE = "layers.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public Layers {
        layers = List.copyOf(layers);
        files = new TreeMap<>(files);
        overrides = List.copyOf(overrides);
        removals = List.copyOf(removals);
        additions = List.copyOf(additions);
    }

    /**
     * One layer: a base pack (name, version and publisher from its signed manifest when it has one) or the overlay.
     * {@code requires}: the names of the layers it builds on, as its manifest says; null when it names none, and then
     * it is taken to build on every layer below it.
     */
    public record Layer(String name, String version, String publisher, boolean overlay,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> requires) {

        /** "eu-legal 2.1.0 (Example Authority)", or "overlay". */
        public String label() {
            return overlay ? "overlay" : name + (version == null ? "" : " " + version)
                    + (publisher == null ? "" : " (" + publisher + ")");
        }
    }

    /** What an override changes. */
    public enum Change { SEVERITY, CONDITION, DISABLED }

    /**
     * An override as applied. {@code detail}: the new severity or the added condition; {@code was}: the severity a
     * severity override replaced.
     */
    public record AppliedOverride(String rule, Change change, String detail, String was, String reason, String author) {

        /** What findings and the catalogue show: the change, its reason and its author. */
        public String note() {
            String what = switch (change) {
                case SEVERITY -> "severity " + was + " \u2192 " + detail;
                case CONDITION -> "condition added: " + detail;
                case DISABLED -> "disabled";
            };
            return "Overridden by the overlay (" + what + "): " + reason + " \u2014 " + author;
        }

        /** Disabled, or given a condition: the base's tests no longer say when the rule fires. */
        boolean mayNoLongerFire() {
            return change != Change.SEVERITY;
        }
    }

    public record AppliedRemoval(String file, List<String> keys, String reason, String author) {
    }

    public record DataAddition(String file, int rows) {
    }

    /** The layers of the pack in {@code packRoot}, if it was composed from a stack. */
    public static Optional<Layers> of(Path packRoot) {
        Path file = packRoot.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Layers.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE + " of the composed pack " + packRoot, e);
        }
    }

    byte[] json() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + FILE, e);
        }
    }

    /** The layer of a composed file, or null for a file of no layer. */
    public Layer layerOf(String file) {
        Integer index = files.get(file);
        return index == null ? null : layers.get(index);
    }

    public Optional<AppliedOverride> overrideOf(String ruleId) {
        return overrides.stream().filter(o -> o.rule().equals(ruleId)).findFirst();
    }

    /**
     * Rules a case's expectations leave aside: disabled rules and rules given a condition (they may no longer fire),
     * and rules of layers outside the case's own scope: layers above it (they were written after it), and, for a
     * layer that names what it builds on, every layer it does not build on (a regime's pack beside it).
     */
    public Set<String> rulesOutsideCase(String testsFile, Map<String, String> ruleFiles) {
        Integer caseLayer = files.get(testsFile);
        if (caseLayer == null || caseLayer == layers.size() - 1) {
            return Set.of(); // the overlay's own cases test the stack as it is
        }
        Set<Integer> scope = scope(caseLayer);
        Set<String> changed = rulesLeftToTheOverlay();
        ruleFiles.forEach((rule, file) -> {
            Integer ruleLayer = files.get(file);
            if (ruleLayer != null && !scope.contains(ruleLayer)) {
                changed.add(rule);
            }
        });
        return changed;
    }

    /** The layer itself and those it builds on, transitively. */
    private Set<Integer> scope(int layer) {
        Set<Integer> scope = new java.util.TreeSet<>();
        scope.add(layer);
        List<String> requires = layers.get(layer).requires();
        for (int below = 0; below < layer; below++) {
            if (requires == null || requires.contains(layers.get(below).name())) {
                scope.addAll(requires == null ? Set.of(below) : scope(below));
            }
        }
        return scope;
    }

    /** Whether {@code file} is the overlay's own (its cases test the stack as composed). */
    public boolean fromOverlay(String file) {
        Integer layer = files.get(file);
        return layer != null && layer == layers.size() - 1;
    }

    /** Rules whose decision a case cannot expect as the base wrote it: every overridden rule. */
    public Set<String> overriddenRules() {
        return overrides.stream().map(AppliedOverride::rule).collect(Collectors.toSet());
    }

    /** Disabled rules and rules given a condition: their base tests no longer prove them, so coverage leaves them out. */
    public Set<String> rulesLeftToTheOverlay() {
        return overrides.stream().filter(AppliedOverride::mayNoLongerFire)
                .map(AppliedOverride::rule).collect(Collectors.toSet());
    }
}
