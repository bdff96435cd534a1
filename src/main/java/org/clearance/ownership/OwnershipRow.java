package org.clearance.ownership;

import java.math.BigDecimal;

/** One line of an ownership file: {@code owner} holds {@code share} percent (0 to 100) of {@code entity}. */
public record OwnershipRow(long line, String entity, String owner, BigDecimal share, String source) {
}
