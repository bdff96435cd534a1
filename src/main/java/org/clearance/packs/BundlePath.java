package org.clearance.packs;

import java.util.Locale;
import java.util.Set;

/**
 * A file's path inside a bundle: relative, forward slashes, no {@code .} or {@code ..} segments, no empty segments,
 * no backslash, colon or control character. Every path an archive or a manifest names is checked this way before
 * anything is written, so an entry can never land outside the folder it is extracted to (zip-slip), on any OS.
 */
public record BundlePath(String value) implements Comparable<BundlePath> {

    /** The bundle's own metadata, at its root: never a pack file. */
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURES = ".signatures.json";
    private static final Set<String> RESERVED = Set.of(MANIFEST, SIGNATURES);
    private static final int MAX_LENGTH = 1024;

    public BundlePath {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("'" + printable(value) + "' " + problem);
        }
    }

    /** What is wrong with {@code path} as a bundle path, or null when nothing is. */
    private static String problem(String path) {
        if (path == null || path.isEmpty()) {
            return "is an empty path";
        }
        if (path.length() > MAX_LENGTH) {
            return "is longer than " + MAX_LENGTH + " characters";
        }
        if (path.startsWith("/")) {
            return "is an absolute path";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' || c == ':' || Character.isISOControl(c)) {
                return "holds a backslash, colon or control character, which could name a place outside the folder on some systems";
            }
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "has an empty, '.' or '..' segment: only plain relative paths may appear in a bundle";
            }
        }
        return null;
    }

    /** Whether this is one of the bundle's metadata files rather than a pack file. */
    public boolean reserved() {
        return RESERVED.contains(value);
    }

    /** The key under which two paths collide on a case-insensitive file system. */
    String collisionKey() {
        return value.toLowerCase(Locale.ROOT);
    }

    /** {@code text} with control characters shown as {@code ?}, for refusal messages. */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        String shown = text.length() > 200 ? text.substring(0, 200) + "…" : text;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    @Override
    public int compareTo(BundlePath other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
