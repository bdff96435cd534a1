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
 * A registered licence as the API serves it and as screening reads it: what it covers, its limits and what is left
 * of them ({@code quantity_remaining}, {@code value_remaining}; null when it has no such limit).
 */
public record LicenceView(UUID id, Jurisdiction jurisdiction, AuthorisationType type, String reference,
                          LicensedParty holder, List<String> items, List<String> destinations,
                          List<LicensedParty> consignees, List<LicensedParty> endUsers, BigDecimal quantityLimit,
                          String quantityUnit, BigDecimal quantityRemaining, BigDecimal valueLimit, String valueCurrency,
                          BigDecimal valueRemaining, LocalDate validFrom, LocalDate validUntil, String conditions,
                          Instant createdAt, String createdBy) {

    static LicenceView of(Licence licence) {
        return new LicenceView(licence.id, Jurisdiction.valueOf(licence.jurisdiction),
                AuthorisationType.valueOf(licence.type), licence.reference,
                new LicensedParty(licence.holderName, licence.holderCountry), texts(licence.items),
                texts(licence.destinations), parties(licence.consignees), parties(licence.endUsers),
                exact(licence.quantityLimit), licence.quantityUnit, exact(licence.quantityRemaining),
                exact(licence.valueLimit), licence.valueCurrency, exact(licence.valueRemaining), licence.validFrom, licence.validUntil,
                licence.conditions, licence.createdAt, licence.createdBy);
    }

    /** An amount as written, without the database's trailing zeros (5000, not 5000.000000) and never as 5E+3. */
    static BigDecimal exact(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A licence as registered, with nothing used yet, outside any database (rule test fixtures). */
    static LicenceView fixture(LicenceRequest request) {
        UUID id = UUID.nameUUIDFromBytes(request.key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new LicenceView(id, request.jurisdiction(), request.type(), request.reference(), request.holder(),
                request.items(), request.destinations(), request.consignees(), request.endUsers(), request.quantity(),
                request.quantityUnit(), request.quantity(), request.value(), request.valueCurrency(), request.value(),
                request.validFrom(), request.validUntil(), request.conditions(), Instant.EPOCH, "rule test fixture");
    }

    /** The registered licence as canonical JSON: what the audit record of its registration hashes. */
    String canonicalJson() {
        ObjectNode node = CanonicalJson.object();
        node.put("id", id.toString());
        node.put("jurisdiction", jurisdiction.name());
        node.put("type", type.name());
        node.put("reference", reference);
        node.put("holder", holder.toString());
        node.set("items", textArray(items));
        node.set("destinations", textArray(destinations));
        node.set("consignees", partyArray(consignees));
        node.set("end_users", partyArray(endUsers));
        putAmount(node, "quantity_limit", quantityLimit);
        node.put("quantity_unit", quantityUnit);
        putAmount(node, "value_limit", valueLimit);
        node.put("value_currency", valueCurrency);
        node.put("valid_from", validFrom == null ? null : validFrom.toString());
        node.put("valid_until", validUntil == null ? null : validUntil.toString());
        node.put("conditions", conditions);
        node.put("created_at", createdAt.toString());
        node.put("created_by", createdBy);
        return CanonicalJson.write(node);
    }

    private static void putAmount(ObjectNode node, String field, BigDecimal amount) {
        node.put(field, amount == null ? null : amount.stripTrailingZeros().toPlainString());
    }

    static String textJson(List<String> values) {
        return CanonicalJson.write(textArray(values));
    }

    static String partyJson(List<LicensedParty> parties) {
        return CanonicalJson.write(partyArray(parties));
    }

    private static ArrayNode textArray(List<String> values) {
        ArrayNode array = CanonicalJson.object().arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode partyArray(List<LicensedParty> parties) {
        ArrayNode array = CanonicalJson.object().arrayNode();
        parties.forEach(p -> array.addObject().put("name", p.name()).put("country", p.country()));
        return array;
    }

    private static List<String> texts(String json) {
        List<String> values = new ArrayList<>();
        CanonicalJson.parse(json).forEach(v -> values.add(v.asText()));
        return List.copyOf(values);
    }

    private static List<LicensedParty> parties(String json) {
        List<LicensedParty> parties = new ArrayList<>();
        for (JsonNode party : CanonicalJson.parse(json)) {
            parties.add(new LicensedParty(party.get("name").asText(), party.get("country").asText()));
        }
        return List.copyOf(parties);
    }
}
