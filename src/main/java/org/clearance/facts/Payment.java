package org.clearance.facts;

import java.util.List;

/**
 * Who pays, from which bank country and how. {@code otherPayers} are further parties that pay part of the
 * order; {@code lcConsignee} is the party a letter of credit consigns the goods to.
 */
public record Payment(Party payer, String bankCountry, PaymentMethod method, List<Party> otherPayers,
                      Party lcConsignee) {

    public Payment {
        otherPayers = otherPayers == null ? List.of() : List.copyOf(otherPayers);
    }

    /** A payment with a single payer and no letter-of-credit consignee. */
    public Payment(Party payer, String bankCountry, PaymentMethod method) {
        this(payer, bankCountry, method, List.of(), null);
    }
}
