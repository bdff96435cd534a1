package org.clearance.streaming;

/** A record to publish once the screening is durable: which topic (by kind), its key and its JSON value. */
public record Publication(Kind kind, String key, String json) {

    /** The three outgoing topics. */
    public enum Kind {
        /** {@code clearance.screenings}: the screening, as the API shows it. */
        SCREENING,
        /** {@code clearance.events}: one decision event per screening. */
        EVENT,
        /** {@code clearance.orders.dlq}: an order that could not be screened, with its problems. */
        DEAD_LETTER
    }
}
