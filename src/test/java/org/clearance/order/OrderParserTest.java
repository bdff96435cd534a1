package org.clearance.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.clearance.order.OrderFixtures.ABSENT;
import static org.clearance.order.OrderFixtures.TODAY;
import static org.clearance.order.OrderFixtures.json;
import static org.clearance.order.OrderFixtures.minimal;
import static org.clearance.order.OrderFixtures.parse;
import static org.clearance.order.OrderFixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.clearance.facts.AddressType;
import org.clearance.facts.ChangedField;
import org.clearance.facts.Contract;
import org.clearance.facts.EndUse;
import org.clearance.facts.Line;
import org.clearance.facts.Order;
import org.clearance.facts.OrderChange;
import org.clearance.facts.OrderParty;
import org.clearance.facts.PartyRole;
import org.clearance.facts.Party;
import org.clearance.facts.PartyType;
import org.clearance.facts.Payment;
import org.clearance.facts.PaymentMethod;
import org.clearance.facts.RouteStop;
import org.clearance.facts.RouteStop.Leg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** OrderParser against docs/order-format.md: what a valid order maps to, and one case per kind of bad input. */
class OrderParserTest {

    private static final String FULL = """
            {
              "id": "SO-2025-0042",
              "date": "2025-06-10",
              "seller": {"name": "Rheinwerk GmbH", "country": "DE", "region": "Bavaria", "address": "Hafenstr. 1, Passau",
                         "type": "manufacturer", "incorporated": "1998-04-01",
                         "identifiers": {"vat": "DE123456789", "lei": "5299000000000000XX01"}},
              "buyer": {"name": "Anadolu Dagitim A.S.", "country": "TR", "type": "distributor"},
              "consignees": [{"name": "Anadolu Dagitim A.S.", "country": "TR"},
                             {"name": "Bishkek Logistic LLC", "country": "KG", "type": "freight_forwarder"}],
              "end_user": {"name": "OOO Ilmen", "country": "RU", "region": "Moscow", "type": "military"},
              "freight_forwarder": {"name": "Bosporus Cargo Ltd", "country": "TR", "type": "freight_forwarder"},
              "route": ["DE", {"country": "TR", "region": "Istanbul"}, {"country": "KG"}, "RU"],
              "lines": [
                {"description": "Microcontrollers, 32-bit", "hs_code": "8542.31 00", "eccn": "ear99",
                 "eu_control_entry": "3A001.a.2", "quantity": 500, "unit": "pcs", "value": 1250.50,
                 "currency": "EUR", "origin_country": "TW"},
                {"description": "FPGA", "eccn": "3A001.a.7", "quantity": 2, "unit": "pcs"}
              ],
              "end_use": {"statement": "Spare parts for lathes", "category": "industrial"},
              "payment": {"payer": {"name": "Tashkent Trade Co", "country": "UZ", "type": "trader"},
                          "bank_country": "AE", "method": "letter_of_credit"},
              "contract": {"no_russia_clause": false},
              "incoterm": "DAP"
            }""";

    // --- valid orders ---

