package org.clearance.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.MultivaluedMap;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's order form, turned into the same JSON an API client sends, so that one parser checks both. Empty
 * fields are left out (the order format says: omit what you do not know); anything else is passed on as typed, and the
 * parser's problems name the field.
 */
record OrderForm(Map<String, String> values) {

    /** Rows of the form's line table. */
    static final int LINES = 3;
    static final List<String> PARTY_FIELDS = List.of("name", "country");
    static final List<String> LINE_FIELDS = List.of("description", "hs_code", "eccn", "quantity", "unit", "value",
            "currency", "origin_country");
    private static final List<String> NUMBERS = List.of("quantity", "value");
    private static final ObjectMapper JSON = new ObjectMapper();

    static OrderForm empty() {
        return new OrderForm(Map.of());
    }

    /** The submitted fields, trimmed; nothing else the form does not have. */
    static OrderForm of(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, list) -> {
            if (!list.isEmpty() && list.get(0) != null && !list.get(0).isBlank()) {
                values.put(name, list.get(0).strip());
            }
        });
        return new OrderForm(values);
    }

    /** A field's value as typed, for showing the form again; empty when not given. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    /** Field {@code field} of line row {@code n} (1-based), as typed. */
    public String line(int n, String field) {
        return get("line." + n + "." + field);
    }

    public boolean checked(String name) {
        return "true".equals(values.get(name));
    }

    byte[] json() {
        ObjectNode order = JSON.createObjectNode();
        text(order, "id", "id");
        text(order, "date", "date");
        party(order, "seller");
        party(order, "buyer");
        if (values.containsKey("buyer.type")) {
            ((ObjectNode) order.with("buyer")).put("type", values.get("buyer.type"));
        }
        if (values.containsKey("consignee.name") || values.containsKey("consignee.country")) {
            ObjectNode consignee = order.putArray("consignees").addObject();
            PARTY_FIELDS.forEach(f -> text(consignee, f, "consignee." + f));
        }
        party(order, "end_user");
        if (values.containsKey("route")) {
            var route = order.putArray("route");
            Arrays.stream(values.get("route").split("[\\s,>→-]+")).filter(s -> !s.isBlank())
                    .forEach(stop -> route.add(stop.toUpperCase(Locale.ROOT)));
        }
        var lines = order.putArray("lines");
        for (int n = 1; n <= LINES; n++) {
            ObjectNode line = JSON.createObjectNode();
            for (String field : LINE_FIELDS) {
                String name = "line." + n + "." + field;
                if (values.containsKey(name)) {
                    if (NUMBERS.contains(field) && isNumber(values.get(name))) {
                        line.put(field, new BigDecimal(values.get(name)));
                    } else {
                        line.put(field, values.get(name));
                    }
                }
            }
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        if (values.containsKey("end_use.statement")) {
            order.putObject("end_use").put("statement", values.get("end_use.statement"));
        }
        if (values.containsKey("payment.method") || values.containsKey("payment.bank_country")) {
            ObjectNode payment = order.putObject("payment");
            text(payment, "method", "payment.method");
            text(payment, "bank_country", "payment.bank_country");
        }
        if (checked("contract.no_russia_clause")) {
            order.putObject("contract").put("no_russia_clause", true);
        }
        try {
            return JSON.writeValueAsBytes(order);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of text and numbers always serialises", e);
        }
    }

    private void party(ObjectNode order, String role) {
        if (PARTY_FIELDS.stream().anyMatch(f -> values.containsKey(role + "." + f))) {
            ObjectNode party = order.putObject(role);
            PARTY_FIELDS.forEach(f -> text(party, f, role + "." + f));
        }
    }

    private void text(ObjectNode node, String field, String name) {
        if (values.containsKey(name)) {
            node.put(field, values.get(name));
        }
    }

    private static boolean isNumber(String text) {
        return text.matches("-?[0-9]{1,20}(\\.[0-9]{1,20})?");
    }
}
