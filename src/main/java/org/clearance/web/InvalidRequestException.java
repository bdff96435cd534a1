package org.clearance.web;

import java.util.List;

/** A request body or query that fails validation; every problem is listed by JSON pointer (or parameter name). */
public class InvalidRequestException extends RuntimeException {

    private final List<Problem.Error> errors;

    public InvalidRequestException(String message, List<Problem.Error> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.Error> errors() {
        return errors;
    }
}
