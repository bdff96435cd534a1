package org.clearance.lists;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Small string helpers shared by the list readers. */
public final class Text {

    private Text() {
    }

    public static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    public static String require(String value, String what) {
        String clean = blankToNull(value);
        if (clean == null) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return clean;
    }

    /** Splits on a regex and drops blanks; {@code null} gives an empty list. */
    public static List<String> split(String value, String regex) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(regex)).map(Text::blankToNull).filter(s -> s != null).toList();
    }

    public static String collapseSpaces(String value) {
        return value == null ? null : WHITESPACE.matcher(value).replaceAll(" ").strip();
    }

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
}
