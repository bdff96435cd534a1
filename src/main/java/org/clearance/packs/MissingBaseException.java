package org.clearance.packs;

/** A pulled bundle requires a base pack that is not pulled beside it, so it cannot be stacked and tested. */
public class MissingBaseException extends RuntimeException {

    public MissingBaseException(String message) {
        super(message);
    }
}
