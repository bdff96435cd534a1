package org.clearance.facts;

/**
 * Derived fact: a country link of an order ({@code via}, a party or a route stop) to Russia or Belarus, the
 * countries of {@code rules/data/common/russia-belarus.csv}. Inserted by the classification rule {@code ALL-RB-00}
 * so that what counts as Russia or Belarus is decided in one place; provisions pick the links they need
 * ({@code link in (Link.DESTINATION, Link.CONSIGNEE, Link.END_USER)} for "goes to").
 * Deliberately not a {@link CountryLink} itself: patterns on {@code CountryLink} would then match it twice.
 */
public record RussiaBelarusLink(CountryLink via) implements OrderScoped {

    @Override
    public String orderId() {
        return via.orderId();
    }

    public Link link() {
        return via.link();
    }

    public String country() {
        return via.country();
    }

    /** The link's own label (e.g. {@code route destination RU} or {@code end user … (RU)}) for finding messages. */
    public String label() {
        return via.label();
    }
}
