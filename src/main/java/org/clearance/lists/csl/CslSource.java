package org.clearance.lists.csl;

import java.util.Locale;

/**
 * Maps the CSL {@code source} column ("Entity List (EL) - Bureau of Industry and Security") to a stable
 * short code ({@code US-BIS-EL}) so entries from the CSL and from the agencies' own files line up.
 */
final class CslSource {

    private CslSource() {
    }

    static String code(String sourceColumn) {
        String s = sourceColumn.toUpperCase(Locale.ROOT);
        String agency = s.contains("BUREAU OF INDUSTRY") ? "BIS"
                : s.contains("TREASURY") ? "OFAC"
                : s.contains("STATE DEPARTMENT") ? "STATE" : "OTHER";
        int open = s.indexOf('(');
        int close = s.indexOf(')', open + 1);
        String list = open >= 0 && close > open ? s.substring(open + 1, close).strip()
                : s.replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
        return "US-" + agency + "-" + list;
    }
}
