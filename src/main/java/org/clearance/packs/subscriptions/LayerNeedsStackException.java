package org.clearance.packs.subscriptions;

/**
 * The proposed version builds on other packs (its manifest's {@code requires}): it is a layer, and activating it alone
 * would drop the bases its rules read. It is taken by listing it in an overlay's {@code stack.yaml} above its bases.
 */
public class LayerNeedsStackException extends RuntimeException {

    public LayerNeedsStackException(String name, String folder, String requirements) {
        super("pack subscription " + name + ": the version in " + folder + " builds on " + requirements + "; activated "
                + "alone it would lose them. List it in an overlay's stack.yaml above its bases and activate the overlay");
    }
}
