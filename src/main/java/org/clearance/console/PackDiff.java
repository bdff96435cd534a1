package org.clearance.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.text.diff.CommandVisitor;
import org.apache.commons.text.diff.StringsComparator;

/**
 * What changed between two stored rule packs, file by file, with the changed lines of each changed file. Lines are
 * compared with commons-text's Myers diff: each distinct line becomes one character, so the character diff is the
 * line diff.
 */
final class PackDiff {

    /** One line of a file diff: {@code +} added, {@code -} removed, or a space for an unchanged line shown as context. */
    public record Line(char mark, String text) {
        public String kind() {
            return mark == '+' ? "added" : mark == '-' ? "removed" : "same";
        }
    }

    /** A file added, removed or changed, with its changed lines (context around them). */
    public record FileChange(String path, String change, List<Line> lines) {
    }

    /** Unchanged lines kept around each change. */
    private static final int CONTEXT = 2;

    private PackDiff() {
    }

    /** Changes from {@code before} to {@code after} (path → content hash); {@code text} reads a file by its hash. */
    static List<FileChange> between(SortedMap<String, String> before, SortedMap<String, String> after,
                                    Function<String, String> text) {
        List<FileChange> changes = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        for (String path : paths) {
            String old = before.get(path);
            String now = after.get(path);
            if (old == null) {
                changes.add(new FileChange(path, "added", List.of()));
            } else if (now == null) {
                changes.add(new FileChange(path, "removed", List.of()));
            } else if (!old.equals(now)) {
                changes.add(new FileChange(path, "changed", lines(text.apply(old), text.apply(now))));
            }
        }
        return changes;
    }

    static List<Line> lines(String before, String after) {
        Map<String, Character> codes = new HashMap<>();
        List<String> byCode = new ArrayList<>();
        String left;
        String right;
        try {
            left = encode(before, codes, byCode);
            right = encode(after, codes, byCode);
        } catch (IllegalArgumentException e) {
            return List.of(new Line(' ', "(too many distinct lines to compare line by line)"));
        }
        List<Line> all = new ArrayList<>();
        new StringsComparator(left, right).getScript().visit(new CommandVisitor<Character>() {
            @Override
            public void visitInsertCommand(Character c) {
                all.add(new Line('+', byCode.get(c - Character.MIN_VALUE)));
            }

            @Override
            public void visitKeepCommand(Character c) {
                all.add(new Line(' ', byCode.get(c - Character.MIN_VALUE)));
            }

            @Override
            public void visitDeleteCommand(Character c) {
                all.add(new Line('-', byCode.get(c - Character.MIN_VALUE)));
            }
        });
        List<Line> shown = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).mark() != ' ' || nearChange(all, i)) {
                shown.add(all.get(i));
            }
        }
        return shown;
    }

    private static boolean nearChange(List<Line> lines, int index) {
        for (int j = Math.max(0, index - CONTEXT); j <= Math.min(lines.size() - 1, index + CONTEXT); j++) {
            if (lines.get(j).mark() != ' ') {
                return true;
            }
        }
        return false;
    }

    /** The text as one character per line; a pack's files have far fewer than 65,536 distinct lines. */
    private static String encode(String text, Map<String, Character> codes, List<String> byCode) {
        StringBuilder encoded = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Character code = codes.computeIfAbsent(line, l -> {
                if (byCode.size() == Character.MAX_VALUE) {
                    throw new IllegalArgumentException("more distinct lines than characters");
                }
                byCode.add(l);
                return (char) (byCode.size() - 1);
            });
            encoded.append(code.charValue());
        }
        return encoded.toString();
    }
}
