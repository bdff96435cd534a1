package org.clearance.facts;

import java.util.Locale;

/**
 * Whether a reference data file holds the whole official list ({@code complete}), part of it ({@code partial}) or
 * none of it yet ({@code empty}), as its {@code # completeness:} header declares, with the reason. The engine
 * inserts one per data file, so that rules fail closed where a list they rely on is incomplete:
 * {@code DataCompleteness( dataset == "us/supp4-industry-sector-hts6", !complete )}.
 */
public record DataCompleteness(String dataset, String level, String reason) {

    public static final String COMPLETE = "complete";
    public static final String EMPTY = "empty";

    public boolean complete() {
        return COMPLETE.equals(level);
    }

    /**
     * Reads a header value such as {@code partial - 13 of about 2,405 codes}; null when the level is not one of
     * complete, partial or empty, or when a partial or empty file gives no reason.
     */
    public static DataCompleteness parse(String dataset, String header) {
        if (header == null) {
            return null;
        }
        String[] parts = header.strip().split("[\\s:;,(\\-\u2013\u2014]+", 2);
        String level = parts[0].toLowerCase(Locale.ROOT);
        String reason = parts.length > 1 ? parts[1].strip().replaceFirst("^[-\u2013\u2014:;,\\s]+", "").replaceFirst("\\)$", "") : "";
        if (!level.equals(COMPLETE) && !level.equals("partial") && !level.equals(EMPTY)) {
            return null;
        }
        if (!level.equals(COMPLETE) && reason.isEmpty()) {
            return null;
        }
        return new DataCompleteness(dataset, level, reason);
    }
}
