package org.clearance.order;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearance.facts.AddressType;
import org.clearance.facts.AuthorisationType;
import org.clearance.facts.CitedAuthorisation;
import org.clearance.facts.Jurisdiction;
import org.clearance.facts.ChangedField;
import org.clearance.facts.Contract;
import org.clearance.facts.EndUse;
import org.clearance.facts.Line;
import org.clearance.facts.Order;
import org.clearance.facts.OrderChange;
import org.clearance.facts.Party;
import org.clearance.facts.PartyOwner;
import org.clearance.facts.PartyIdentifier;
import org.clearance.facts.IdentifierType;
import org.clearance.facts.PartyType;
import org.clearance.facts.Payment;
import org.clearance.facts.PaymentMethod;
import org.clearance.facts.RouteStop;

/**
 * Validates one order document against docs/order-format.md and builds the {@link Order} that
 * rules see. Collects every problem (with its JSON pointer) rather than stopping at the first.
 */
public final class OrderParser {

    private static final Set<String> ORDER_FIELDS = Set.of("id", "date", "seller", "buyer", "consignees", "end_user",
            "freight_forwarder", "route", "lines", "end_use", "payment", "contract", "incoterm", "change_log", "ship_from",
            "authorisations");
    private static final Set<String> PARTY_FIELDS = Set.of("name", "country", "region", "address", "type",
            "incorporated", "identifiers", "address_type", "industry", "incorporated_in", "nationality", "owners");
    private static final Set<String> OWNER_FIELDS = Set.of("name", "country", "share_percent");
    private static final Set<String> IDENTIFIER_FIELDS = Set.of("type", "value", "country");
    private static final String IDENTIFIER_TYPES = Arrays.stream(IdentifierType.values()).map(Enum::name)
            .collect(Collectors.joining(", "));
    private static final Set<String> LINE_FIELDS = Set.of("description", "hs_code", "eccn", "eu_control_entry",
            "quantity", "unit", "value", "currency", "origin_country", "software_class", "us_direct_product",
            "jp_table_2_3_item", "cas_number", "concentration_percent", "us_content_percent");
    private static final Set<String> STOP_FIELDS = Set.of("country", "region");
    private static final Set<String> AUTHORISATION_FIELDS = Set.of("jurisdiction", "type", "reference", "lines");
    private static final Set<String> CHANGE_FIELDS = Set.of("field", "from", "from_country", "to", "to_country", "date");
    /** A line of business: a lower-case key of rules/data/common/business-sector-hs-chapters.csv. */
    private static final java.util.regex.Pattern INDUSTRY = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");
    private static final java.util.regex.Pattern IDENTIFIER_KEY = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*");
    private static final String NULL_ELEMENT = "must not be null; leave the element out instead";

    private final OrderDocument document;
    private final List<InputProblem> problems = new ArrayList<>();

    private OrderParser(OrderDocument document) {
        this.document = document;
    }

    /**
     * Parses {@code document}. {@code asOfOverride}, when given, replaces the order's date;
     * {@code today} is used for orders without a date.
     */
    public static ParsedOrder parse(OrderDocument document, LocalDate asOfOverride, LocalDate today) {
        if (document.json() == null) {
            return new ParsedOrder(document, null, java.util.List.of());
        }
        OrderParser parser = new OrderParser(document);
        Order order = parser.order(document.json(), asOfOverride, today);
        return new ParsedOrder(document, parser.problems.isEmpty() ? order : null, parser.problems);
    }

