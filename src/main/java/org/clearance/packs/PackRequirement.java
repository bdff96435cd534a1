package org.clearance.packs;

/**
 * A base pack that a pack builds on: its rules use facts or data that base provides, so the pack is only loaded,
 * tested and activated with that base below it in a stack. Met by {@code minimum} or a later compatible version: the
 * same major version, and below 1.0.0 the same minor (as semver's caret ranges read it).
 */
public record PackRequirement(String name, SemanticVersion minimum) {

    public PackRequirement {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a required pack needs a name");
        }
        if (minimum == null) {
            throw new IllegalArgumentException("required pack " + BundlePath.printable(name) + " needs a version");
        }
    }

    /** {@code NAME@VERSION}, as {@code packs build --requires} takes it. */
    public static PackRequirement parse(String text) {
        int at = text == null ? -1 : text.indexOf('@');
        if (at <= 0) {
            throw new IllegalArgumentException("'" + BundlePath.printable(text) + "' must be NAME@VERSION, e.g. clearance-common@0.1.0");
        }
        return new PackRequirement(text.substring(0, at), SemanticVersion.parse(text.substring(at + 1)));
    }

    public boolean metBy(String packName, SemanticVersion version) {
        return name.equals(packName) && version.compareTo(minimum) >= 0 && version.major() == minimum.major()
                && (minimum.major() > 0 || version.minor() == minimum.minor());
    }

    @Override
    public String toString() {
        return name + " " + minimum + (minimum.major() > 0 ? " or a later " + minimum.major() + ".x"
                : " or a later " + minimum.major() + "." + minimum.minor() + ".x");
    }
}
