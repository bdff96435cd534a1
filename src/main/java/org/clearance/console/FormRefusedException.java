package org.clearance.console;

/** A console form without its session's token: not sent from the console page the session opened. */
public class FormRefusedException extends RuntimeException {

    FormRefusedException(String message) {
        super(message);
    }
}
