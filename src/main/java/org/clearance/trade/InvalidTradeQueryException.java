package org.clearance.trade;

/** An analysis parameter that cannot be used ({@code parameter} names it as the CLI option and query parameter do). */
public class InvalidTradeQueryException extends RuntimeException {

    private final String parameter;

    public InvalidTradeQueryException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
