package org.clearance.facts;

/** How an order is paid; cash and crypto are red flags for expensive items (BIS red flags). */
public enum PaymentMethod {
    WIRE_TRANSFER, LETTER_OF_CREDIT, OPEN_ACCOUNT, ADVANCE_PAYMENT, CASH, CRYPTO, OTHER
}
