package org.clearance.rules.reload;

/** Another rule pack check is running on this server; try again later (HTTP 429). */
public class PackCheckBusyException extends RuntimeException {

    public PackCheckBusyException() {
        super("Another rule pack check (validate or reload) is running on this server; only one runs at a time. "
                + "Try again in " + PackCheckSlot.RETRY_AFTER_SECONDS + " s.");
    }
}
