package org.clearance.licences;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearance.audit.CanonicalJson;
import org.clearance.facts.AuthorisationType;
import org.clearance.facts.Jurisdiction;

/**
 * What the licence register said, at screening time, about the licences an order cites: the licences found, with what
 * was left of them, as canonical JSON. A screening stores it, since a shipment since then uses licences up, so that a
 * replay resolves the cited licences as they were ({@link LicenceLookup#of}).
 */
public final class RecordedLicences {

    private RecordedLicences() {
    }

    /** The licences as canonical JSON (an array, empty when none was found); null for null: nothing to record. */
    public static String json(List<LicenceView> licences) {
        if (licences == null) {
            return null;
        }
        ArrayNode array = CanonicalJson.object().arrayNode();
        for (LicenceView licence : licences) {
            ObjectNode node = array.addObject();
            node.put("id", licence.id().toString());
            node.put("jurisdiction", licence.jurisdiction().name());
            node.put("type", licence.type().name());
            node.put("reference", licence.reference());
            node.set("holder", party(licence.holder()));
            node.set("items", texts(licence.items()));
            node.set("destinations", texts(licence.destinations()));
            node.set("consignees", parties(licence.consignees()));
            node.set("end_users", parties(licence.endUsers()));
            node.put("quantity_limit", licence.quantityLimit());
            node.put("quantity_unit", licence.quantityUnit());
            node.put("quantity_remaining", licence.quantityRemaining());
            node.put("value_limit", licence.valueLimit());
            node.put("value_currency", licence.valueCurrency());
            node.put("value_remaining", licence.valueRemaining());
            node.put("valid_from", text(licence.validFrom()));
            node.put("valid_until", text(licence.validUntil()));
            node.put("conditions", licence.conditions());
            node.put("created_at", licence.createdAt().toString());
            node.put("created_by", licence.createdBy());
        }
        return CanonicalJson.write(array);
    }

    /** The licences of {@link #json}, as they were. */
    public static List<LicenceView> read(String json) {
        List<LicenceView> licences = new ArrayList<>();
        for (JsonNode node : CanonicalJson.parse(json)) {
            licences.add(new LicenceView(UUID.fromString(node.get("id").asText()),
                    Jurisdiction.valueOf(node.get("jurisdiction").asText()),
                    AuthorisationType.valueOf(node.get("type").asText()), node.get("reference").asText(),
                    party(node.get("holder")), texts(node.get("items")), texts(node.get("destinations")),
                    parties(node.get("consignees")), parties(node.get("end_users")), amount(node, "quantity_limit"),
                    text(node, "quantity_unit"), amount(node, "quantity_remaining"), amount(node, "value_limit"),
                    text(node, "value_currency"), amount(node, "value_remaining"), date(node, "valid_from"),
                    date(node, "valid_until"), text(node, "conditions"), Instant.parse(node.get("created_at").asText()),
                    node.get("created_by").asText()));
        }
        return List.copyOf(licences);
    }

    private static ObjectNode party(LicensedParty party) {
        return CanonicalJson.object().put("name", party.name()).put("country", party.country());
    }

    private static LicensedParty party(JsonNode node) {
        return new LicensedParty(node.get("name").asText(), node.get("country").asText());
    }

    private static ArrayNode parties(List<LicensedParty> parties) {
        ArrayNode array = CanonicalJson.object().arrayNode();
        parties.forEach(p -> array.add(party(p)));
        return array;
    }

    private static List<LicensedParty> parties(JsonNode array) {
        List<LicensedParty> parties = new ArrayList<>();
        array.forEach(p -> parties.add(party(p)));
        return List.copyOf(parties);
    }

    private static ArrayNode texts(List<String> values) {
        ArrayNode array = CanonicalJson.object().arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        return text == null ? null : LocalDate.parse(text);
    }

    /** Exact, as the register gives it (5000, never 5E+3). */
    private static BigDecimal amount(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : LicenceView.exact(value.decimalValue());
    }
}
