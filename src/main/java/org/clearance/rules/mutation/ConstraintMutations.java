package org.clearance.rules.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mutations of one pattern constraint, worked out on its expression text as the DRL parser returns it
 * ({@code ExprConstraintDescr}): removed, negated, comparison flipped or its boundary moved, an {@code in (…)}
 * list shortened, a data-file lookup pointed at an empty dataset. String literals are never touched.
 */
final class ConstraintMutations {

    /** A replacement for the whole constraint text. */
    record Edit(String replacement, MutationOperator operator, String description) {
    }

    /** The dataset name no data file has: a lookup pointed there finds no row. */
    static final String EMPTY_DATASET_SUFFIX = "#mutant-empty";

    private static final Pattern BINDING = Pattern.compile("^(\\$[\\w$]*\\s*:\\s*)(.*)$", Pattern.DOTALL);
    private static final Pattern PLAIN_FIELD = Pattern.compile("[\\w.$]+(\\(\\))?");
    private static final Pattern DATASET = Pattern.compile("^dataset\\s*==\\s*\"([^\"]*)\"$");
    private static final Pattern IN_LIST = Pattern.compile("(?<![\\w$.])(not\\s+)?in\\s*\\(");
    private static final Pattern WORD_OPERATOR = Pattern.compile("(?<![\\w$.])(not\\s+)?(contains|memberOf|matches|excludes)\\b");
    private static final Map<String, String> FLIPS = Map.of("==", "!=", "!=", "==", ">", ">=", ">=", ">", "<", "<=", "<=", "<");

    private ConstraintMutations() {
    }

    /** The edits of {@code expression}; {@code dataRow} when it constrains a {@code DataRow} pattern. */
    static List<Edit> of(String expression, boolean dataRow) {
        String text = expression.strip();
        Matcher binding = BINDING.matcher(text);
        String prefix = "";
        String body = text;
        if (binding.matches()) {
            prefix = binding.group(1);
            body = binding.group(2).strip();
        }
        List<Edit> edits = new ArrayList<>();
        if (!prefix.isEmpty()) {
            if (PLAIN_FIELD.matcher(body).matches()) {
                return edits; // a binding only ($c : country): nothing is tested
            }
        }
        Matcher dataset = DATASET.matcher(body);
        if (dataRow && dataset.matches()) {
            edits.add(new Edit(prefix + "dataset == \"" + dataset.group(1) + EMPTY_DATASET_SUFFIX + "\"",
                    MutationOperator.EMPTY_DATASET, "pointing the lookup of data file \"" + dataset.group(1)
                    + "\" at an empty dataset"));
            return edits;
        }
        boolean[] literal = literals(body);
        if (prefix.isEmpty()) {
            edits.add(new Edit("true", MutationOperator.REMOVE_CONDITION, "removing \"" + body + "\""));
        }
        List<int[]> operands = topLevelOperands(body, literal);
        if (operands.size() > 1) {
            for (int i = 0; i < operands.size(); i++) {
                int from = i == 0 ? operands.get(0)[0] : operands.get(i - 1)[1];
                int to = i == 0 ? operands.get(1)[0] : operands.get(i)[1];
                String operand = body.substring(operands.get(i)[0], operands.get(i)[1]).strip();
                String rest = (body.substring(0, from) + " " + body.substring(to)).strip();
                edits.add(new Edit(prefix + rest, MutationOperator.REMOVE_CONDITION,
                        "removing \"" + operand + "\" from \"" + body + "\""));
            }
        }
        int before = edits.size();
        comparisons(prefix, body, literal, edits);
        inLists(prefix, body, literal, edits);
        wordOperators(prefix, body, literal, edits);
        if (edits.size() == before && operands.size() == 1) {
            String negated = body.startsWith("!") && !body.startsWith("!=") && simpleTerm(body.substring(1).strip())
                    ? body.substring(1).strip() : "!( " + body + " )";
            edits.add(new Edit(prefix + negated, MutationOperator.NEGATE_CONDITION, "negating \"" + body + "\""));
        }
        return edits;
    }