    private Order order(JsonNode node, LocalDate asOfOverride, LocalDate today) {
        String at = document.pointerPrefix();
        if (!object(node, at)) {
            return null;
        }
        fields(node, at, ORDER_FIELDS);
        String id = text(node, at, "id", true);
        LocalDate date = date(node, at, "date");
        Party seller = party(node.get("seller"), at + "/seller", true);
        Party buyer = party(node.get("buyer"), at + "/buyer", true);
        List<Party> consignees = new ArrayList<>();
        JsonNode consigneeNodes = node.get("consignees");
        if (array(consigneeNodes, at + "/consignees", false, "consignees")) {
            for (int i = 0; i < consigneeNodes.size(); i++) {
                consignees.add(party(consigneeNodes.get(i), at + "/consignees/" + i, true));
            }
        }
        Party endUser = party(node.get("end_user"), at + "/end_user", false);
        Party forwarder = party(node.get("freight_forwarder"), at + "/freight_forwarder", false);
        List<Line> lines = new ArrayList<>();
        JsonNode lineNodes = node.get("lines");
        if (array(lineNodes, at + "/lines", true, "lines")) {
            if (lineNodes.isEmpty()) {
                problems.add(problem(at + "/lines", "an order needs at least one line"));
            }
            for (int i = 0; i < lineNodes.size(); i++) {
                lines.add(line(lineNodes.get(i), at + "/lines/" + i, id, i));
            }
        }
        EndUse endUse = endUse(node.get("end_use"), at + "/end_use");
        Payment payment = payment(node.get("payment"), at + "/payment");
        Contract contract = contract(node.get("contract"), at + "/contract");
        String incoterm = text(node, at, "incoterm", false);
        if (incoterm != null && !Codes.INCOTERMS.contains(incoterm)) {
            problems.add(problem(at + "/incoterm", "unknown incoterm " + Printable.value(incoterm) + "; expected one of "
                    + Codes.INCOTERMS.stream().sorted().collect(Collectors.joining(", ")) + " (Incoterms 2020)"));
        }
        String shipFrom = country(node, at, "ship_from", false);
        List<RouteStop> route = route(node.get("route"), at + "/route", id, seller, consignees, endUser, shipFrom);
        if (shipFrom != null && !route.isEmpty() && route.get(0).country() != null && !shipFrom.equals(route.get(0).country())) {
            problems.add(problem(at + "/ship_from", "ship_from '" + shipFrom + "' differs from the route's origin '"
                    + route.get(0).country() + "'; the route starts where the goods are shipped from"));
        }
        List<OrderChange> changeLog = changeLog(node.get("change_log"), at + "/change_log", id);
        List<CitedAuthorisation> authorisations = authorisations(node.get("authorisations"), at + "/authorisations",
                lines.size());
        if (!problems.isEmpty()) {
            return null;
        }
        LocalDate asOf = asOfOverride != null ? asOfOverride : date != null ? date : today;
        return new Order(id, asOf, seller, buyer, consignees, endUser, forwarder, route, lines, endUse, payment,
                contract, incoterm, changeLog, authorisations);
    }

