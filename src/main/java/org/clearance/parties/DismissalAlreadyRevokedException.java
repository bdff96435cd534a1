package org.clearance.parties;

import java.time.Instant;
import java.util.UUID;

/** A dismissal is revoked once; a second revocation would overwrite who revoked it and why. */
public class DismissalAlreadyRevokedException extends RuntimeException {

    public DismissalAlreadyRevokedException(UUID id, String by, Instant at) {
        super("Dismissal " + id + " was already revoked by " + by + " at " + at + ".");
    }
}
