package org.clearance.rules.active;

/**
 * The outcome of activating a pack that passed its checks: the active row afterwards, and whether this pack was
 * active already (then nothing was written).
 */
public record Activation(ActivePack active, int rules, boolean alreadyActive) {
}
