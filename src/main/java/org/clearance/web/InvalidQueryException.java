package org.clearance.web;

import java.util.List;

/** A query parameter that cannot be used (not a number, out of range, not a date): a 400 naming the parameter. */
public class InvalidQueryException extends RuntimeException {

    private final List<Problem.Error> errors;

    public InvalidQueryException(List<Problem.Error> errors) {
        super(errors.size() == 1 ? "The query parameter '" + errors.get(0).pointer() + "' is invalid: "
                + errors.get(0).message() + "." : "The query parameters are invalid.");
        this.errors = List.copyOf(errors);
    }

    /** One problem with the query parameter {@code name}. */
    public static Problem.Error error(String name, String message) {
        return new Problem.Error("query", name, message);
    }

    public List<Problem.Error> errors() {
        return errors;
    }
}
