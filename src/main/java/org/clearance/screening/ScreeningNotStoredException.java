package org.clearance.screening;

/** A valid order was screened but the database refused its screening: a server fault, logged with its cause. */
public class ScreeningNotStoredException extends RuntimeException {

    static final String MESSAGE = "screened, but the screening could not be stored; the error was logged, nothing was kept "
            + "for this order: send it again";

    public ScreeningNotStoredException() {
        super(MESSAGE);
    }
}
