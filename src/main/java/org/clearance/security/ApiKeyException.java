package org.clearance.security;

/** A key request that cannot be carried out (unknown role, name taken, no such key); names the field at fault. */
public class ApiKeyException extends RuntimeException {

    private final String field;
    private final boolean notFound;

    public ApiKeyException(String field, String message, boolean notFound) {
        super(message);
        this.field = field;
        this.notFound = notFound;
    }

    /** JSON pointer (API) or option name (CLI) of the bad value. */
    public String field() {
        return field;
    }

    public boolean notFound() {
        return notFound;
    }
}
