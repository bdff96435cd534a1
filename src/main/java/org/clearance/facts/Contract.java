package org.clearance.facts;

/** Contract terms that rules read. {@code noRussiaClause} is null when the order does not say. */
public record Contract(Boolean noRussiaClause) {

    public boolean hasNoRussiaClause() {
        return Boolean.TRUE.equals(noRussiaClause);
    }
}
