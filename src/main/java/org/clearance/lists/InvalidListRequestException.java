package org.clearance.lists;

/** A list request names no valid source or format, or a file that cannot be imported as given; nothing was changed. */
public class InvalidListRequestException extends RuntimeException {

    public InvalidListRequestException(String message) {
        super(message);
    }
}
