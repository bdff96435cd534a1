package org.clearance.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clearance.order.OrderFixtures.ABSENT;
import static org.clearance.order.OrderFixtures.TODAY;
import static org.clearance.order.OrderFixtures.json;
import static org.clearance.order.OrderFixtures.parse;
import static org.clearance.order.OrderFixtures.with;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.clearance.facts.AddressType;
import org.clearance.facts.ChangedField;
import org.clearance.facts.PartyType;
import org.clearance.facts.PaymentMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * docs/schema/order.schema.json and OrderParser agree: the schema accepts every example order, and
 * the schema and the parser both reject the same bad orders at the same JSON pointer.
 */
class OrderSchemaTest {

    private static final Path SCHEMA = Path.of("docs/schema/order.schema.json");
    private static final Path EXAMPLES = Path.of("examples/orders");
    /** The base of the bad orders: it has every optional part, so each mutation hits a real value. */
    private static final Path BASE = EXAMPLES.resolve("04-chp-to-kazakhstan-with-no-russia-clause.json");

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        schema = registry.getSchema(Files.readString(SCHEMA), InputFormat.JSON);
    }

    static Stream<Arguments> exampleOrders() throws IOException {
        List<Arguments> orders = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    orders.add(Arguments.of(name, Files.readString(file)));
                } else if (name.endsWith(".ndjson")) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        if (!lines.get(i).isBlank()) {
                            orders.add(Arguments.of(name + ":" + (i + 1), lines.get(i)));
                        }
                    }
                }
            }
        }
        return orders.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleOrders")
    void shouldAcceptEveryExampleOrderInSchemaAndParser(String name, String order) {
        assertThat(schema.validate(order, InputFormat.JSON)).as("schema errors").isEmpty();
        assertThat(parse(json(order)).problems()).as("parser problems").isEmpty();
    }

    @Test
    void shouldFindEveryExampleFileAndNdjsonLine() throws IOException {
        assertThat(exampleOrders()).extracting(a -> (String) a.get()[0])
                .contains("01-turkish-distributor-chips-to-russia.json", "batch-small.ndjson:1", "batch-small.ndjson:3")
                .hasSizeGreaterThanOrEqualTo(19);
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                bad("missing id", "/id", ABSENT),
                bad("blank id", "/id", "  "),
                bad("missing seller", "/seller", ABSENT),
                bad("missing party country", "/buyer/country", ABSENT),
                bad("empty lines", "/lines", json("[]")),
                bad("UK instead of GB", "/buyer/country", "UK"),
                bad("lower-case country", "/end_user/country", "kz"),
                bad("alpha-3 country", "/seller/country", "AUT"),
                bad("unassigned route country", "/route/1", "XX"),
                bad("empty route", "/route", json("[]")),
                bad("5-digit HS code", "/lines/0/hs_code", "90302"),
                bad("11-digit HS code", "/lines/0/hs_code", "90302010001"),
                bad("numeric HS code", "/lines/0/hs_code", 90302010),
                bad("lower-case ECCN", "/lines/0/eccn", "3a992"),
                bad("negative quantity", "/lines/0/quantity", -12),
                bad("negative value", "/lines/1/value", -1),
                bad("unknown currency", "/lines/0/currency", "EUX"),
                bad("unknown line field", "/lines/0/hscode", "903020"),
                bad("camelCase order field", "/endUser", json("{\"name\": \"X\", \"country\": \"KZ\"}")),
                bad("unknown party type", "/buyer/type", "broker"),
                bad("unknown payment method", "/payment/method", "cheque"),
                bad("Incoterms 2010 term", "/incoterm", "DDU"),
                bad("impossible date", "/date", "2025-02-30"),
                bad("non-ISO date", "/buyer/incorporated", "11.03.2014"),
                bad("no_russia_clause not boolean", "/contract/no_russia_clause", "yes"),
                bad("us_direct_product not boolean", "/lines/0/us_direct_product", "yes"),
                bad("CAS number without hyphens", "/lines/0/cas_number", "7440213"),
                bad("concentration above 100 %", "/lines/0/concentration_percent", 120),
                bad("negative US content", "/lines/0/us_content_percent", -5),
                bad("unknown address type", "/buyer/address_type", "home"),
                bad("industry not a sector key", "/buyer/industry", "Consumer Electronics"),
                bad("other payers not an array", "/payment/other_payers", json("{\"name\": \"X\", \"country\": \"AE\"}")),
                badAt("change without a date", "/change_log/0/date", "/change_log",
                        json("[{\"field\": \"consignee\", \"from_country\": \"RU\"}]")),
                badAt("unknown changed field", "/change_log/0/field", "/change_log",
                        json("[{\"field\": \"price\", \"date\": \"2025-01-02\"}]")),
                bad("id one character too long", "/id", "i".repeat(129)),
                bad("buyer name one character too long", "/buyer/name", "n".repeat(301)),
                bad("description one character too long", "/lines/0/description", "d".repeat(1001)),
                bad("end-use statement too long", "/end_use/statement", "s".repeat(2001)),
                bad("identifier value too long", "/seller/identifiers/vat", "v".repeat(101)),
                bad("NUL in a name", "/buyer/name", "Example\u0000Instruments"),
                bad("line break in an address", "/buyer/address", "Street 1\nAlmaty"),
                bad("ESC in an order id", "/id", "SO-\u001B[31m"),
                bad("quantity of 10^16", "/lines/0/quantity", new java.math.BigDecimal("1e16")),
                bad("value at the bound", "/lines/0/value", new java.math.BigDecimal("1000000000000000")),
                bad("quantity with 7 decimal places", "/lines/0/quantity", new java.math.BigDecimal("1.0000001")),
                badAt("null other payer", "/payment/other_payers/0", "/payment/other_payers", json("[null]")),
                badAt("owner without a country", "/seller/owners/0/country", "/seller/owners",
                        json("[{\"name\": \"Rhein Holding AG\"}]")),
                badAt("owner in a country that is no ISO code", "/seller/owners/0/country", "/seller/owners",
                        json("[{\"name\": \"Rhein Holding AG\", \"country\": \"EU\"}]")),
                badAt("owner share above 100 %", "/seller/owners/0/share_percent", "/seller/owners",
                        json("[{\"name\": \"Rhein Holding AG\", \"country\": \"DE\", \"share_percent\": 101}]")),
                badAt("owner name one character too long", "/buyer/owners/0/name", "/buyer/owners",
                        json("[{\"name\": \"" + "n".repeat(301) + "\", \"country\": \"DE\"}]")),
                badAt("unknown owner field", "/seller/owners/0/percent", "/seller/owners",
                        json("[{\"name\": \"Rhein Holding AG\", \"country\": \"DE\", \"percent\": 60}]")),
                badAt("null line", "/lines/1", "/lines/1", json("null")),
                bad("51 consignees", "/consignees", json("[" + String.join(",",
                        java.util.Collections.nCopies(51, "{\"name\": \"X\", \"country\": \"KZ\"}")) + "]")));
    }

    /** A bad value placed at {@code place} whose problem is reported at {@code pointer}. */
    private static Arguments badAt(String name, String pointer, String place, Object value) {
        return Arguments.of(name, pointer, with(base(), place, value));
    }

    private static Arguments bad(String name, String pointer, Object value) {
        return Arguments.of(name, pointer, with(base(), pointer, value));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("badOrders")
    void shouldRejectABadOrderInBothSchemaAndParserAtTheSamePointer(String name, String pointer, JsonNode order) {
        List<Error> errors = schema.validate(order.toString(), InputFormat.JSON);
        ParsedOrder parsed = parse(order);

        assertThat(errors).as("schema errors").extracting(OrderSchemaTest::pointer).contains(pointer);
        assertThat(parsed.problems()).as("parser problems").extracting(InputProblem::pointer).containsExactly(pointer);
    }

    @Test
    void shouldAcceptTheBaseOfTheBadOrders() {
        assertThat(schema.validate(base().toString(), InputFormat.JSON)).isEmpty();
        assertThat(OrderParser.parse(new OrderDocument("base", "", base()), null, TODAY).valid()).isTrue();
    }

    @Test
    void shouldAcceptEveryTextAtItsLimitAndEveryAmountJustBelowItsBound() {
        JsonNode order = base();
        for (var limit : TEXT_PLACES.entrySet()) {
            String field = limit.getKey().substring(limit.getKey().lastIndexOf('/') + 1);
            order = with(order, limit.getKey(), "x".repeat(OrderLimits.text(field)));
        }
        order = with(order, "/lines/0/quantity", new java.math.BigDecimal("999999999999999.999999"));
        order = with(order, "/lines/1/value", new java.math.BigDecimal("0.000001"));

        assertThat(schema.validate(order.toString(), InputFormat.JSON)).as("schema errors").isEmpty();
        assertThat(parse(order).problems()).as("parser problems").isEmpty();
    }

    /** A pointer in the base order for each limited text field (the field name is its last segment). */
    private static final java.util.Map<String, String> TEXT_PLACES = java.util.Map.ofEntries(
            java.util.Map.entry("/id", "/properties/id"),
            java.util.Map.entry("/buyer/name", "/$defs/party/properties/name"),
            java.util.Map.entry("/buyer/region", "/$defs/party/properties/region"),
            java.util.Map.entry("/buyer/address", "/$defs/party/properties/address"),
            java.util.Map.entry("/lines/0/description", "/$defs/line/properties/description"),
            java.util.Map.entry("/lines/0/eu_control_entry", "/$defs/line/properties/eu_control_entry"),
            java.util.Map.entry("/lines/0/unit", "/$defs/line/properties/unit"),
            java.util.Map.entry("/lines/0/jp_table_2_3_item", "/$defs/line/properties/jp_table_2_3_item"),
            java.util.Map.entry("/end_use/statement", "/properties/end_use/properties/statement"),
            java.util.Map.entry("/end_use/category", "/properties/end_use/properties/category"));

    @Test
    void shouldDeclareTheParsersLimitsInTheSchema() throws IOException {
        JsonNode schemaJson = json(Files.readString(SCHEMA));
        java.util.Map<String, String> textFields = new java.util.HashMap<>(java.util.Map.of(
                "industry", "/$defs/party/properties/industry",
                "hs_code", "/$defs/line/properties/hs_code",
                "eccn", "/$defs/line/properties/eccn",
                "software_class", "/$defs/line/properties/software_class",
                "cas_number", "/$defs/line/properties/cas_number",
                "from", "/$defs/change/properties/from",
                "to", "/$defs/change/properties/to",
                "reference", "/$defs/authorisation/properties/reference"));
        TEXT_PLACES.forEach((place, at) -> textFields.put(place.substring(place.lastIndexOf('/') + 1), at));
        assertThat(textFields.keySet()).as("every limited field is in the schema").containsAll(OrderLimits.TEXT.keySet());
        textFields.forEach((field, at) -> assertThat(schemaJson.at(at + "/maxLength").asInt()).as(field)
                .isEqualTo(OrderLimits.text(field)));
        assertThat(schemaJson.at("/$defs/routeStop/oneOf/1/properties/region/maxLength").asInt()).isEqualTo(OrderLimits.text("region"));
        assertThat(schemaJson.at("/$defs/owner/properties/name/maxLength").asInt()).isEqualTo(OrderLimits.text("name"));
        java.util.Map<String, String> arrays = java.util.Map.of("lines", "/properties/lines", "consignees", "/properties/consignees",
                "route", "/properties/route", "other_payers", "/properties/payment/properties/other_payers",
                "change_log", "/properties/change_log", "authorisations", "/properties/authorisations",
                "owners", "/$defs/party/properties/owners");
        arrays.forEach((field, at) -> assertThat(schemaJson.at(at + "/maxItems").asInt()).as(field)
                .isEqualTo(OrderLimits.ITEMS.get(field)));
        assertThat(schemaJson.at("/$defs/party/properties/identifiers/maxProperties").asInt()).isEqualTo(OrderLimits.ITEMS.get("identifiers"));
        assertThat(schemaJson.at("/$defs/party/properties/identifiers/additionalProperties/maxLength").asInt())
                .isEqualTo(OrderLimits.IDENTIFIER_VALUE);
        assertThat(schemaJson.at("/$defs/party/properties/identifiers/propertyNames/maxLength").asInt()).isEqualTo(OrderLimits.IDENTIFIER_KEY);
        for (String amount : List.of("quantity", "value")) {
            assertThat(schemaJson.at("/$defs/line/properties/" + amount + "/exclusiveMaximum").decimalValue())
                    .isEqualByComparingTo(OrderLimits.AMOUNT_BOUND);
            assertThat(schemaJson.at("/$defs/line/properties/" + amount + "/multipleOf").decimalValue())
                    .isEqualByComparingTo(java.math.BigDecimal.ONE.movePointLeft(OrderLimits.DECIMAL_PLACES));
        }
    }

    @Test
    void shouldListTheCountryCodesTheParserAccepts() {
        assertThat(schemaEnum("/$defs/country/enum")).isEqualTo(Set.of(Locale.getISOCountries()));
    }

    @Test
    void shouldListTheCurrencyCodesTheParserAccepts() {
        assertThat(schemaEnum("/$defs/currency/enum")).isEqualTo(Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode).collect(Collectors.toSet()));
    }

    @Test
    void shouldListTheEnumerationsTheParserAccepts() {
        assertThat(schemaEnum("/properties/incoterm/enum")).isEqualTo(Codes.INCOTERMS);
        assertThat(schemaEnum("/$defs/party/properties/type/enum")).isEqualTo(lowerCaseNames(PartyType.values()));
        assertThat(schemaEnum("/properties/payment/properties/method/enum")).isEqualTo(lowerCaseNames(PaymentMethod.values()));
        assertThat(schemaEnum("/$defs/party/properties/address_type/enum")).isEqualTo(lowerCaseNames(AddressType.values()));
        assertThat(schemaEnum("/$defs/change/properties/field/enum")).isEqualTo(lowerCaseNames(ChangedField.values()));
    }

    /** The JSON pointer of the offending value, which for required and unknown fields is the field itself. */
    private static String pointer(Error error) {
        String at = error.getInstanceLocation().toString();
        return error.getProperty() != null && Set.of("required", "additionalProperties").contains(error.getKeyword())
                ? at + "/" + error.getProperty() : at;
    }

    private static JsonNode base() {
        try {
            return json(Files.readString(BASE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> schemaEnum(String pointer) {
        try {
            JsonNode values = json(Files.readString(SCHEMA)).at(pointer);
            assertThat(values.isArray()).as(pointer).isTrue();
            return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> lowerCaseNames(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
