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
}
