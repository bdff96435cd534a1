package org.clearance.parties;

/** A request names a list entry that no active list version holds. */
public class ListEntryNotFoundException extends RuntimeException {

    public ListEntryNotFoundException(String list, String sourceId) {
        super("No active list holds entry " + sourceId + " of list " + list + "; see GET /api/v1/lists.");
    }
}
