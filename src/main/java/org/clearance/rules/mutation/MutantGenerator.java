package org.clearance.rules.mutation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clearance.rules.DecisionTables;
import org.clearance.rules.RuleInfo;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Parses one rule file (a DRL file, or the DRL generated from a decision table) with Drools' {@code DrlParser} and
 * generates the mutants of each of its rules. Each mutated constraint is found in the source by its descr's
 * character position, so a mutant names the line an author edits (the table row for a decision table), and the
 * mutated rule is compiled alone with the file's package and imports.
 */
final class MutantGenerator {

    private static final Pattern ROW_MARKER = Pattern.compile("^// rule values at [A-Z]+(\\d+)");
    private static final Pattern EFFECTIVE = Pattern.compile("@effective\\s*\\(");
    /** {@code orderId == $o.id}: a pattern's join on the order of another matched fact. */
    private static final Pattern ORDER_JOIN = Pattern.compile("orderId\\s*==\\s*\\$[\\w$]+\\.(id|orderId)(\\(\\))?");
    /** {@code Order( id == $m.orderId )}: the order of another matched fact. */
    private static final Pattern ORDER_BY_ID = Pattern.compile("id\\s*==\\s*\\$[\\w$]+\\.orderId(\\(\\))?");

    private MutantGenerator() {
    }

    /** A rule, its own DRL (its file's package and imports, then the rule, as compiled alone) and its mutants. */
    record RuleMutants(RuleInfo rule, String originalDrl, List<Mutant> mutants) {
    }

    /** The mutants of every rule of {@code file} (relative to {@code root}) that {@code rules} knows. */
    static List<RuleMutants> generate(Path root, String file, Map<String, RuleInfo> rules, List<String> problems) {
        String source;
        NavigableMap<Integer, Integer> rows = null;
        try {
            if (DecisionTables.isTable(file)) {
                boolean csv = file.toLowerCase(Locale.ROOT).endsWith(".csv");
                try (InputStream in = Files.newInputStream(root.resolve(file))) {
                    source = new SpreadsheetCompiler().compile(in, csv ? InputType.CSV : InputType.XLS);
                }
                rows = rowMarkers(source);
            } else {
                source = Files.readString(root.resolve(file), StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(file + ": cannot read: " + e.getMessage());
            return List.of();
        }
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source);
        } catch (DroolsParserException e) {
            problems.add(file + ": cannot parse: " + e.getMessage());
            return List.of();
        }
        if (pkg == null || parser.hasErrors()) {
            problems.add(file + ": cannot parse: " + parser.getErrors());
            return List.of();
        }
        List<RuleDescr> ruleDescrs = pkg.getRules();
        if (ruleDescrs.isEmpty()) {
            return List.of();
        }
        String header = source.substring(0, ruleDescrs.get(0).getStartCharacter());
        List<RuleMutants> mutants = new ArrayList<>();
        for (int i = 0; i < ruleDescrs.size(); i++) {
            RuleDescr descr = ruleDescrs.get(i);
            RuleInfo rule = rules.get(pkg.getName() + "." + descr.getName());
            if (rule == null) {
                continue;
            }
            int start = descr.getStartCharacter();
            int end = i + 1 < ruleDescrs.size() ? ruleDescrs.get(i + 1).getStartCharacter() : source.length();
            RuleSource ruleSource = new RuleSource(rule, file, source, header, start, end, rows);
            ruleSource.walk(descr.getLhs(), true);
            ruleSource.effective();
            mutants.add(new RuleMutants(rule, header + source.substring(start, end), List.copyOf(ruleSource.mutants)));
        }
        return mutants;
    }

