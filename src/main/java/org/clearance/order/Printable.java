package org.clearance.order;

/**
 * Text from an order made safe to show: control characters (a raw ESC byte would drive the terminal) and bidirectional
 * overrides (they reorder what a reader sees) become visible escapes such as <code>&#92;u001B</code>, and long values are cut.
 */
public final class Printable {

    private Printable() {
    }

    /** True for C0 and C1 control characters and DEL (Unicode category Cc), which no order text may contain. */
    public static boolean isControl(int codePoint) {
        return codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F);
    }

    /** Bidirectional embeddings, overrides and isolates: invisible, yet they change the order in which text reads. */
    static boolean isBidiControl(int codePoint) {
        return (codePoint >= 0x202A && codePoint <= 0x202E) || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    public static boolean hasControl(String text) {
        return text.codePoints().anyMatch(Printable::isControl);
    }

    /** {@code text} with control characters, bidi controls and unpaired surrogates escaped as <code>&#92;uXXXX</code>. */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean unpaired = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)));
            if (isControl(c) || isBidiControl(c) || unpaired) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code text} escaped and cut to about {@code max} characters, marking the cut; in single quotes when asked. */
    public static String quote(String text, int max, boolean quotes) {
        String shown = text.length() > max ? text.substring(0, Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max)
                + "…(" + text.length() + " characters)" : text;
        shown = escape(shown);
        return quotes ? "'" + shown + "'" : shown;
    }

    /** A value echoed in a problem message: quoted, escaped, at most 40 characters. */
    public static String value(String text) {
        return quote(text, 40, true);
    }
}
