package org.clearance.packs;

/** A key file that cannot be written, read or used; the message names the file. */
public class PackKeyException extends RuntimeException {

    public PackKeyException(String message) {
        super(message);
    }
}
