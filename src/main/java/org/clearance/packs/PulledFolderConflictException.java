package org.clearance.packs;

/** The folder a pull would unpack into exists and holds other files than the bundle: it is never overwritten. */
public class PulledFolderConflictException extends RuntimeException {

    public PulledFolderConflictException(String message) {
        super(message);
    }
}
