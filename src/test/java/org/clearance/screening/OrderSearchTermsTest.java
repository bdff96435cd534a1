package org.clearance.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** What a stored order is searched by: every party's folded name and country, and every route country. */
class OrderSearchTermsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldListEveryPartyAndRouteStopInOrder() throws Exception {
        var order = JSON.readTree("""
                {"id": "O-1", "seller": {"name": "Müller GmbH", "country": "DE"},
                 "buyer": {"name": "  ＡＣＭＥ Trading  ", "country": "TR"},
                 "consignees": [{"name": "First Consignee", "country": "AE"}, {"name": "Second", "country": "KZ"}],
                 "end_user": {"name": "End User LLC", "country": "KZ"},
                 "freight_forwarder": {"name": "Fast Freight", "country": "GE"},
                 "payment": {"payer": {"name": "Payer Ltd", "country": "CY"},
                             "other_payers": [{"name": "Other Payer", "country": "HK"}], "bank_country": "CH"},
                 "ship_from": "PL",
                 "route": ["PL", {"country": "GE"}, "KZ"],
                 "lines": []}
                """);

        assertThat(OrderSearchTerms.of(order)).containsExactly(
                new OrderSearchTerms.Term("SELLER", "müller gmbh", "DE"),
                new OrderSearchTerms.Term("BUYER", "acme trading", "TR"),
                new OrderSearchTerms.Term("CONSIGNEE", "first consignee", "AE"),
                new OrderSearchTerms.Term("CONSIGNEE", "second", "KZ"),
                new OrderSearchTerms.Term("END_USER", "end user llc", "KZ"),
                new OrderSearchTerms.Term("FREIGHT_FORWARDER", "fast freight", "GE"),
                new OrderSearchTerms.Term("PAYER", "payer ltd", "CY"),
                new OrderSearchTerms.Term("PAYER", "other payer", "HK"),
                new OrderSearchTerms.Term("ROUTE", null, "PL"),
                new OrderSearchTerms.Term("ROUTE", null, "PL"),
                new OrderSearchTerms.Term("ROUTE", null, "GE"),
                new OrderSearchTerms.Term("ROUTE", null, "KZ"));
    }

    @Test
    void shouldSkipWhatIsNotAPartyOrACountryCode() throws Exception {
        var order = JSON.readTree("""
                {"seller": "S", "buyer": {"name": 42, "country": "uk"}, "consignees": {"name": "x"},
                 "route": [null, 7, "Germany", {"country": "DE"}]}
                """);

        assertThat(OrderSearchTerms.of(order)).containsExactly(
                new OrderSearchTerms.Term("BUYER", null, null),
                new OrderSearchTerms.Term("ROUTE", null, "DE"));
        assertThat(OrderSearchTerms.of(JSON.readTree("[1, 2]"))).isEmpty();
        assertThat(OrderSearchTerms.of(null)).isEmpty();
    }

    @Test
    void shouldCutAVeryLongNameWithoutSplittingACharacter() throws Exception {
        String name = "a".repeat(OrderSearchTerms.MAX_KEY - 1) + "😀😀";
        var order = JSON.createObjectNode();
        order.putObject("seller").put("name", name).put("country", "DE");

        String key = OrderSearchTerms.of(order).get(0).nameKey();

        assertThat(key).hasSize(OrderSearchTerms.MAX_KEY - 1).isEqualTo("a".repeat(OrderSearchTerms.MAX_KEY - 1));
    }

    @Test
    void shouldEscapeLikeWildcardsInTheSearchedName() {
        assertThat(OrderSearchTerms.likeLiteral("50%_off!")).isEqualTo("50!%!_off!!");
    }
}
