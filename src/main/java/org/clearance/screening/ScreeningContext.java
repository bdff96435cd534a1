package org.clearance.screening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.clearance.audit.CanonicalJson;
import org.clearance.facts.BuyerHistory;
import org.clearance.facts.CountryRisk;
import org.clearance.licences.LicenceView;

/**
 * What the rules were given for one order besides the order, the rule pack and the lists: the country risks computed
 * from trade statistics (one list for the whole batch, in the order the session got it), the buyer's history (null
 * when the rules got none) and the register's licences the order's authorisations were resolved from (null when it
 * cites none). A later trade import, re-screening or shipment changes them, so each screening stores them
 * ({@link ScreeningService}) and a replay gives the rules the stored ones.
 */
public record ScreeningContext(List<CountryRisk> countryRisks, BuyerHistory buyerHistory,
                               List<LicenceView> citedLicences) {

    public ScreeningContext {
        countryRisks = List.copyOf(countryRisks);
        citedLicences = citedLicences == null ? null : List.copyOf(citedLicences);
    }

    /** For an order that cites no authorisation. */
    public ScreeningContext(List<CountryRisk> countryRisks, BuyerHistory buyerHistory) {
        this(countryRisks, buyerHistory, null);
    }

    /** The country risks as canonical JSON: the same list always gives the same text, and so the same SHA-256. */
    public static String countryRisksJson(List<CountryRisk> risks) {
        ArrayNode array = CanonicalJson.object().arrayNode();
        for (CountryRisk risk : risks) {
            array.addObject().put("country", risk.country()).put("score", risk.score()).put("evidence", risk.evidence());
        }
        return CanonicalJson.write(array);
    }

    public static List<CountryRisk> countryRisks(String json) {
        List<CountryRisk> risks = new ArrayList<>();
        for (JsonNode risk : CanonicalJson.parse(json)) {
            risks.add(new CountryRisk(risk.get("country").asText(), risk.get("score").asInt(), risk.get("evidence").asText()));
        }
        return List.copyOf(risks);
    }

    /** The buyer history as canonical JSON; null when the rules were given none. Quantities stay exact. */
    public static String buyerHistoryJson(BuyerHistory history) {
        if (history == null) {
            return null;
        }
        ObjectNode node = CanonicalJson.object();
        node.put("order_id", history.orderId());
        node.put("buyer_key", history.buyerKey());
        node.put("previous_orders", history.previousOrders());
        node.put("previous_chp_orders", history.previousChpOrders());
        node.put("previous_chp_quantity", history.previousChpQuantity());
        return CanonicalJson.write(node);
    }

    public static BuyerHistory buyerHistory(String json) {
        if (json == null) {
            return null;
        }
        JsonNode node = CanonicalJson.parse(json);
        return new BuyerHistory(node.get("order_id").asText(), node.get("buyer_key").asText(),
                node.get("previous_orders").asInt(), node.get("previous_chp_orders").asInt(),
                node.get("previous_chp_quantity").decimalValue());
    }
}
