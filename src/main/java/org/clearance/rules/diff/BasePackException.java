package org.clearance.rules.diff;

/** The {@code --base} of {@code rules diff} is neither a folder nor a git ref that holds the rules folder. */
public class BasePackException extends RuntimeException {

    public BasePackException(String message) {
        super(message);
    }
}
