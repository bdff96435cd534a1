package org.clearance.rules.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of one DRL file as line ranges, found by their {@code @id}, and the edits an override makes to one. Every
 * edit stays on an existing line, so that problems and the catalogue still point at the line the author wrote.
 */
final class RuleBlocks {

    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(\"[^\"]*\"|'[^']*'|\\S+)");
    private static final Pattern END = Pattern.compile("^\\s*end\\s*(//.*)?$");
    private static final Pattern WHEN = Pattern.compile("^\\s*(enabled false\\s+)?when\\b");
    private static final Pattern THEN = Pattern.compile("^(\\s*)then\\b");
    private static final Pattern ID = Pattern.compile("@id\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern SEVERITY = Pattern.compile("@severity\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern MANDATORY = Pattern.compile("@mandatory\\b");
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+[\\w.]+\\s*;?");

    private final List<String> lines;

    private RuleBlocks(List<String> lines) {
        this.lines = lines;
    }

    static RuleBlocks of(String drl) {
        return new RuleBlocks(new ArrayList<>(drl.lines().toList()));
    }

    /** One rule: its header line, the line of {@code when} and of {@code then} (0-based), and its metadata. */
    record Block(String id, int header, int when, int then, String severity, boolean mandatory) {
    }

    List<Block> blocks() {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!RULE_HEADER.matcher(lines.get(i)).find()) {
                continue;
            }
            int when = -1;
            int then = -1;
            StringBuilder metadata = new StringBuilder();
            int j = i;
            for (; j < lines.size() && !END.matcher(lines.get(j)).matches(); j++) {
                if (when < 0 && WHEN.matcher(lines.get(j)).find()) {
                    when = j;
                } else if (when < 0) {
                    metadata.append(lines.get(j)).append('\n');
                } else if (then < 0 && THEN.matcher(lines.get(j)).find()) {
                    then = j;
                }
            }
            Matcher id = ID.matcher(metadata);
            if (id.find()) {
                Matcher severity = SEVERITY.matcher(metadata);
                blocks.add(new Block(id.group(1), i, when, then, severity.find() ? severity.group(1) : null,
                        MANDATORY.matcher(metadata).find()));
            }
            i = j;
        }
        return blocks;
    }

    Optional<Block> find(String id) {
        return blocks().stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** Puts metadata right after the rule's name, before its own (DRL reads them wherever the line breaks). */
    void addMetadata(Block block, String metadata) {
        String header = lines.get(block.header());
        Matcher name = RULE_HEADER.matcher(header);
        if (!name.find()) {
            throw new IllegalStateException("no rule header on line " + (block.header() + 1));
        }
        lines.set(block.header(), header.substring(0, name.end()) + " " + metadata + header.substring(name.end()));
    }

    /** Puts an attribute just before {@code when}: after all the rule's metadata, whatever its last line holds. */
    void addAttribute(Block block, String attribute) {
        String when = lines.get(block.when());
        int indent = when.length() - when.stripLeading().length();
        lines.set(block.when(), when.substring(0, indent) + attribute + " " + when.substring(indent));
    }

    /** Replaces the rule's {@code @severity}, on whichever header line declares it. */
    void setSeverity(Block block, String severity) {
        for (int i = block.header(); i < block.when(); i++) {
            Matcher m = SEVERITY.matcher(lines.get(i));
            if (m.find()) {
                lines.set(i, m.replaceFirst("@severity(\"" + severity + "\")"));
                return;
            }
        }
        throw new IllegalStateException("no @severity in rule " + block.id());
    }

    /** Adds a pattern the rule must also match, after its own (so that it may use their bindings). */
    void addCondition(Block block, String pattern) {
        Matcher then = THEN.matcher(lines.get(block.then()));
        if (!then.find()) {
            throw new IllegalStateException("no then in rule " + block.id());
        }
        lines.set(block.then(), then.group(1) + pattern + " " + lines.get(block.then()).substring(then.group(1).length()));
    }

    /**
     * Imports every fact type after the package declaration, on its line: an added condition may name a fact the
     * rule's own file does not import.
     */
    void importFacts() {
        for (int i = 0; i < lines.size(); i++) {
            Matcher pkg = PACKAGE.matcher(lines.get(i));
            if (pkg.find()) {
                String line = lines.get(i);
                if (line.contains("import org.clearance.facts.*;")) {
                    return;
                }
                String end = pkg.group().endsWith(";") ? "" : ";";
                lines.set(i, line.substring(0, pkg.end()) + end + " import org.clearance.facts.*;" + line.substring(pkg.end()));
                return;
            }
        }
    }

    String text() {
        return String.join("\n", lines) + "\n";
    }
}
