package org.clearance.rules.cases;

/** A test case file that cannot be read; the message names the file and case. */
public class RuleCaseException extends RuntimeException {

    public RuleCaseException(String message) {
        super(message);
    }
}
