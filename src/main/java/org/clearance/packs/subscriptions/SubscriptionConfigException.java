package org.clearance.packs.subscriptions;

/** A subscription's configuration cannot work (no source, a plain http:// URL, a missing key file); the message says how to fix it. */
public class SubscriptionConfigException extends RuntimeException {

    public SubscriptionConfigException(String name, String problem) {
        super("subscription " + name + ": " + problem);
    }
}
