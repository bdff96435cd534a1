package org.clearance.rules.guard;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DRL text into the tokens that can be code: identifiers, numbers, strings and punctuation, with
 * their line, skipping comments. Unicode escapes are translated first, as the Java compiler does, so that
 * {@code \u0052untime} is seen as {@code Runtime}. Deliberately simple: whatever it cannot classify is
 * punctuation, so that nothing is skipped as a comment or a string that the engine would run as code.
 */
final class DrlTokens {

    enum Kind { IDENT, NUMBER, STRING, PUNCT }

    /** One token and the 1-based line it starts on. */
    record Token(Kind kind, String text, int line) {

        boolean is(String value) {
            return kind != Kind.STRING && text.equals(value);
        }
    }

    private DrlTokens() {
    }

    static List<Token> of(String source) {
        String text = unicodeEscapes(source);
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(text, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int start = i++;
                StringBuilder value = new StringBuilder();
                while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
                    if (text.charAt(i) == '\\' && i + 1 < n) {
                        value.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        value.append(text.charAt(i++));
                    }
                }
                i = Math.min(n, i + 1);
                tokens.add(new Token(Kind.STRING, value.toString(), line));
                line += count(text, start, i);
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, text.substring(start, i), line));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, text.substring(start, i), line));
            } else {
                tokens.add(new Token(Kind.PUNCT, String.valueOf(c), line));
                i++;
            }
        }
        return tokens;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** Java's first translation step: {@code \\uXXXX} (an odd number of backslashes) becomes the character. */
    static String unicodeEscapes(String text) {
        if (text.indexOf("\\u") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            int slashes = 0;
            while (i < text.length() && text.charAt(i) == '\\') {
                slashes++;
                i++;
            }
            out.append("\\".repeat(slashes));
            if (slashes % 2 == 1 && i < text.length() && text.charAt(i) == 'u') {
                int j = i;
                while (j < text.length() && text.charAt(j) == 'u') {
                    j++;
                }
                if (j + 4 <= text.length() && text.substring(j, j + 4).matches("[0-9a-fA-F]{4}")) {
                    out.setLength(out.length() - 1);
                    out.append((char) Integer.parseInt(text.substring(j, j + 4), 16));
                    i = j + 4;
                }
            }
        }
        return out.toString();
    }
}
