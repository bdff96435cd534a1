package org.clearance.facts;

/** The buyer's end-use statement and its optional category (e.g. civil, military, research). */
public record EndUse(String statement, String category) {
}
