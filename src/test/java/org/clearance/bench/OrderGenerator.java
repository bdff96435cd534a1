package org.clearance.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.clearance.facts.Contract;
import org.clearance.facts.EndUse;
import org.clearance.facts.Line;
import org.clearance.facts.Order;
import org.clearance.facts.Party;
import org.clearance.facts.PartyType;
import org.clearance.facts.Payment;
import org.clearance.facts.PaymentMethod;
import org.clearance.facts.RouteStop;

/**
 * Generates varied, valid orders for the benchmark: a mix of CHP and ordinary goods, EU and other
 * sellers, clean destinations, diversion-risk hubs and Russia/Belarus, so every rule gets work.
 */
final class OrderGenerator {

    private static final String[] CHP = {"854231", "854232", "854239", "851762", "852691", "853224", "847150", "850440"};
    private static final String[] ORDINARY = {"940360", "090121", "300490", "847130", "611020", "870899", "392690"};
    private static final String[] SELLERS = {"DE", "FR", "IT", "NL", "PL", "US", "JP", "GB", "CN", "TR"};
    private static final String[] BUYERS = {"US", "CH", "KZ", "AE", "TR", "AM", "GE", "RS", "IN", "BR", "FR", "RU", "BY"};
    private static final String[] ECCNS = {"EAR99", "EAR99", "EAR99", "5A992.c", "3A991", "3A001"};

    private final Random random;

    OrderGenerator(long seed) {
        this.random = new Random(seed);
    }

    List<Order> orders(int count) {
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(order("GEN-" + i));
        }
        return orders;
    }

    private Order order(String id) {
        String sellerCountry = pick(SELLERS);
        String buyerCountry = pick(BUYERS);
        boolean reExport = random.nextInt(10) == 0;
        String destination = reExport ? pick(new String[] {"RU", "BY", "KG"}) : buyerCountry;
        Party seller = party("Seller " + id, sellerCountry, PartyType.MANUFACTURER);
        Party buyer = party("Buyer " + id, buyerCountry, PartyType.DISTRIBUTOR);
        Party endUser = party("End user " + id, destination,
                random.nextInt(20) == 0 ? PartyType.FREIGHT_FORWARDER : PartyType.MANUFACTURER);
        List<RouteStop> route = new ArrayList<>();
        route.add(new RouteStop(id, 0, sellerCountry, null, RouteStop.Leg.ORIGIN));
        if (reExport) {
            route.add(new RouteStop(id, 1, buyerCountry, null, RouteStop.Leg.TRANSIT));
        }
        route.add(new RouteStop(id, route.size(), destination, null, RouteStop.Leg.DESTINATION));
        int lineCount = 1 + random.nextInt(3);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            String hs = (random.nextBoolean() ? pick(CHP) : pick(ORDINARY)) + "00";
            lines.add(new Line(id, i, "item " + i, hs, pick(ECCNS), null, BigDecimal.valueOf(1 + random.nextInt(1000)),
                    "pcs", BigDecimal.valueOf(100 + random.nextInt(100_000)), "EUR", sellerCountry));
        }
        Party payer = random.nextInt(15) == 0 ? party("Payer " + id, "AE", PartyType.TRADER) : buyer;
        return new Order(id, LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)), seller, buyer,
                List.of(buyer), endUser, null, route, lines, new EndUse("resale", "civil"),
                new Payment(payer, buyerCountry, PaymentMethod.WIRE_TRANSFER), new Contract(random.nextBoolean()), "DAP");
    }

    private Party party(String name, String country, PartyType type) {
        return new Party(name, country, null, null, type, null, null);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
