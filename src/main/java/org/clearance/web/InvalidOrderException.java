package org.clearance.web;

import java.util.List;
import org.clearance.order.InputProblem;

/** The request body holds orders that cannot be screened; every problem is listed. */
public class InvalidOrderException extends RuntimeException {

    private final List<InputProblem> problems;

    public InvalidOrderException(String message, List<InputProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
