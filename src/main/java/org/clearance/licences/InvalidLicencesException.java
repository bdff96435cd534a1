package org.clearance.licences;

import java.util.List;
import org.clearance.order.InputProblem;

/** Licences that do not validate; every problem is listed (file:line or JSON pointer) and nothing was stored. */
public class InvalidLicencesException extends RuntimeException {

    private final List<InputProblem> problems;

    public InvalidLicencesException(String message, List<InputProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
