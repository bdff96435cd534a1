package org.clearance.packs.subscriptions;

import java.nio.file.Path;

/**
 * The server's rules folder is an overlay on base packs: activating a pulled version alone would drop the company's
 * own rules and overrides, so the version is taken by pointing the overlay's {@code stack.yaml} at it.
 */
public class OverlayInUseException extends RuntimeException {

    public OverlayInUseException(String name, Path overlay, String folder) {
        super("pack subscription " + name + ": the rules folder " + overlay + " is an overlay on base packs; activating "
                + "the pulled version alone would drop its own rules and overrides. Point its stack.yaml at " + folder
                + " instead (the server reloads it, or run clearance rules activate " + overlay + ")");
    }
}
