package org.clearance.web;

import java.util.regex.Pattern;

/**
 * Removes what a response must not show from a message that may come from a library or the file system:
 * Java class names (a map of the server's internals for an attacker), hints about library settings, and
 * absolute server paths. Applied to every problem Clearance answers, as a net under the messages' own care.
 */
public final class SafeText {

    /** Jackson's "(use `StreamReadConstraints.getMaxNestingDepth()` to increase limit)" and the like. */
    private static final Pattern LIBRARY_HINT = Pattern.compile("\\s*\\(use `[^`]*`[^)]*\\)");
    /** Jackson's ", from `StreamReadConstraints.getMaxNestingDepth()`" after a limit. */
    private static final Pattern LIBRARY_SOURCE = Pattern.compile(",?\\s*from\\s+`[^`]*`");
    /** Any other back-quoted member or qualified name. */
    private static final Pattern QUOTED_MEMBER = Pattern.compile("`[^`]*[.(][^`]*`");
    /** A back-quoted Java type, as Jackson names the target of a failed conversion. */
    private static final Pattern QUOTED_TYPE = Pattern.compile("`(?:[A-Za-z_$][\\w$]*\\.)*([A-Z][\\w$]*)(?:\\[\\])?`");
    /** A fully qualified class or member name. */
    private static final Pattern QUALIFIED = Pattern.compile(
            "\\b(?:java|javax|jakarta|com|org|io|net|sun|jdk)\\.(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:\\.[\\w$]+)*(?:\\(\\))?");
    /** An absolute path outside the API's own URLs; keeps the last segment (the file name) only. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile(
            "(?<![\\w:/.~-])/(?!api/|q/)(?:[^\\s/:\"'`()<>]+/)+([^\\s/:\"'`()<>,;]*)");

    private SafeText() {
    }

    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = LIBRARY_HINT.matcher(text).replaceAll("");
        cleaned = LIBRARY_SOURCE.matcher(cleaned).replaceAll("");
        cleaned = QUOTED_TYPE.matcher(cleaned).replaceAll(m -> describe(m.group(1)));
        cleaned = QUOTED_MEMBER.matcher(cleaned).replaceAll("a setting");
        cleaned = QUALIFIED.matcher(cleaned).replaceAll("a value");
        cleaned = ABSOLUTE_PATH.matcher(cleaned).replaceAll("$1");
        return cleaned;
    }

    private static String describe(String simpleType) {
        return switch (simpleType) {
            case "String" -> "text";
            case "Integer", "Long", "Short", "BigInteger", "int", "long" -> "an integer";
            case "Double", "Float", "BigDecimal", "double", "float" -> "a number";
            case "Boolean", "boolean" -> "true or false";
            case "LocalDate" -> "a date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "an instant";
            case "List", "ArrayList", "Set", "Collection" -> "an array";
            default -> "a JSON value"; // JsonNode, records and other types are ours to keep to ourselves
        };
    }
}