    private Party party(JsonNode node, String at, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(problem(at, node == null ? "is required" : "must be a party object, not null"));
            }
            return null;
        }
        if (!object(node, at)) {
            return null;
        }
        fields(node, at, PARTY_FIELDS);
        String name = text(node, at, "name", true);
        String country = country(node, at, "country", true);
        String region = text(node, at, "region", false);
        String address = text(node, at, "address", false);
        PartyType type = enumValue(node, at, "type", PartyType.class);
        LocalDate incorporated = date(node, at, "incorporated");
        Map<String, String> identifiers = new LinkedHashMap<>();
        List<PartyIdentifier> typedIdentifiers = new ArrayList<>();
        identifiers(node.get("identifiers"), at + "/identifiers", identifiers, typedIdentifiers);
        AddressType addressType = enumValue(node, at, "address_type", AddressType.class);
        String industry = text(node, at, "industry", false);
        if (industry != null && !INDUSTRY.matcher(industry).matches()) {
            problems.add(problem(at + "/industry", Printable.value(industry) + " is not a business sector key such as "
                    + "'electronics' or 'food_processing' (lower case, digits and underscores)"));
        }
        String incorporatedIn = country(node, at, "incorporated_in", false);
        String nationality = country(node, at, "nationality", false);
        List<PartyOwner> owners = owners(node.get("owners"), at + "/owners");
        return new Party(name, country, region, address, type, incorporated, identifiers, addressType, industry,
                incorporatedIn, nationality, owners, typedIdentifiers);
    }

    /**
     * A party's identifiers: an array of {@code {type, value, country?}} with a type of {@link IdentifierType}, each
     * checked against its scheme, or (the older form) an object of scheme names to values, never rejected for a value:
     * a name that is a known type is matched when its value fits the scheme.
     */
    private void identifiers(JsonNode ids, String at, Map<String, String> asGiven, List<PartyIdentifier> typed) {
        if (ids == null || ids.isNull()) {
            return;
        }
        if (ids.isArray()) {
            List<PartyIdentifier> read = objects(ids, at, "identifiers", IDENTIFIER_FIELDS, (id, idAt, i) -> {
                String typeName = text(id, idAt, "type", true);
                String value = text(id, idAt, "value", true);
                String issuer = country(id, idAt, "country", false);
                if (typeName == null || value == null) {
                    return null;
                }
                Optional<IdentifierType> type = IdentifierType.named(typeName);
                if (type.isEmpty()) {
                    problems.add(problem(idAt + "/type", "unknown identifier type " + Printable.value(typeName)
                            + "; expected one of " + IDENTIFIER_TYPES));
                    return null;
                }
                return typedIdentifier(type.get(), value, issuer, idAt + "/value");
            });
            read.stream().filter(java.util.Objects::nonNull).forEach(typed::add);
            return;
        }
        if (!ids.isObject()) {
            problems.add(problem(at, "must be an array of identifier objects (type, value) or an object of identifier names to values"));
        } else if (ids.size() > OrderLimits.ITEMS.get("identifiers")) {
            problems.add(problem(at, "has " + ids.size() + " identifiers; at most "
                    + OrderLimits.ITEMS.get("identifiers") + " are allowed"));
        } else {
            ids.fields().forEachRemaining(e -> {
                String key = e.getKey();
                if (key.length() > OrderLimits.IDENTIFIER_KEY || !IDENTIFIER_KEY.matcher(key).matches()) {
                    problems.add(problem(at, "identifier name " + Printable.value(key)
                            + " must be lower-case snake_case (a-z, 0-9, _), at most " + OrderLimits.IDENTIFIER_KEY
                            + " characters"));
                } else if (e.getValue().isTextual()) {
                    String value = checkText(e.getValue().asText(), at + "/" + key, OrderLimits.IDENTIFIER_VALUE);
                    if (value != null && value.strip().isEmpty()) {
                        problems.add(problem(at + "/" + key, "must not be empty"));
                    } else if (value != null) {
                        asGiven.put(key, value);
                        // The older form never checked values: one that does not fit its scheme is kept, not matched.
                        IdentifierType.named(key).flatMap(type -> lenient(type, value)).ifPresent(typed::add);
                    }
                } else {
                    problems.add(problem(at + "/" + key, "must be a string"));
                }
            });
        }
    }

    private static Optional<PartyIdentifier> lenient(IdentifierType type, String value) {
        try {
            return Optional.of(new PartyIdentifier(type, value, null));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The identifier, or null with a problem at {@code valueAt} naming what the scheme expects. */
    private PartyIdentifier typedIdentifier(IdentifierType type, String value, String issuer, String valueAt) {
        try {
            return new PartyIdentifier(type, value, issuer);
        } catch (IllegalArgumentException e) {
            problems.add(problem(valueAt, Printable.value(value) + " is not " + type.expected()));
            return null;
        }
    }

    /** The owners a party names: who holds it, where that owner is a person of, and (if known) its share. */
    private List<PartyOwner> owners(JsonNode node, String at) {
        return objects(node, at, "owners", OWNER_FIELDS, (owner, ownerAt, i) -> new PartyOwner(
                text(owner, ownerAt, "name", true), country(owner, ownerAt, "country", true),
                percent(owner, ownerAt, "share_percent", "share")));
    }

    /** Reads one object element of an array, at its pointer. */
    private interface ElementReader<T> {
        T read(JsonNode element, String elementAt, int index);
    }

    /**
     * The elements of an optional array of objects, each checked for unknown fields and read; a null or non-object
     * element is a problem at its pointer and is left out.
     */
    private <T> List<T> objects(JsonNode node, String at, String name, Set<String> knownFields, ElementReader<T> reader) {
        List<T> read = new ArrayList<>();
        if (!array(node, at, false, name)) {
            return read;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String elementAt = at + "/" + i;
            if (element.isNull()) {
                problems.add(problem(elementAt, NULL_ELEMENT));
            } else if (object(element, elementAt)) {
                fields(element, elementAt, knownFields);
                read.add(reader.read(element, elementAt, i));
            }
        }
        return read;
    }

    private Line line(JsonNode node, String at, String orderId, int index) {
        if (node.isNull()) {
            problems.add(problem(at, NULL_ELEMENT));
            return null;
        }
        if (!object(node, at)) {
            return null;
        }
        fields(node, at, LINE_FIELDS);
        String description = text(node, at, "description", false);
        String hs = text(node, at, "hs_code", false);
        if (node.has("hs_code") && node.get("hs_code").isNumber()) {
            problems.add(problem(at + "/hs_code", "must be a string (a number would lose leading zeros)"));
        }
        if (hs != null) {
            String normalised = Codes.normaliseHs(hs);
            if (!Codes.hs(normalised)) {
                problems.add(problem(at + "/hs_code", "HS code " + Printable.value(hs) + " must have 6 to 10 digits (dots and spaces allowed)"));
            }
            hs = normalised;
        }
        String eccn = text(node, at, "eccn", false);
        if (eccn != null) {
            eccn = eccn.strip();
            if (eccn.equalsIgnoreCase("EAR99")) {
                eccn = "EAR99";
            }
            if (!Codes.eccn(eccn)) {
                problems.add(problem(at + "/eccn", "ECCN " + Printable.value(eccn) + " is not a Commerce Control List number such as 3A001, 5A992.c or EAR99"));
            }
        }
        String controlEntry = text(node, at, "eu_control_entry", false);
        BigDecimal quantity = amount(node, at, "quantity");
        String unit = text(node, at, "unit", false);
        BigDecimal value = amount(node, at, "value");
        String currency = text(node, at, "currency", false);
        if (currency != null && !Codes.currency(currency)) {
            problems.add(problem(at + "/currency", "unknown currency " + Printable.value(currency) + "; expected an ISO 4217 code such as EUR or USD"));
        }
        String origin = country(node, at, "origin_country", false);
        String softwareClass = text(node, at, "software_class", false);
        if (softwareClass != null) {
            softwareClass = softwareClass.toUpperCase(Locale.ROOT);
        }
        Boolean usDirectProduct = bool(node, at, "us_direct_product");
        String jpItem = text(node, at, "jp_table_2_3_item", false);
        String cas = text(node, at, "cas_number", false);
        if (cas != null) {
            cas = cas.strip();
            String casProblem = Codes.casProblem(cas);
            if (casProblem != null) {
                problems.add(problem(at + "/cas_number", casProblem));
            }
        }
        BigDecimal concentration = percent(node, at, "concentration_percent", "concentration");
        BigDecimal usContent = percent(node, at, "us_content_percent", "US content");
        return new Line(orderId, index, description, hs, eccn, controlEntry, quantity, unit, value, currency, origin,
                softwareClass, usDirectProduct, jpItem, cas, concentration, usContent);
    }

    private List<RouteStop> route(JsonNode node, String at, String orderId, Party seller, List<Party> consignees, Party endUser,
                                  String shipFrom) {
        List<String[]> stops = new ArrayList<>();
        if (node != null && !node.isNull()) {
            if (!array(node, at, false, "route")) {
                return List.of();
            }
            if (node.isEmpty()) {
                problems.add(problem(at, "a route needs at least one country (origin first, final destination last)"));
            }
            for (int i = 0; i < node.size(); i++) {
                JsonNode stop = node.get(i);
                String stopAt = at + "/" + i;
                if (stop.isNull()) {
                    problems.add(problem(stopAt, NULL_ELEMENT));
                } else if (stop.isTextual()) {
                    String code = checkText(stop.asText(), stopAt, OrderLimits.DEFAULT_TEXT);
                    stops.add(new String[] {code == null ? null : checkCountry(code, stopAt), null});
                } else if (object(stop, stopAt)) {
                    fields(stop, stopAt, STOP_FIELDS);
                    stops.add(new String[] {country(stop, stopAt, "country", true), text(stop, stopAt, "region", false)});
                }
            }
        } else {
            // No route given: ship_from (else the seller) → consignees → end user.
            if (shipFrom != null) {
                stops.add(new String[] {shipFrom, null});
            }
            List<Party> chain = new ArrayList<>();
            chain.add(shipFrom == null ? seller : null);
            chain.addAll(consignees);
            chain.add(endUser);
            for (Party party : chain) {
                if (party != null && party.country() != null
                        && (stops.isEmpty() || !stops.get(stops.size() - 1)[0].equals(party.country()))) {
                    stops.add(new String[] {party.country(), party.region()});
                }
            }
        }
        List<RouteStop> route = new ArrayList<>();
        for (int i = 0; i < stops.size(); i++) {
            RouteStop.Leg leg = i == 0 ? RouteStop.Leg.ORIGIN
                    : i == stops.size() - 1 ? RouteStop.Leg.DESTINATION : RouteStop.Leg.TRANSIT;
            route.add(new RouteStop(orderId, i, stops.get(i)[0], stops.get(i)[1], leg));
        }
        return route;
    }

    private EndUse endUse(JsonNode node, String at) {
        if (node == null || node.isNull() || !object(node, at)) {
            return null;
        }
        fields(node, at, Set.of("statement", "category"));
        return new EndUse(text(node, at, "statement", true), text(node, at, "category", false));
    }

    private Payment payment(JsonNode node, String at) {
        if (node == null || node.isNull() || !object(node, at)) {
            return null;
        }
        fields(node, at, Set.of("payer", "bank_country", "method", "other_payers", "lc_consignee"));
        Party payer = party(node.get("payer"), at + "/payer", false);
        String bankCountry = country(node, at, "bank_country", false);
        PaymentMethod method = enumValue(node, at, "method", PaymentMethod.class);
        List<Party> otherPayers = new ArrayList<>();
        JsonNode others = node.get("other_payers");
        if (array(others, at + "/other_payers", false, "other_payers")) {
            for (int i = 0; i < others.size(); i++) {
                Party other = party(others.get(i), at + "/other_payers/" + i, true);
                if (other != null) { // a null element is a problem already; the Payment must not hold it
                    otherPayers.add(other);
                }
            }
        }
        Party lcConsignee = party(node.get("lc_consignee"), at + "/lc_consignee", false);
        return new Payment(payer, bankCountry, method, otherPayers, lcConsignee);
    }

    private List<OrderChange> changeLog(JsonNode node, String at, String orderId) {
        return objects(node, at, "change_log", CHANGE_FIELDS, (entry, entryAt, i) -> {
            // Required, so a blank value (which optional fields treat as absent) is missing too.
            int before = problems.size();
            ChangedField field = enumValue(entry, entryAt, "field", ChangedField.class);
            if (field == null && problems.size() == before) {
                problems.add(problem(entryAt + "/field", "is required"));
            }
            before = problems.size();
            LocalDate date = date(entry, entryAt, "date");
            if (date == null && problems.size() == before) {
                problems.add(problem(entryAt + "/date", "is required"));
            }
            return new OrderChange(orderId, i, field, text(entry, entryAt, "from", false),
                    country(entry, entryAt, "from_country", false), text(entry, entryAt, "to", false),
                    country(entry, entryAt, "to_country", false), date);
        });
    }

    /** The authorisations the order cites; {@code lineCount} bounds the line numbers they name. */
    private List<CitedAuthorisation> authorisations(JsonNode node, String at, int lineCount) {
        Set<String> seen = new java.util.HashSet<>();
        return objects(node, at, "authorisations", AUTHORISATION_FIELDS, (entry, entryAt, i) -> {
            int before = problems.size();
            Jurisdiction jurisdiction = enumValue(entry, entryAt, "jurisdiction", Jurisdiction.class);
            if (jurisdiction == Jurisdiction.ALL) {
                problems.add(problem(entryAt + "/jurisdiction", "must be one of us, eu, uk, jp"));
                jurisdiction = null;
            } else if (jurisdiction == null && problems.size() == before) {
                problems.add(problem(entryAt + "/jurisdiction", "is required"));
            }
            before = problems.size();
            AuthorisationType type = enumValue(entry, entryAt, "type", AuthorisationType.class);
            if (type == null && problems.size() == before) {
                problems.add(problem(entryAt + "/type", "is required"));
            }
            String reference = text(entry, entryAt, "reference", true);
            if (reference != null) {
                String problem = Codes.authorisationReferenceProblem(reference);
                if (problem != null) {
                    problems.add(problem(entryAt + "/reference", problem));
                    reference = null;
                }
            }
            List<Integer> lineIndexes = lineNumbers(entry.get("lines"), entryAt + "/lines", lineCount);
            if (jurisdiction != null && type != null && reference != null
                    && !seen.add(jurisdiction + " " + type + " " + reference.toUpperCase(Locale.ROOT))) {
                problems.add(problem(entryAt, "cites " + jurisdiction + " " + type.code() + " " + reference
                        + " a second time; cite it once, with all its lines"));
            }
            return new CitedAuthorisation(i, jurisdiction, type, reference, lineIndexes);
        });
    }

    /** Line numbers as people count them (1 is the first line), as 0-based indexes; each once and within the order. */
    private List<Integer> lineNumbers(JsonNode node, String at, int lineCount) {
        List<Integer> indexes = new ArrayList<>();
        if (!array(node, at, false, "lines")) {
            return indexes;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode number = node.get(i);
            if (!number.isIntegralNumber() || !number.canConvertToInt() || number.asInt() < 1) {
                problems.add(problem(at + "/" + i, "must be a line number: 1 for the first line, 2 for the second, ..."));
            } else if (number.asInt() > lineCount) {
                problems.add(problem(at + "/" + i, "line " + number.asInt() + " does not exist; the order has "
                        + lineCount + " line(s)"));
            } else if (indexes.contains(number.asInt() - 1)) {
                problems.add(problem(at + "/" + i, "line " + number.asInt() + " is named twice"));
            } else {
                indexes.add(number.asInt() - 1);
            }
        }
        return indexes;
    }

    private Contract contract(JsonNode node, String at) {
        if (node == null || node.isNull() || !object(node, at)) {
            return null;
        }
        fields(node, at, Set.of("no_russia_clause"));
        JsonNode clause = node.get("no_russia_clause");
        if (clause == null || clause.isNull()) {
            problems.add(problem(at + "/no_russia_clause", "is required (true or false) when contract is given"));
            return null;
        }
        if (!clause.isBoolean()) {
            problems.add(problem(at + "/no_russia_clause", "must be true or false"));
            return null;
        }
        return new Contract(clause == null || clause.isNull() ? null : clause.asBoolean());
    }

    // --- field readers: each records a problem and returns null when the value is unusable ---

    private boolean object(JsonNode node, String at) {
        if (node != null && node.isObject()) {
            return true;
        }
        problems.add(problem(at, "must be a JSON object"));
        return false;
    }

    private boolean array(JsonNode node, String at, boolean required, String field) {
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(problem(at, "is required"));
            }
            return false;
        }
        if (!node.isArray()) {
            problems.add(problem(at, "must be a JSON array"));
            return false;
        }
        int max = OrderLimits.ITEMS.get(field);
        if (node.size() > max) {
            problems.add(problem(at, "has " + node.size() + " elements; at most " + max + " are allowed"));
            return false;
        }
        return true;
    }

    private void fields(JsonNode node, String at, Set<String> allowed) {
        node.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                String expected = "expected one of " + allowed.stream().sorted().collect(Collectors.joining(", "));
                if (name.length() > OrderLimits.DEFAULT_TEXT || Printable.hasControl(name)) {
                    // Such a name would make an unreadable pointer: report it at its object, shown escaped and cut.
                    problems.add(problem(at, "unknown field " + Printable.value(name) + "; " + expected));
                } else {
                    problems.add(problem(at + "/" + escape(name), "unknown field; " + expected));
                }
            }
        });
    }

    private String text(JsonNode node, String at, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(problem(at + "/" + field, "is required"));
            }
            return null;
        }
        if (!value.isTextual()) {
            if (!value.isNumber() || !field.equals("hs_code")) {
                problems.add(problem(at + "/" + field, "must be a string"));
            }
            return null;
        }
        String text = checkText(value.asText(), at + "/" + field, OrderLimits.text(field));
        if (text == null) {
            return null;
        }
        text = text.strip();
        if (text.isEmpty()) {
            if (required) {
                problems.add(problem(at + "/" + field, "must not be empty"));
            }
            return null;
        }
        return text;
    }

    /**
     * {@code text} when it holds no control character or unpaired surrogate and is at most {@code max} characters
     * (code points after NFKC normalisation, the form names are compared in); otherwise null and a problem.
     */
    private String checkText(String text, String at, int max) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Printable.isControl(c)) {
                problems.add(problem(at, String.format("contains the control character U+%04X at character %d; "
                        + "text may not contain control characters (tabs and line breaks included)", (int) c,
                        text.codePointCount(0, i))));
                return null;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                problems.add(problem(at, String.format("contains an unpaired UTF-16 surrogate (\\u%04X) at character %d; "
                        + "it is not a Unicode character", (int) c, text.codePointCount(0, i))));
                return null;
            }
        }
        // Far too long already: skip normalising megabytes (NFKC shrinks text by at most a factor of 3).
        int length = text.length() > max * 18 ? text.codePointCount(0, text.length()) : normalisedLength(text);
        if (length > max) {
            problems.add(problem(at, "is too long: " + length + " characters; at most " + max + " are allowed"));
            return null;
        }
        return text;
    }

    /** Code points after NFKC: the form party names are keyed and matched in (a ligature such as ﷺ expands). */
    private static int normalisedLength(String text) {
        String normal = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
        return normal.codePointCount(0, normal.length());
    }

    private String country(JsonNode node, String at, String field, boolean required) {
        String code = text(node, at, field, required);
        return code == null ? null : checkCountry(code, at + "/" + field);
    }

    private String checkCountry(String code, String at) {
        String problem = Codes.countryProblem(code);
        if (problem != null) {
            problems.add(problem(at, problem));
            return null;
        }
        return code;
    }

    private LocalDate date(JsonNode node, String at, String field) {
        String text = text(node, at, field, false);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(problem(at + "/" + field, Printable.value(text) + " is not an ISO date (YYYY-MM-DD)"));
            return null;
        }
    }

    private Boolean bool(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add(problem(at + "/" + field, "must be true or false"));
            return null;
        }
        return value.asBoolean();
    }

    private BigDecimal percent(JsonNode node, String at, String field, String what) {
        BigDecimal percent = amount(node, at, field);
        if (percent != null && percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(problem(at + "/" + field, what + " " + display(percent) + " % is above 100 %"));
            return null;
        }
        return percent;
    }

    private BigDecimal amount(JsonNode node, String at, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(problem(at + "/" + field, "must be a number"));
            return null;
        }
        BigDecimal amount = value.decimalValue();
        if (amount.signum() < 0) {
            problems.add(problem(at + "/" + field, "must not be negative (got " + display(amount) + ")"));
            return null;
        }
        if (amount.compareTo(OrderLimits.AMOUNT_BOUND) >= 0) {
            problems.add(problem(at + "/" + field, "is too large (got " + display(amount) + "); it must be below "
                    + OrderLimits.AMOUNT_BOUND.toPlainString()));
            return null;
        }
        if (amount.signum() != 0 && amount.stripTrailingZeros().scale() > OrderLimits.DECIMAL_PLACES) {
            problems.add(problem(at + "/" + field, "has more than " + OrderLimits.DECIMAL_PLACES
                    + " decimal places (got " + display(amount) + ")"));
            return null;
        }
        return amount;
    }

    private <E extends Enum<E>> E enumValue(JsonNode node, String at, String field, Class<E> type) {
        String text = text(node, at, field, false);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            problems.add(problem(at + "/" + field, "unknown value " + Printable.value(text) + "; expected one of " + allowed));
            return null;
        }
    }

    private InputProblem problem(String pointer, String message) {
        return new InputProblem(document.source(), pointer, message);
    }

    /** A number as sent, in plain digits unless that would be absurdly long (1e999999999). */
    private static String display(BigDecimal amount) {
        return Math.abs(amount.scale()) <= 30 && amount.precision() <= 40 ? amount.toPlainString() : amount.toString();
    }

    /** RFC 6901 escaping of a field name inside a JSON pointer. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
