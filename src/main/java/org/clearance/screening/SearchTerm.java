package org.clearance.screening;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One row of what {@code GET /api/v1/screenings} searches a stored order by: a party (its role, its name folded for
 * case-insensitive search, its country) or a route stop (its country). Derived from the stored order JSON when the
 * screening is stored (and by migration V13 for older screenings), so it holds nothing the order does not.
 */
@Embeddable
public class SearchTerm {

    /** A party role (SELLER, BUYER, CONSIGNEE, END_USER, FREIGHT_FORWARDER, PAYER) or ROUTE for a route stop. */
    @Column(nullable = false, length = 32)
    public String kind;

    /** The party name as {@link OrderSearchTerms#fold} makes it; null for a route stop. */
    @Column(name = "name_key", length = OrderSearchTerms.MAX_KEY)
    public String nameKey;

    /** ISO 3166-1 alpha-2; null when the order gave none (a party always has one in a valid order). */
    @Column(length = 2)
    public String country;

    static SearchTerm of(OrderSearchTerms.Term term) {
        SearchTerm stored = new SearchTerm();
        stored.kind = term.kind();
        stored.nameKey = term.nameKey();
        stored.country = term.country();
        return stored;
    }
}
