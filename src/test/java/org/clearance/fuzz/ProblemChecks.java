package org.clearance.fuzz;

import java.util.List;
import java.util.regex.Pattern;

/** What no answer to bad input may contain: library class names, exception names, stack frames or server paths. */
final class ProblemChecks {

    /** Class-name prefixes, exception names and stack frames ("at org.x.Y.m(Y.java:12)"). */
    static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\borg\\.[a-z]"), Pattern.compile("com\\.fasterxml"), Pattern.compile("\\bjava\\.[a-z]"),
            Pattern.compile("Exception"), Pattern.compile("\\bat [a-z]+\\.[a-zA-Z.$]+\\("), Pattern.compile("\\.java:\\d"));

    private ProblemChecks() {
    }

    /** The first leak found in {@code text}, or null: a class name, a stack frame or the server's working directory. */
    static String leak(String text) {
        for (Pattern pattern : LEAKS) {
            var matcher = pattern.matcher(text);
            if (matcher.find()) {
                return matcher.group();
            }
        }
        String workingDirectory = System.getProperty("user.dir");
        return text.contains(workingDirectory) ? workingDirectory : null;
    }
}
