package org.clearance.order;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One order as received, before validation: where it came from, the pointer prefix of its place
 * in the input (e.g. {@code /3} for the fourth element of an array) and its JSON, which is null
 * for an NDJSON line that is not valid JSON.
 */
public record OrderDocument(String source, String pointerPrefix, JsonNode json) {

    /** The source and position, e.g. {@code orders.json/3} or {@code batch.ndjson:7}. */
    public String location() {
        return pointerPrefix.isEmpty() ? source : source + pointerPrefix;
    }

    /**
     * The order id the document gives, stripped, even when something else in the order is invalid, so that a caller
     * can tell which of its orders failed; null when there is none or it could not be an id (not text, empty, longer
     * than the limit, control characters).
     */
    public String givenId() {
        JsonNode id = json == null || !json.isObject() ? null : json.get("id");
        if (id == null || !id.isTextual()) {
            return null;
        }
        String text = id.asText().strip();
        boolean usable = !text.isEmpty() && text.codePointCount(0, text.length()) <= OrderLimits.text("id")
                && !Printable.hasControl(text);
        return usable ? text : null;
    }
}