    private static void comparisons(String prefix, String body, boolean[] literal, List<Edit> edits) {
        for (int i = 0; i < body.length(); i++) {
            if (literal[i]) {
                continue;
            }
            String op = null;
            if (i + 1 < body.length() && !literal[i + 1]) {
                String two = body.substring(i, i + 2);
                if (two.equals("==") || two.equals("!=") || two.equals(">=") || two.equals("<=")) {
                    op = two;
                }
            }
            char c = body.charAt(i);
            if (op == null && (c == '>' || c == '<')) {
                boolean arrow = i > 0 && (body.charAt(i - 1) == '-' || body.charAt(i - 1) == c);
                boolean shift = i + 1 < body.length() && body.charAt(i + 1) == c;
                if (!arrow && !shift) {
                    op = String.valueOf(c);
                }
            }
            if (op == null) {
                continue;
            }
            String flipped = FLIPS.get(op);
            MutationOperator operator = op.equals("==") || op.equals("!=") ? MutationOperator.NEGATE_COMPARISON
                    : MutationOperator.MOVE_BOUNDARY;
            edits.add(new Edit(prefix + body.substring(0, i) + flipped + body.substring(i + op.length()), operator,
                    "changing \"" + op + "\" to \"" + flipped + "\" in \"" + body + "\""));
            i += op.length() - 1;
        }
    }

    private static void inLists(String prefix, String body, boolean[] literal, List<Edit> edits) {
        Matcher m = IN_LIST.matcher(body);
        while (m.find()) {
            if (literal[m.start()]) {
                continue;
            }
            int open = m.end() - 1;
            int close = matching(body, open, literal);
            if (close < 0) {
                continue;
            }
            String keyword = m.group(1) == null ? "in" : "not in";
            String other = m.group(1) == null ? "not in" : "in";
            edits.add(new Edit(prefix + body.substring(0, m.start()) + other + " " + body.substring(open), MutationOperator.NEGATE_COMPARISON,
                    "changing \"" + keyword + "\" to \"" + other + "\" in \"" + body + "\""));
            List<String> values = split(body.substring(open + 1, close), literal, open + 1);
            if (values.size() < 2) {
                continue;
            }
            for (int j = 0; j < values.size(); j++) {
                List<String> rest = new ArrayList<>(values);
                String removed = rest.remove(j);
                edits.add(new Edit(prefix + body.substring(0, open + 1) + String.join(", ", rest) + body.substring(close),
                        MutationOperator.SHORTEN_LIST, "removing \"" + removed + "\" from \"" + body + "\""));
            }
        }
    }

    private static void wordOperators(String prefix, String body, boolean[] literal, List<Edit> edits) {
        Matcher m = WORD_OPERATOR.matcher(body);
        while (m.find()) {
            if (literal[m.start()]) {
                continue;
            }
            String keyword = m.group();
            String other = m.group(1) == null ? "not " + m.group(2) : m.group(2);
            edits.add(new Edit(prefix + body.substring(0, m.start()) + other + body.substring(m.end()),
                    MutationOperator.NEGATE_COMPARISON, "changing \"" + keyword.replaceAll("\\s+", " ") + "\" to \""
                    + other + "\" in \"" + body + "\""));
        }
    }

    /** Which characters are inside a string or character literal (quotes included). */
    private static boolean[] literals(String s) {
        boolean[] in = new boolean[s.length()];
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
                in[i] = true;
            } else if (quote != 0) {
                in[i] = true;
                if (c == '\\' && i + 1 < s.length()) {
                    in[++i] = true;
                } else if (c == quote) {
                    quote = 0;
                }
            }
        }
        return in;
    }

    /** The spans of the operands joined by {@code &&} or {@code ||} outside any parentheses. */
    private static List<int[]> topLevelOperands(String s, boolean[] literal) {
        List<int[]> operands = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (literal[i]) {
                continue;
            }
            char c = s.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && i + 1 < s.length() && (s.startsWith("&&", i) || s.startsWith("||", i))) {
                operands.add(new int[] {start, i});
                start = i + 2;
                i++;
            }
        }
        operands.add(new int[] {start, s.length()});
        return operands;
    }

    private static int matching(String s, int open, boolean[] literal) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            if (literal[i]) {
                continue;
            }
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The comma-separated values of a list, split outside nested parentheses and literals. */
    private static List<String> split(String list, boolean[] literal, int offset) {
        List<String> values = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            if (literal[offset + i]) {
                continue;
            }
            char c = list.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                values.add(list.substring(start, i).strip());
                start = i + 1;
            }
        }
        values.add(list.substring(start).strip());
        return values.stream().filter(v -> !v.isEmpty()).toList();
    }

    /** A name, call or field path without operators: {@code !} can be dropped from it. */
    private static boolean simpleTerm(String s) {
        return s.matches("[\\w.$]+(\\([^()]*\\))?");
    }
}
