package org.clearance.cases;

/** No case (404), or no screening of an order. */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String message) {
        super(message);
    }
}