    @Test
    void shouldMapEveryFieldOfAFullOrder() {
        ParsedOrder parsed = parse(json(FULL));

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.valid()).isTrue();
        Party seller = new Party("Rheinwerk GmbH", "DE", "Bavaria", "Hafenstr. 1, Passau", PartyType.MANUFACTURER,
                LocalDate.of(1998, 4, 1), Map.of("vat", "DE123456789", "lei", "5299000000000000XX01"), null, null, null,
                null, List.of(), // the VAT number fits its scheme and is matched; the made-up LEI does not and is not
                List.of(new org.clearance.facts.PartyIdentifier(org.clearance.facts.IdentifierType.VAT, "DE123456789", null)));
        Party buyer = new Party("Anadolu Dagitim A.S.", "TR", null, null, PartyType.DISTRIBUTOR, null, Map.of());
        Party consignee0 = new Party("Anadolu Dagitim A.S.", "TR", null, null, null, null, Map.of());
        Party consignee1 = new Party("Bishkek Logistic LLC", "KG", null, null, PartyType.FREIGHT_FORWARDER, null, Map.of());
        Party endUser = new Party("OOO Ilmen", "RU", "Moscow", null, PartyType.MILITARY, null, Map.of());
        Party forwarder = new Party("Bosporus Cargo Ltd", "TR", null, null, PartyType.FREIGHT_FORWARDER, null, Map.of());
        Party payer = new Party("Tashkent Trade Co", "UZ", null, null, PartyType.TRADER, null, Map.of());
        Order expected = new Order("SO-2025-0042", LocalDate.of(2025, 6, 10), seller, buyer, List.of(consignee0, consignee1),
                endUser, forwarder,
                List.of(new RouteStop("SO-2025-0042", 0, "DE", null, Leg.ORIGIN),
                        new RouteStop("SO-2025-0042", 1, "TR", "Istanbul", Leg.TRANSIT),
                        new RouteStop("SO-2025-0042", 2, "KG", null, Leg.TRANSIT),
                        new RouteStop("SO-2025-0042", 3, "RU", null, Leg.DESTINATION)),
                List.of(new Line("SO-2025-0042", 0, "Microcontrollers, 32-bit", "85423100", "EAR99", "3A001.a.2",
                                new BigDecimal("500"), "pcs", new BigDecimal("1250.5"), "EUR", "TW"),
                        new Line("SO-2025-0042", 1, "FPGA", null, "3A001.a.7", null, new BigDecimal("2"), "pcs", null,
                                null, null)),
                new EndUse("Spare parts for lathes", "industrial"),
                new Payment(payer, "AE", PaymentMethod.LETTER_OF_CREDIT),
                new Contract(false), "DAP");
        assertThat(parsed.order()).isEqualTo(expected);
        assertThat(parsed.order().lines().get(0).hs6()).isEqualTo("854231");
        assertThat(parsed.order().lines().get(0).cclListed()).isFalse();
        assertThat(parsed.order().lines().get(1).cclListed()).isTrue();
        assertThat(parsed.order().destination()).isEqualTo("RU");
    }

    @Test
    void shouldAcceptTheSmallestOrderAndLeaveOptionalPartsEmpty() {
        Order order = parse(minimal()).order();

        assertThat(order.consignees()).isEmpty();
        assertThat(order.endUser()).isNull();
        assertThat(order.freightForwarder()).isNull();
        assertThat(order.endUse()).isNull();
        assertThat(order.payment()).isNull();
        assertThat(order.contract()).isEqualTo(new Contract(null));
        assertThat(order.contract().hasNoRussiaClause()).isFalse();
        assertThat(order.incoterm()).isNull();
        assertThat(order.lines()).singleElement().extracting(Line::hsCode).isEqualTo("854231");
    }

    @ParameterizedTest
    @CsvSource({"8542.31.00, 85423100", "8542 31 90, 85423190", "854231, 854231", "8542310000, 8542310000"})
    void shouldStripDotsAndSpacesFromHsCodesAndKeepTheFirstSixDigitsAsHs6(String raw, String normalised) {
        Line line = parse(with(minimal(), "/lines/0/hs_code", raw)).order().lines().get(0);

        assertThat(line.hsCode()).isEqualTo(normalised);
        assertThat(line.hs6()).isEqualTo(normalised.substring(0, 6));
    }

    @Test
    void shouldAcceptALineWithNeitherHsCodeNorEccnAsUnclassified() {
        ParsedOrder parsed = parse(with(minimal(), "/lines/0", json("{\"description\": \"Roasted coffee\", \"quantity\": 10}")));

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.order().lines()).singleElement().satisfies(line -> {
            assertThat(line.hsCode()).isNull();
            assertThat(line.hs6()).isNull();
            assertThat(line.eccn()).isNull();
            assertThat(line.classified()).isFalse();
        });
    }

    @Test
    void shouldDeriveRouteFromSellerConsigneesAndEndUserDroppingConsecutiveDuplicatesAndTheBuyer() {
        ObjectNode order = with(minimal(), "/buyer/country", "FR");
        order = with(order, "/consignees", json("""
                [{"name": "Rotterdam Hub BV", "country": "NL", "region": "Zuid-Holland"},
                 {"name": "Amsterdam Depot BV", "country": "NL"}]"""));
        order = with(order, "/end_user", json("{\"name\": \"Gulf Trading FZE\", \"country\": \"AE\", \"region\": \"Dubai\"}"));

        Order parsed = parse(order).order();

        assertThat(parsed.route()).containsExactly(
                new RouteStop("SO-1", 0, "DE", null, Leg.ORIGIN),
                new RouteStop("SO-1", 1, "NL", "Zuid-Holland", Leg.TRANSIT),
                new RouteStop("SO-1", 2, "AE", "Dubai", Leg.DESTINATION));
        assertThat(parsed.destination()).isEqualTo("AE");
    }

    @Test
    void shouldKeepARepeatedCountryInADerivedRouteWhenItIsNotConsecutive() {
        ObjectNode order = with(minimal(), "/consignees", json("[{\"name\": \"Hub\", \"country\": \"NL\"}]"));
        order = with(order, "/end_user", json("{\"name\": \"Werk\", \"country\": \"DE\"}"));

        assertThat(parse(order).order().route()).extracting(RouteStop::country, RouteStop::leg)
                .containsExactly(tuple("DE", Leg.ORIGIN),
                        tuple("NL", Leg.TRANSIT),
                        tuple("DE", Leg.DESTINATION));
    }

    @Test
    void shouldDateAnUndatedOrderToday() {
        assertThat(parse(minimal()).order().date()).isEqualTo(TODAY);
    }

    @Test
    void shouldUseTheOrderDateOverToday() {
        assertThat(parse(with(minimal(), "/date", "2024-02-29")).order().date()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void shouldLetTheAsOfOverrideWinOverTheOrderDate() {
        LocalDate asOf = LocalDate.of(2023, 12, 31);
        OrderDocument dated = new OrderDocument("order.json", "", with(minimal(), "/date", "2025-06-10"));
        OrderDocument undated = new OrderDocument("order.json", "", minimal());

        assertThat(OrderParser.parse(dated, asOf, TODAY).order().date()).isEqualTo(asOf);
        assertThat(OrderParser.parse(undated, asOf, TODAY).order().date()).isEqualTo(asOf);
    }

    @Test
    void shouldLeaveABrokenNdjsonLineToOrderInputWithoutAddingProblems() {
        ParsedOrder parsed = OrderParser.parse(new OrderDocument("batch.ndjson:2", "", null), null, TODAY);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.order()).isNull();
        assertThat(parsed.problems()).isEmpty();
    }

    // --- bad input: one problem each, at an exact pointer ---

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /seller                    | "Rheinwerk GmbH"        | must be a JSON object
            /lines                     | {"hs_code": "854231"}   | must be a JSON array
            /lines/0                   | "854231"                | must be a JSON object
            /consignees                | {"name": "X", "country": "NL"} | must be a JSON array
            /consignees/0              | null                    | must be a party object, not null
            /id                        | 42                      | must be a string
            /buyer/name                | ["Anadolu"]             | must be a string
            /lines/0/quantity          | "500"                   | must be a number
            /lines/0/eccn              | 3                       | must be a string
            /seller/identifiers        | "DE123456789"           | must be an array of identifier objects (type, value) or an object of identifier names to values
            /seller/identifiers/vat    | 123456789               | must be a string
            /route                     | "DE-TR"                 | must be a JSON array
            /route/1                   | 7                       | must be a JSON object
            /end_use                   | "civil"                 | must be a JSON object
            /payment                   | "wire_transfer"         | must be a JSON object
            /contract                  | true                    | must be a JSON object
            """)
    void shouldRejectAWrongJsonTypeAtItsPointer(String pointer, String value, String message) {
        ObjectNode order = with(minimal(), "/route", json("[\"DE\", \"TR\"]"));
        order = with(order, "/consignees", json("[{\"name\": \"Hub\", \"country\": \"NL\"}]"));
        order = with(order, "/seller/identifiers", json("{\"vat\": \"DE123456789\"}"));

        assertSingleProblem(with(order, pointer, json(value)), pointer, message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/id", "/seller", "/buyer", "/lines", "/seller/name", "/buyer/country"})
    void shouldRejectAMissingRequiredFieldNamingIt(String pointer) {
        assertSingleProblem(with(minimal(), pointer, ABSENT), pointer, "is required");
    }

    @Test
    void shouldRejectABlankIdAsEmpty() {
        assertSingleProblem(with(minimal(), "/id", "   "), "/id", "must not be empty");
    }

    @Test
    void shouldRejectAnEmptyLinesArray() {
        assertSingleProblem(with(minimal(), "/lines", json("[]")), "/lines", "an order needs at least one line");
    }

    @Test
    void shouldRejectUnknownCountryCodeUkNamingTheFieldAndSuggestingGb() {
        assertSingleProblem(with(minimal(), "/buyer/country", "UK"), "/buyer/country",
                "unknown country code 'UK'; expected ISO 3166-1 alpha-2 (the ISO code of the United Kingdom is GB)");
    }

    @Test
    void shouldRejectALowerCaseCountryCodeWithAnUpperCaseHint() {
        assertSingleProblem(with(minimal(), "/buyer/country", "ru"), "/buyer/country",
                "unknown country code 'ru'; expected ISO 3166-1 alpha-2 (codes are upper case: RU)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /seller/country        | DEU
            /lines/0/origin_country| Germany
            /route/1               | XX
            /route/1/country       | EL
            /payment/bank_country  | AE1
            """)
    void shouldRejectCountryCodesThatAreNotIsoAlpha2WhereverTheyAppear(String pointer, String code) {
        ObjectNode order = with(minimal(), "/route", json("[\"DE\", {\"country\": \"TR\"}]"));
        order = with(order, "/payment", json("{\"bank_country\": \"AE\"}"));

        assertSingleProblem(with(order, pointer, code), pointer, "unknown country code '" + code + "'; expected ISO 3166-1 alpha-2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"85423", "8542.3", "85423100001", "8542A1", "8542-31"})
    void shouldRejectAnHsCodeWithoutSixToTenDigits(String code) {
        assertSingleProblem(with(minimal(), "/lines/0/hs_code", code), "/lines/0/hs_code",
                "HS code '" + code + "' must have 6 to 10 digits (dots and spaces allowed)");
    }

    @Test
    void shouldRejectANumericHsCodeOnceBecauseLeadingZerosWouldBeLost() {
        assertSingleProblem(with(minimal(), "/lines/0/hs_code", 90121), "/lines/0/hs_code",
                "must be a string (a number would lose leading zeros)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3a001", "EAR-99", "3X001", "3A01", "3A001.A"})
    void shouldRejectAnInvalidEccn(String eccn) {
        assertSingleProblem(with(minimal(), "/lines/0/eccn", eccn), "/lines/0/eccn",
                "ECCN '" + eccn + "' is not a Commerce Control List number such as 3A001, 5A992.c or EAR99");
    }

    @Test
    void shouldRejectANegativeQuantityShowingTheValue() {
        assertSingleProblem(with(minimal(), "/lines/0/quantity", -1), "/lines/0/quantity", "must not be negative (got -1)");
    }

    @Test
    void shouldRejectANegativeValueShowingTheValue() {
        assertSingleProblem(with(minimal(), "/lines/0/value", json("-0.50")), "/lines/0/value",
                "must not be negative (got -0.5)");
    }

    @Test
    void shouldAcceptZeroQuantityAndValue() {
        ObjectNode order = with(with(minimal(), "/lines/0/quantity", 0), "/lines/0/value", 0);

        assertThat(parse(order).problems()).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownPartyTypeListingTheAllowedValues() {
        assertSingleProblem(with(minimal(), "/seller/type", "broker"), "/seller/type",
                "unknown value 'broker'; expected one of manufacturer, distributor, trader, freight_forwarder, bank, "
                        + "government, military, individual, other");
    }

    @Test
    void shouldRejectAnUnknownPaymentMethodListingTheAllowedValues() {
        assertSingleProblem(with(minimal(), "/payment", json("{\"method\": \"cheque\"}")), "/payment/method",
                "unknown value 'cheque'; expected one of wire_transfer, letter_of_credit, open_account, "
                        + "advance_payment, cash, crypto, other");
    }

    @Test
    void shouldRejectAnIncotermOutsideIncoterms2020ListingTheAllowedValues() {
        assertSingleProblem(with(minimal(), "/incoterm", "DDU"), "/incoterm",
                "unknown incoterm 'DDU'; expected one of CFR, CIF, CIP, CPT, DAP, DDP, DPU, EXW, FAS, FCA, FOB (Incoterms 2020)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EUX", "eur", "EURO"})
    void shouldRejectAnUnknownCurrency(String currency) {
        assertSingleProblem(with(minimal(), "/lines/0/currency", currency), "/lines/0/currency",
                "unknown currency '" + currency + "'; expected an ISO 4217 code such as EUR or USD");
    }

    @Test
    void shouldReadTheOptionalLineDeclarationsForSoftwareForeignDirectProductsAndJapansTable23() {
        ObjectNode order = with(minimal(), "/lines/0/software_class", " erp ");
        order = with(order, "/lines/0/us_direct_product", true);
        order = with(order, "/lines/0/jp_table_2_3_item", "2-2");
        Line line = parse(order).order().lines().get(0);

        assertThat(line.softwareClass()).isEqualTo("ERP");
        assertThat(line.declaredUsDirectProduct()).isTrue();
        assertThat(line.jpTable23Item()).isEqualTo("2-2");
    }

    @Test
    void shouldReadAChemicalsCasNumberAndConcentration() {
        ObjectNode order = with(minimal(), "/lines/0/cas_number", " 7440-21-3 ");
        order = with(order, "/lines/0/concentration_percent", json("99.5"));
        Line line = parse(order).order().lines().get(0);

        assertThat(line.casNumber()).isEqualTo("7440-21-3");
        assertThat(line.concentrationAtLeast("95")).isTrue();
        assertThat(line.concentrationAtLeast("99.6")).isFalse();
    }

    @Test
    void shouldRejectACasNumberWithAWrongCheckDigit() {
        assertSingleProblem(with(minimal(), "/lines/0/cas_number", "7440-21-4"), "/lines/0/cas_number",
                "CAS number '7440-21-4' has a wrong check digit (expected 3): a typing error?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"7440213", "7440-21", "12345678-12-3", "CAS 7440-21-3"})
    void shouldRejectACasNumberThatIsNotInTheRegistryFormat(String cas) {
        assertSingleProblem(with(minimal(), "/lines/0/cas_number", cas), "/lines/0/cas_number",
                "CAS number '" + cas + "' must look like 7440-21-3 (2 to 7 digits, 2 digits, a check digit)");
    }

    @Test
    void shouldReadTheDeclaredUsContentOfAForeignMadeItem() {
        Line line = parse(with(with(minimal(), "/lines/0/us_content_percent", 30), "/lines/0/origin_country", "TW"))
                .order().lines().get(0);

        assertThat(line.usContentAbove("25")).isTrue();
        assertThat(line.usContentAbove("30")).isFalse();
    }

    @Test
    void shouldRejectAUsContentShareAbove100Percent() {
        assertSingleProblem(with(minimal(), "/lines/0/us_content_percent", 140), "/lines/0/us_content_percent",
                "US content 140 % is above 100 %");
    }

    @Test
    void shouldRejectAConcentrationAbove100Percent() {
        assertSingleProblem(with(minimal(), "/lines/0/concentration_percent", 101), "/lines/0/concentration_percent",
                "concentration 101 % is above 100 %");
    }

    @Test
    void shouldReadTheRedFlagFieldsAddressTypeIndustryOtherPayersLetterOfCreditConsigneeAndChangeLog() {
        ObjectNode order = with(minimal(), "/buyer/address_type", "Virtual_Office");
        order = with(order, "/buyer/industry", "food_processing");
        order = with(order, "/payment", json("""
                {"payer": {"name": "Gulf Pay FZE", "country": "AE"}, "method": "letter_of_credit",
                 "other_payers": [{"name": "Harbour Finance Ltd", "country": "HK"}],
                 "lc_consignee": {"name": "Bank Example", "country": "AE", "type": "bank"}}"""));
        order = with(order, "/change_log", json("""
                [{"field": "consignee", "from": "OOO Volga", "from_country": "RU", "to": "Alatau LLP",
                  "to_country": "KZ", "date": "2025-03-02"}]"""));
        Order parsed = parse(order).order();

        assertThat(parsed.buyer().addressType()).isEqualTo(AddressType.VIRTUAL_OFFICE);
        assertThat(parsed.buyer().industry()).isEqualTo("food_processing");
        assertThat(parsed.payment().otherPayers()).extracting(Party::name).containsExactly("Harbour Finance Ltd");
        assertThat(parsed.payment().lcConsignee().type()).isEqualTo(PartyType.BANK);
        assertThat(parsed.payerCount()).isEqualTo(2);
        assertThat(parsed.parties()).filteredOn(p -> p.role() == PartyRole.PAYER).extracting(OrderParty::pointer)
                .containsExactly("/payment/payer", "/payment/other_payers/0");
        assertThat(parsed.changeLog()).containsExactly(new OrderChange(parsed.id(), 0, ChangedField.CONSIGNEE, "OOO Volga",
                "RU", "Alatau LLP", "KZ", LocalDate.of(2025, 3, 2)));
        assertThat(parsed.changeLog().get(0).pointer()).isEqualTo("/change_log/0");
        assertThat(parsed.changeLog().get(0).awayFrom("RU")).isTrue();
    }

    @Test
    void shouldRejectAChangeLogEntryWithoutFieldAndDateAndWithABadCountry() {
        ParsedOrder parsed = parse(with(minimal(), "/change_log", json("[{\"from_country\": \"RUS\"}]")));

        assertThat(parsed.problems()).extracting(InputProblem::pointer)
                .containsExactlyInAnyOrder("/change_log/0/field", "/change_log/0/date", "/change_log/0/from_country");
    }

    @Test
    void shouldRejectAnIndustryThatIsNotASectorKey() {
        assertSingleProblem(with(minimal(), "/buyer/industry", "Food Processing"), "/buyer/industry",
                "'Food Processing' is not a business sector key such as 'electronics' or 'food_processing' (lower case, digits and underscores)");
    }

    @Test
    void shouldRejectAUsDirectProductDeclarationThatIsNotABoolean() {
        assertSingleProblem(with(minimal(), "/lines/0/us_direct_product", "yes"), "/lines/0/us_direct_product",
                "must be true or false");
    }

    @Test
    void shouldRejectAnUnknownLineFieldNamingItAndListingTheLineFields() {
        assertSingleProblem(with(minimal(), "/lines/0/hscode", "854231"), "/lines/0/hscode",
                "unknown field; expected one of cas_number, concentration_percent, currency, description, eccn, eu_control_entry, hs_code, jp_table_2_3_item, "
                        + "origin_country, quantity, software_class, unit, us_content_percent, us_direct_product, value");
    }

    @Test
    void shouldRejectAnUnknownOrderFieldSuchAsACamelCaseName() {
        assertSingleProblem(with(minimal(), "/endUser", json("{\"name\": \"X\", \"country\": \"AE\"}")), "/endUser",
                "unknown field; expected one of authorisations, buyer, change_log, consignees, contract, date, end_use, end_user, "
                        + "freight_forwarder, id, incoterm, lines, payment, route, seller");
    }

    @Test
    void shouldReadCitedAuthorisationsWithOneBasedLineNumbers() {
        ParsedOrder parsed = OrderParser.parse(new OrderDocument("test", "", with(minimal(), "/authorisations",
                json("[{\"jurisdiction\": \"us\", \"type\": \"general_licence\", \"reference\": \" OFAC:RU-GL6D \", \"lines\": [1]}]"))),
                null, java.time.LocalDate.now());

        assertThat(parsed.problems()).isEmpty();
        org.clearance.facts.CitedAuthorisation cited = parsed.order().authorisations().get(0);
        assertThat(cited.jurisdiction()).isEqualTo(org.clearance.facts.Jurisdiction.US);
        assertThat(cited.type()).isEqualTo(org.clearance.facts.AuthorisationType.GENERAL_LICENCE);
        assertThat(cited.reference()).isEqualTo("OFAC:RU-GL6D");
        assertThat(cited.lines()).containsExactly(0);
    }

    @Test
    void shouldNameEveryProblemOfACitedAuthorisation() {
        ParsedOrder parsed = OrderParser.parse(new OrderDocument("test", "", with(minimal(), "/authorisations",
                json("[{\"jurisdiction\": \"all\", \"type\": \"permit\", \"reference\": \"<script>\", \"lines\": [0, 2]},"
                        + " {\"jurisdiction\": \"EU\", \"type\": \"licence\", \"reference\": \"" + "A".repeat(65) + "\"},"
                        + " {\"jurisdiction\": \"EU\", \"type\": \"exception\", \"reference\": \"X1\"},"
                        + " {\"jurisdiction\": \"eu\", \"type\": \"exception\", \"reference\": \"x1\"}]"))),
                null, java.time.LocalDate.now());

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).extracting(InputProblem::pointer).containsExactlyInAnyOrder(
                "/authorisations/0/jurisdiction", "/authorisations/0/type", "/authorisations/0/reference",
                "/authorisations/0/lines/0", "/authorisations/0/lines/1", "/authorisations/1/reference", "/authorisations/3");
        assertThat(parsed.problems()).extracting(InputProblem::message)
                .anyMatch(m -> m.contains("line 2 does not exist; the order has 1 line(s)"))
                .anyMatch(m -> m.contains("a second time"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/seller/vat_id", "/route/0/city", "/end_use/purpose", "/payment/iban", "/contract/clause"})
    void shouldRejectAnUnknownFieldInsideNestedObjects(String pointer) {
        ObjectNode order = with(minimal(), "/route", json("[{\"country\": \"DE\"}, \"TR\"]"));
        order = with(order, "/end_use", json("{\"statement\": \"Spare parts\"}"));
        order = with(order, "/payment", json("{\"method\": \"cash\"}"));
        order = with(order, "/contract", json("{\"no_russia_clause\": true}"));

        assertSingleProblem(with(order, pointer, "x"), pointer, "unknown field; expected one of ");
    }

    @Test
    void shouldEscapeAnUnknownFieldNameInItsPointer() {
        assertSingleProblem(with(minimal(), "/lines/0", json("{\"hs/code~\": \"854231\"}")), "/lines/0/hs~1code~0",
                "unknown field");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.06.2025", "2025-6-10", "2025-02-30", "2025-06-10T12:00:00", "20250610"})
    void shouldRejectAnOrderDateThatIsNotAnIsoCalendarDate(String date) {
        assertSingleProblem(with(minimal(), "/date", date), "/date", "'" + date + "' is not an ISO date (YYYY-MM-DD)");
    }

    @Test
    void shouldRejectAnIncorporationDateThatIsNotAnIsoDate() {
        assertSingleProblem(with(minimal(), "/buyer/incorporated", "2014"), "/buyer/incorporated",
                "'2014' is not an ISO date (YYYY-MM-DD)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "1", "\"true\""})
    void shouldRejectANoRussiaClauseThatIsNotBoolean(String value) {
        assertSingleProblem(with(minimal(), "/contract", json("{\"no_russia_clause\": " + value + "}")),
                "/contract/no_russia_clause", "must be true or false");
    }

    @Test
    void shouldRejectARouteWithoutStops() {
        assertSingleProblem(with(minimal(), "/route", json("[]")), "/route", "a route needs at least one country");
    }

    @Test
    void shouldReportEveryProblemOfAnOrderAtOnce() {
        ObjectNode order = with(minimal(), "/id", ABSENT);
        order = with(order, "/date", "yesterday");
        order = with(order, "/buyer/country", "UK");
        order = with(order, "/lines/0/hs_code", "8542");
        order = with(order, "/lines/0/quantity", -3);
        order = with(order, "/lines/0/hscode", "854231");
        order = with(order, "/incoterm", "DDU");

        ParsedOrder parsed = parse(order);

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.problems()).containsExactly(
                new InputProblem("order.json", "/id", "is required"),
                new InputProblem("order.json", "/date", "'yesterday' is not an ISO date (YYYY-MM-DD)"),
                new InputProblem("order.json", "/buyer/country",
                        "unknown country code 'UK'; expected ISO 3166-1 alpha-2 (the ISO code of the United Kingdom is GB)"),
                new InputProblem("order.json", "/lines/0/hscode", "unknown field; expected one of cas_number, concentration_percent, currency, description, "
                        + "eccn, eu_control_entry, hs_code, jp_table_2_3_item, origin_country, quantity, software_class, unit, "
                        + "us_content_percent, us_direct_product, value"),
                new InputProblem("order.json", "/lines/0/hs_code", "HS code '8542' must have 6 to 10 digits (dots and spaces allowed)"),
                new InputProblem("order.json", "/lines/0/quantity", "must not be negative (got -3)"),
                new InputProblem("order.json", "/incoterm",
                        "unknown incoterm 'DDU'; expected one of CFR, CIF, CIP, CPT, DAP, DDP, DPU, EXW, FAS, FCA, FOB (Incoterms 2020)"));
    }

    @Test
    void shouldPrefixPointersWithTheArrayIndexOfTheOrder() {
        String batch = "[" + minimal() + "," + minimal() + "," + with(minimal(), "/buyer/country", "ru") + "]";
        List<OrderDocument> documents = OrderInput.split("batch.json", batch).documents();

        List<ParsedOrder> parsed = documents.stream().map(d -> OrderParser.parse(d, null, TODAY)).toList();

        assertThat(parsed).extracting(ParsedOrder::valid).containsExactly(true, true, false);
        assertThat(parsed.get(2).problems()).containsExactly(new InputProblem("batch.json", "/2/buyer/country",
                "unknown country code 'ru'; expected ISO 3166-1 alpha-2 (codes are upper case: RU)"));
        assertThat(parsed.get(2).problems().get(0)).hasToString("batch.json:/2/buyer/country: "
                + "unknown country code 'ru'; expected ISO 3166-1 alpha-2 (codes are upper case: RU)");
    }

    @Test
    void shouldRejectADocumentThatIsNotAnObjectAtTheRootPointer() {
        assertThat(OrderParser.parse(new OrderDocument("batch.json", "/1", json("\"SO-1\"")), null, TODAY).problems())
                .containsExactly(new InputProblem("batch.json", "/1", "must be a JSON object"));
    }

    private static void assertSingleProblem(JsonNode order, String pointer, String messageFragment) {
        ParsedOrder parsed = parse(order);

        assertThat(parsed.valid()).as("valid").isFalse();
        assertThat(parsed.order()).isNull();
        assertThat(parsed.problems()).as("problems of %s", order).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("order.json");
            assertThat(p.pointer()).isEqualTo(pointer);
            assertThat(p.message()).contains(messageFragment);
        });
    }
}
