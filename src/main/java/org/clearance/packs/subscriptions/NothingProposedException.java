package org.clearance.packs.subscriptions;

/** A subscription has no version waiting to be activated: none pulled yet, or the last one was activated already. */
public class NothingProposedException extends RuntimeException {

    public NothingProposedException(String name) {
        super("pack subscription " + name + " has no proposed version to activate; GET /api/v1/packs/subscriptions "
                + "shows its last poll");
    }
}
