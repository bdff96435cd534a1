package org.clearance.facts;

/** Who pays, from which bank country and how. */
public record Payment(Party payer, String bankCountry, PaymentMethod method) {
}