    private static NavigableMap<Integer, Integer> rowMarkers(String drl) {
        NavigableMap<Integer, Integer> rows = new TreeMap<>();
        String[] lines = drl.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ROW_MARKER.matcher(lines[i].strip());
            if (m.find()) {
                rows.put(i + 1, Integer.parseInt(m.group(1)));
            }
        }
        return rows;
    }

    /** One rule's text within its file, and the mutants found so far. */
    private static final class RuleSource {
        private final RuleInfo rule;
        private final String file;
        private final String source;
        private final String header;
        private final int start;
        private final int end;
        private final NavigableMap<Integer, Integer> rows;
        private final List<Mutant> mutants = new ArrayList<>();

        RuleSource(RuleInfo rule, String file, String source, String header, int start, int end,
                   NavigableMap<Integer, Integer> rows) {
            this.rule = rule;
            this.file = file;
            this.source = source;
            this.header = header;
            this.start = start;
            this.end = end;
            this.rows = rows;
        }

        /**
         * Walks the conditions; {@code matched} while the facts a pattern matches are those the rule fires on (not
         * inside {@code not}, {@code exists}, an accumulate or a collect), which the screening's agenda filter checks.
         */
        void walk(BaseDescr descr, boolean matched) {
            if (descr instanceof PatternDescr pattern) {
                boolean dataRow = "DataRow".equals(pattern.getObjectType())
                        || "org.clearance.facts.DataRow".equals(pattern.getObjectType());
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr expr) {
                        constraint(expr, dataRow, matched && pattern.getSource() == null, orderPattern(pattern));
                    }
                }
                if (pattern.getSource() != null) {
                    walk(pattern.getSource(), false);
                }
                return;
            }
            if (descr instanceof NotDescr || descr instanceof ExistsDescr) {
                quantifier(descr, descr instanceof NotDescr ? "not" : "exists", descr instanceof NotDescr ? "exists" : "not");
            }
            boolean inside = matched && !(descr instanceof NotDescr || descr instanceof ExistsDescr);
            if (descr instanceof AccumulateDescr accumulate) {
                walk(accumulate.getInput(), false);
            } else if (descr instanceof CollectDescr collect) {
                walk(collect.getInputPattern(), false);
            } else if (descr instanceof ConditionalElementDescr element) {
                for (Object child : element.getDescrs()) {
                    walk((BaseDescr) child, inside);
                }
            }
        }

        private static boolean orderPattern(PatternDescr pattern) {
            return "Order".equals(pattern.getObjectType()) || "org.clearance.facts.Order".equals(pattern.getObjectType());
        }

        private void constraint(ExprConstraintDescr descr, boolean dataRow, boolean matched, boolean order) {
            String expression = descr.getExpression();
            int at = descr.getStartCharacter();
            if (at < start || !source.startsWith(expression, at)) {
                at = source.indexOf(expression, Math.max(start, at - 200));
            }
            if (at < start || at >= end) {
                return; // not found in the rule's text: cannot say where it is, so it is not mutated
            }
            for (ConstraintMutations.Edit edit : ConstraintMutations.of(expression, dataRow)) {
                // Equivalent by construction: the agenda filter never fires a rule on facts of two orders, so an order
                // join on a matched fact only saves work (docs/rules.md, "Mutation testing").
                if (matched && edit.operator() == MutationOperator.REMOVE_CONDITION
                        && (ORDER_JOIN.matcher(expression.strip()).matches()
                            || order && ORDER_BY_ID.matcher(expression.strip()).matches())) {
                    continue;
                }
                add(at, expression.length(), edit.replacement(), edit.operator(), edit.description());
            }
        }

        private void quantifier(BaseDescr descr, String keyword, String other) {
            int at = descr.getStartCharacter();
            if (at < start || at >= end || !source.startsWith(keyword, at)) {
                return;
            }
            int to = Math.min(end, Math.max(at + keyword.length(), descr.getEndCharacter() + 1));
            String text = source.substring(at, to).strip().replaceAll("\\s+", " ");
            if (text.length() > 80) {
                text = text.substring(0, 77) + "...";
            }
            add(at, keyword.length(), "", MutationOperator.DROP_QUANTIFIER, "dropping \"" + keyword + "\" in \"" + text + "\"");
            add(at, keyword.length(), other, MutationOperator.FLIP_QUANTIFIER,
                    "changing \"" + keyword + "\" to \"" + other + "\" in \"" + text + "\"");
        }

        private void effective() {
            if (rule.effective() == null) {
                return;
            }
            Matcher m = EFFECTIVE.matcher(source).region(start, end);
            int line = m.find() ? line(m.start()) : line(start);
            for (int days : new int[] {-1, 1}) {
                RuleInfo moved = new RuleInfo(rule.id(), rule.name(), rule.packageName(), rule.jurisdiction(), rule.severity(),
                        rule.citation(), rule.effective().plusDays(days), rule.confidence(), rule.kind(), rule.file(),
                        rule.line(), rule.url());
                mutants.add(new Mutant(rule, file, line, MutationOperator.MOVE_EFFECTIVE, "moving @effective from "
                        + rule.effective() + " to " + moved.effective(), null, moved));
            }
        }

        private void add(int at, int length, String replacement, MutationOperator operator, String description) {
            String ruleText = source.substring(start, end);
            String mutated = ruleText.substring(0, at - start) + replacement + ruleText.substring(at - start + length);
            mutants.add(new Mutant(rule, file, line(at), operator, description, header + mutated, null));
        }

        private int line(int offset) {
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (source.charAt(i) == '\n') {
                    line++;
                }
            }
            if (rows == null) {
                return line;
            }
            Map.Entry<Integer, Integer> row = rows.floorEntry(line);
            return row == null ? 0 : row.getValue();
        }
    }
}
