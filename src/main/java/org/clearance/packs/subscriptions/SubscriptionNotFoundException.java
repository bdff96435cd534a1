package org.clearance.packs.subscriptions;

/** No pack subscription has this name on this server. */
public class SubscriptionNotFoundException extends RuntimeException {

    public SubscriptionNotFoundException(String name) {
        super("no pack subscription is called '" + name.replaceAll("[^A-Za-z0-9._-]", "?") + "'");
    }
}
