package org.clearance.packs;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version as Semantic Versioning 2.0.0 (https://semver.org) defines it: {@code MAJOR.MINOR.PATCH}, an optional
 * {@code -pre.release} and optional {@code +build} metadata. Ordered by the specification's precedence (section 11):
 * build metadata is ignored, a pre-release sorts before its release.
 */
public record SemanticVersion(long major, long minor, long patch, List<String> preRelease, String build)
        implements Comparable<SemanticVersion> {

    /** The regular expression semver.org suggests, without the named groups. */
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
                    + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
                    + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");
    private static final Pattern NUMERIC = Pattern.compile("0|[1-9]\\d*");

    public SemanticVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException("version numbers must not be negative");
        }
        preRelease = List.copyOf(preRelease);
        build = build == null ? "" : build;
    }

    /** Parses {@code text}; an {@link IllegalArgumentException} names the text when it is not a semantic version. */
    public static SemanticVersion parse(String text) {
        Matcher m = text == null ? null : SEMVER.matcher(text);
        if (m == null || !m.matches() || text.length() > 128) {
            throw new IllegalArgumentException("'" + text + "' is not a semantic version (MAJOR.MINOR.PATCH, e.g. 1.4.0 or "
                    + "2.0.0-rc.1; see semver.org)");
        }
        try {
            return new SemanticVersion(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    m.group(4) == null ? List.of() : List.of(m.group(4).split("\\.")), m.group(5));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a version number too large to compare", e);
        }
    }

    @Override
    public int compareTo(SemanticVersion other) {
        int c = Long.compare(major, other.major);
        c = c != 0 ? c : Long.compare(minor, other.minor);
        c = c != 0 ? c : Long.compare(patch, other.patch);
        if (c != 0 || preRelease.equals(other.preRelease)) {
            return c;
        }
        if (preRelease.isEmpty() || other.preRelease.isEmpty()) {
            return preRelease.isEmpty() ? 1 : -1; // 1.0.0-rc.1 < 1.0.0
        }
        for (int i = 0; i < Math.min(preRelease.size(), other.preRelease.size()); i++) {
            int d = compareIdentifier(preRelease.get(i), other.preRelease.get(i));
            if (d != 0) {
                return d;
            }
        }
        return Integer.compare(preRelease.size(), other.preRelease.size());
    }

    /** Numeric identifiers compare as numbers and sort before alphanumeric ones, which compare in ASCII order. */
    private static int compareIdentifier(String a, String b) {
        boolean numericA = NUMERIC.matcher(a).matches();
        boolean numericB = NUMERIC.matcher(b).matches();
        if (numericA && numericB) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (numericA != numericB) {
            return numericA ? -1 : 1;
        }
        return a.compareTo(b);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (preRelease.isEmpty() ? "" : "-" + String.join(".", preRelease))
                + (build.isEmpty() ? "" : "+" + build);
    }
}
