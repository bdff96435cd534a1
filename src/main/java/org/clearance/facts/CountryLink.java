package org.clearance.facts;

/**
 * A country tied to an order, by route or by party. Rules match it to ask "does this order touch
 * country X, and how?" without caring whether the tie is a route stop or a party.
 */
public interface CountryLink extends Subject {

    String country();

    Link link();
}
