package org.clearance.rules.guard;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How big a rule pack may be, so that a generated pack cannot tie up the server compiling it:
 * {@code clearance.rules.max-file-bytes} (characters per rule file, default 262144) and
 * {@code clearance.rules.max-rules} (rules per pack, default 1000; the shipped pack has under 100).
 */
public record PackLimits(int maxFileBytes, int maxRules) {

    public static final PackLimits DEFAULT = new PackLimits(262_144, 1_000);

    /** The configured limits, or the defaults where nothing is configured (or outside Quarkus). */
    public static PackLimits configured() {
        try {
            var config = ConfigProvider.getConfig();
            return new PackLimits(
                    config.getOptionalValue("clearance.rules.max-file-bytes", Integer.class).orElse(DEFAULT.maxFileBytes()),
                    config.getOptionalValue("clearance.rules.max-rules", Integer.class).orElse(DEFAULT.maxRules()));
        } catch (IllegalStateException e) {
            return DEFAULT;
        }
    }
}
