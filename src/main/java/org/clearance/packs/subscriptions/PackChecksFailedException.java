package org.clearance.packs.subscriptions;

/** A pulled pack failed its checks (allow-list, lint, rule tests); it was removed again and nothing changed. */
class PackChecksFailedException extends RuntimeException {

    PackChecksFailedException(String message) {
        super(message);
    }
}
