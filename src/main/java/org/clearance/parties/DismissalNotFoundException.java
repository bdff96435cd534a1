package org.clearance.parties;

/** No dismissal has the id asked for. */
public class DismissalNotFoundException extends RuntimeException {

    public DismissalNotFoundException(String id) {
        super("No dismissal with id " + id + ".");
    }
}
