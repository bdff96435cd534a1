package org.clearance.facts;

/** One country on the shipping route, origin first and final destination last. */
public record RouteStop(String orderId, int index, String country, String region, Leg leg) implements CountryLink {

    @Override
    public Link link() {
        return Link.valueOf(leg.name());
    }


    /** Where the stop sits on the route. */
    public enum Leg { ORIGIN, TRANSIT, DESTINATION }

    public boolean transit() {
        return leg == Leg.TRANSIT;
    }

    @Override
    public String pointer() {
        return "/route/" + index;
    }

    @Override
    public String label() {
        return "route " + leg.name().toLowerCase() + " " + country;
    }

    /** The same stop in another order. */
    public RouteStop withOrderId(String id) {
        return new RouteStop(id, index, country, region, leg);
    }
}
