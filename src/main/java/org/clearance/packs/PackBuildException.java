package org.clearance.packs;

/** A bundle that cannot be built from what it was given (folder, pack.json, options); the message says what to fix. */
public class PackBuildException extends RuntimeException {

    public PackBuildException(String message) {
        super(message);
    }
}
