package org.clearance.web;

/** The request is larger than the configured limit (bytes or orders). */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
