package org.clearance.streaming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One record read from the orders topic: where it was, its key (the order id) and its value (the order JSON). */
public record OrderMessage(String topic, int partition, long offset, String key, String value) {

    /** Where the record was, e.g. {@code clearance.orders/1@42}: the source of its problems and of its screening. */
    public String source() {
        return topic + "/" + partition + "@" + offset;
    }

    /** The idempotency key's first half: the record key, empty when there is none. */
    public String orderKey() {
        return key == null ? "" : key;
    }

    /** The idempotency key's second half: SHA-256 of the value, so that a changed order is screened again. */
    public String contentHash() {
        try {
            byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
