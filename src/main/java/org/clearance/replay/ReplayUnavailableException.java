package org.clearance.replay;

/** A screening cannot be replayed as it was made (its rule pack's files were never kept). */
public class ReplayUnavailableException extends RuntimeException {

    public ReplayUnavailableException(String message) {
        super(message);
    }
}
