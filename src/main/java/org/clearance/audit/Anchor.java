package org.clearance.audit;

/** A chain value kept outside the system (from an export): record {@code seq} must still have chain {@code chain}. */
public record Anchor(long seq, String chain) {
}
