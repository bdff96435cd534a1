package org.clearance.parties.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Folds a Latin token to a skeleton shared by the usual romanisations of one Cyrillic spelling (kh/h, ya/ia,
 * ts/c, shch/sch, -iy/-y …). The rules live in {@code romanization-folds.txt}; folding is applied to both
 * sides, so it only has to be consistent, not linguistically right.
 */
final class RomanizationFolder {

    /** A rule; {@code literal} is set when its pattern is plain letters, which a string replace applies faster. */
    private record Rule(Pattern pattern, String literal, String replacement) {

        static Rule of(String pattern, String replacement) {
            boolean plain = pattern.chars().allMatch(Character::isLetter) && replacement.chars().allMatch(Character::isLetter);
            return new Rule(Pattern.compile(pattern), plain ? pattern : null, replacement);
        }

        String applyTo(String text) {
            return literal != null ? text.replace(literal, replacement) : pattern.matcher(text).replaceAll(replacement);
        }
    }

    /**
     * Folds already computed. Scoring folds the same joined token pairs for every candidate of a query (and a list
     * name's pairs for every query), each fold being 30 regular expressions; bounded, as queries bring new tokens.
     */
    private static final int MEMO_LIMIT = 100_000;

    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, String> memo = new ConcurrentHashMap<>();

    RomanizationFolder() {
        for (String line : ResourceLines.read("romanization-folds.txt")) {
            int arrow = line.indexOf("=>");
            rules.add(Rule.of(line.substring(0, arrow).strip(), line.substring(arrow + 2).strip()));
        }
    }

    String fold(String token) {
        String known = memo.get(token);
        if (known != null) {
            return known;
        }
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        String folded = apply(token);
        memo.put(token, folded);
        return folded;
    }

    private String apply(String token) {
        String folded = token;
        for (Rule rule : rules) {
            folded = rule.applyTo(folded);
        }
        return folded;
    }
}
