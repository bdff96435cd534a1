package org.clearance.webhooks;

/** A webhook request Clearance will not carry out (400 or 409, as {@code conflict} says); nothing changed. */
public class WebhookRefusedException extends RuntimeException {

    private final boolean conflict;

    public WebhookRefusedException(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    public boolean conflict() {
        return conflict;
    }
}
