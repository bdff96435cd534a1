package org.clearance.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Says Drools compile errors in a rule author's terms: the fact and field names they wrote, the rule that is not
 * closed. A translation that is certain (an unknown field or fact type) replaces the Drools text; one that guesses
 * the cause from where the parser stopped (a missing {@code end}, a parenthesis) keeps it in brackets, because the
 * guess can be wrong and the parser's words are then the only lead. Messages it does not recognise pass unchanged.
 */
final class CompileErrorTranslator {

    /** Follows every syntax error of a file; says nothing the other errors do not. */
    static final String NULL_PACKAGE = "Parser returned a null Package";

    private static final Pattern STRICT_MODE_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern CONSEQUENCE_METHOD = Pattern.compile(
            "The method (\\w+)\\(\\) is undefined for the type (\\w+)");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("^Unable to resolve ObjectType '([\\w.$]+)'");
    private static final Pattern MISMATCHED = Pattern.compile(
            "^\\[ERR 102\\] Line \\d+:\\d+ mismatched input '(<eof>|end|then|\\))' in rule \"([^\"]*)\"");
    /** The echo MVEL adds after an expression it already reported on the same line. */
    private static final Pattern ANALYZE_ECHO = Pattern.compile("^Unable to analyze expression '[^']*'$");
    private static final String FACTS_PACKAGE = "org.clearance.facts.";

    private CompileErrorTranslator() {
    }

    /** The message an author reads for one Drools error message (whitespace already collapsed). */
    static String translate(String drools) {
        Matcher field = STRICT_MODE_FIELD.matcher(drools);
        if (field.find() && field.group(1).startsWith(FACTS_PACKAGE)) {
            Optional<String> known = unknownField(field.group(1).substring(FACTS_PACKAGE.length()), field.group(2));
            if (known.isPresent()) {
                return known.get();
            }
        }
        Matcher method = CONSEQUENCE_METHOD.matcher(drools);
        if (method.find()) {
            Optional<String> known = unknownField(method.group(2), method.group(1));
            if (known.isPresent()) {
                return "in the then part: " + known.get();
            }
        }
        Matcher type = UNKNOWN_TYPE.matcher(drools);
        if (type.find()) {
            return unknownType(type.group(1));
        }
        Matcher mismatched = MISMATCHED.matcher(drools);
        if (mismatched.find()) {
            return unclosed(mismatched.group(1), mismatched.group(2)) + " [Drools: " + drools + "]";
        }
        return drools;
    }

    /**
     * The problems of one compilation in author's terms: each message translated, repeats merged, and the
     * follow-up noise ({@value #NULL_PACKAGE}, MVEL's echo of an expression) left out where a real error
     * about the same file (or line) is there.
     */
    static List<RulePackProblem> translate(List<RulePackProblem> drools) {
        Set<RulePackProblem> translated = new LinkedHashSet<>();
        for (RulePackProblem problem : drools) {
            translated.add(new RulePackProblem(problem.file(), problem.line(), translate(problem.message())));
        }
        List<RulePackProblem> kept = new ArrayList<>();
        for (RulePackProblem problem : translated) {
            boolean noise = problem.message().startsWith(NULL_PACKAGE) && translated.stream().anyMatch(other ->
                    other != problem && other.file().equals(problem.file()))
                    || ANALYZE_ECHO.matcher(problem.message()).matches() && translated.stream().anyMatch(other ->
                    other != problem && other.file().equals(problem.file()) && other.line() == problem.line());
            if (!noise) {
                kept.add(problem);
            }
        }
        return kept;
    }

    private static Optional<String> unknownField(String typeName, String field) {
        return FactTypes.named(typeName).map(type -> {
            List<String> fields = FactTypes.fields(type);
            return typeName + " has no field " + field + closest(field, fields).map(f -> "; did you mean " + f + "?")
                    .orElse(".") + " Its fields: " + String.join(", ", fields);
        });
    }

    private static String unknownType(String name) {
        String simple = name.substring(name.lastIndexOf('.') + 1);
        if (FactTypes.named(simple).isPresent() && simple.equals(name)) {
            return "fact type " + name + " is not imported: add 'import " + FACTS_PACKAGE + name + ";' below the package line";
        }
        return "unknown fact type " + name + closest(simple, FactTypes.names()).map(t -> "; did you mean " + t + "?")
                .orElse(".") + " Fact types: " + String.join(", ", FactTypes.names());
    }

    private static String unclosed(String input, String rule) {
        return switch (input) {
            case "<eof>" -> "rule \"" + rule + "\" is not closed: the file ends before its 'end'";
            case "end" -> "rule \"" + rule + "\" is not closed: write 'end' after its then part, before the next rule";
            case "then" -> "rule \"" + rule + "\": a parenthesis opened in its when part is not closed before 'then'";
            default -> "rule \"" + rule + "\": a ')' closes a parenthesis that was never opened";
        };
    }

    /**
     * The candidate nearest to what the author wrote, compared without case and underscores (so {@code hs_code}
     * finds {@code hsCode}); none when every candidate would need more edits than half the word.
     */
    static Optional<String> closest(String written, List<String> candidates) {
        String key = normalized(written);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        return candidates.stream()
                .filter(c -> distance.apply(key, normalized(c)) <= Math.max(2, (key.length() + 1) / 2))
                .min(Comparator.comparingInt((String c) -> distance.apply(key, normalized(c))));
    }

    private static String normalized(String name) {
        return name.replace("_", "").toLowerCase(Locale.ROOT);
    }
}
