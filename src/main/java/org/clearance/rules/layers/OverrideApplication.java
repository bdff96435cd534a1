package org.clearance.rules.layers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clearance.facts.Severity;
import org.clearance.rules.RulePackProblem;

/**
 * Applies an overlay's {@code overrides.yaml} to the composed files: each rule change is made on the rule's own lines
 * of its DRL (so that problems and the catalogue still point at the lines its author wrote) and marked with
 * {@code @overriddenBy}, which every finding of the rule carries; data rows are removed by key.
 */
final class OverrideApplication {

    private static final String DATA = PackStack.DATA;

    private OverrideApplication() {
    }

    static List<Layers.AppliedOverride> rules(Overrides overrides, Map<String, byte[]> files,
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

    static List<Layers.AppliedRemoval> dataRows(Overrides overrides, Map<String, byte[]> files,
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
}
