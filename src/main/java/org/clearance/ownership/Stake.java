package org.clearance.ownership;

import java.math.BigDecimal;

/** One row of the ownership file: {@code owner} holds {@code share} percent of an entity, as {@code source} says. */
public record Stake(String owner, BigDecimal share, String source) {
}
