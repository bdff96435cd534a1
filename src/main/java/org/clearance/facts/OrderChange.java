package org.clearance.facts;

import java.time.LocalDate;

/**
 * One entry of an order's optional change log: a party or the destination changed on {@code date}, from
 * {@code from} in {@code fromCountry} to {@code to} in {@code toCountry} (names and countries optional).
 * Rules read it with {@code OrderChange( ... ) from $order.changeLog}.
 */
public record OrderChange(String orderId, int index, ChangedField field, String from, String fromCountry,
                          String to, String toCountry, LocalDate date) implements Subject {

    /** True when the change moved the field away from {@code country} (e.g. a shipment redirected from RU). */
    public boolean awayFrom(String country) {
        return country != null && country.equals(fromCountry) && !country.equals(toCountry);
    }

    @Override
    public String pointer() {
        return "/change_log/" + index;
    }

    @Override
    public String label() {
        return "change " + (index + 1) + ": " + field.label() + " " + side(from, fromCountry) + " -> "
                + side(to, toCountry) + " on " + date;
    }

    private static String side(String name, String country) {
        String who = name == null ? "?" : name;
        return country == null ? who : who + " (" + country + ")";
    }

    /** The same change in another order. */
    public OrderChange withOrderId(String id) {
        return new OrderChange(id, index, field, from, fromCountry, to, toCountry, date);
    }
}
