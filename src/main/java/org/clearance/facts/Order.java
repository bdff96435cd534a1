package org.clearance.facts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A validated order, as rules see it. Rules never modify it; they read it and the facts derived
 * from it ({@link OrderParty}, {@link Line}, {@link RouteStop}). {@code date} is the as-of date.
 */
public record Order(String id, LocalDate date, Party seller, Party buyer, List<Party> consignees,
                    Party endUser, Party freightForwarder, List<RouteStop> route, List<Line> lines,
                    EndUse endUse, Payment payment, Contract contract, String incoterm, List<OrderChange> changeLog,
                    List<CitedAuthorisation> authorisations)
        implements Subject {

    public Order {
        consignees = List.copyOf(consignees);
        route = List.copyOf(route);
        lines = List.copyOf(lines);
        contract = contract == null ? new Contract(null) : contract;
        changeLog = changeLog == null ? List.of() : List.copyOf(changeLog);
        authorisations = authorisations == null ? List.of() : List.copyOf(authorisations);
    }

    /** An order that cites no authorisation. */
    public Order(String id, java.time.LocalDate date, Party seller, Party buyer, List<Party> consignees,
                 Party endUser, Party freightForwarder, List<RouteStop> route, List<Line> lines,
                 EndUse endUse, Payment payment, Contract contract, String incoterm, List<OrderChange> changeLog) {
        this(id, date, seller, buyer, consignees, endUser, freightForwarder, route, lines, endUse, payment, contract,
                incoterm, changeLog, List.of());
    }

    /** An order without a change log. */
    public Order(String id, java.time.LocalDate date, Party seller, Party buyer, List<Party> consignees,
                 Party endUser, Party freightForwarder, List<RouteStop> route, List<Line> lines,
                 EndUse endUse, Payment payment, Contract contract, String incoterm) {
        this(id, date, seller, buyer, consignees, endUser, freightForwarder, route, lines, endUse, payment, contract,
                incoterm, List.of());
    }

    @Override
    public String orderId() {
        return id;
    }

    /** Final destination: the last stop of the route. */
    public String destination() {
        return route.isEmpty() ? null : route.get(route.size() - 1).country();
    }

    /** The end-use category lower-cased and trimmed (the key of exemption data files), or null. */
    public String endUseCategory() {
        return endUse == null || endUse.category() == null ? null
                : endUse.category().strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** The origin: the first stop of the route. */
    public String origin() {
        return route.isEmpty() ? null : route.get(0).country();
    }

    /** Every party that pays: the payer and the other payers (at least two is a complex payment scheme). */
    public int payerCount() {
        return payment == null ? 0 : (payment.payer() == null ? 0 : 1) + payment.otherPayers().size();
    }

    public Party payer() {
        return payment == null ? null : payment.payer();
    }

    /** Every party with its role, in a stable order; the facts the engine inserts. */
    public List<OrderParty> parties() {
        List<OrderParty> parties = new ArrayList<>();
        add(parties, PartyRole.SELLER, 0, seller, false);
        add(parties, PartyRole.BUYER, 0, buyer, false);
        for (int i = 0; i < consignees.size(); i++) {
            add(parties, PartyRole.CONSIGNEE, i, consignees.get(i), i == consignees.size() - 1);
        }
        add(parties, PartyRole.END_USER, 0, endUser, true);
        add(parties, PartyRole.FREIGHT_FORWARDER, 0, freightForwarder, false);
        add(parties, PartyRole.PAYER, 0, payer(), false);
        List<Party> others = payment == null ? List.of() : payment.otherPayers();
        for (int i = 0; i < others.size(); i++) {
            add(parties, PartyRole.PAYER, i + 1, others.get(i), false);
        }
        return parties;
    }

    private void add(List<OrderParty> parties, PartyRole role, int index, Party party, boolean finalRecipient) {
        if (party != null) {
            parties.add(new OrderParty(id, role, index, party, finalRecipient));
        }
    }

    @Override
    public String pointer() {
        return "";
    }

    @Override
    public String label() {
        return "order " + id;
    }

    /**
     * The same order under another id, its route, lines and change log included (parties take the id from the
     * order), so that copies of one order can share a session.
     */
    public Order withId(String newId) {
        return new Order(newId, date, seller, buyer, consignees, endUser, freightForwarder,
                route.stream().map(s -> s.withOrderId(newId)).toList(), lines.stream().map(l -> l.withOrderId(newId)).toList(),
                endUse, payment, contract, incoterm, changeLog.stream().map(c -> c.withOrderId(newId)).toList(),
                authorisations);
    }
}
