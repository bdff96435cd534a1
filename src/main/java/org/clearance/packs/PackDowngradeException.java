package org.clearance.packs;

/**
 * A pull of a version lower than one already pulled beside it: an old signed bundle replayed (perhaps with a rule
 * since fixed) must not roll a subscriber back unnoticed. Refused unless the user asks for it.
 */
public class PackDowngradeException extends RuntimeException {

    public PackDowngradeException(String message) {
        super(message);
    }
}
