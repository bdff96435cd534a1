package org.clearance.packs.subscriptions;

import java.time.Instant;

/**
 * A version a subscription pulled, verified and checked (allow-list, lint, rule tests with every rule covered), waiting
 * for a rule author to activate it: what the pack says it is, who signed it, and where it was unpacked.
 */
public record ProposedVersion(String pack, String version, String publisher, String keyId, int testsPassed,
                              Instant pulledAt, String folder) {
}
