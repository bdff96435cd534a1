package org.clearance.licences;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.clearance.facts.Authorisation;
import org.clearance.facts.CitedAuthorisation;
import org.clearance.facts.DataRow;
import org.clearance.facts.Line;
import org.clearance.facts.Order;
import org.clearance.facts.Party;
import org.clearance.lists.EntityType;
import org.clearance.lists.ListEntry;
import org.clearance.parties.matching.MatchSettings;
import org.clearance.parties.matching.PartyMatcher;
import org.clearance.rules.DataSet;

/**
 * Resolves the authorisations an order cites into {@link Authorisation} facts: licences and approvals from the
 * register, general licences and exceptions from the rule pack's {@code <jurisdiction>/general-authorisations} data
 * files. It states facts (what the authorisation covers, what is left of it, which order parties it does not name);
 * the rules decide what they mean for the order. Pure: no database of its own, the lookup gives the register.
 */
public final class AuthorisationResolver {

    /** Data sets holding general licences and exceptions end with this name. */
    public static final String GENERAL_AUTHORISATIONS = "/general-authorisations";
    /**
     * A licence names parties precisely; an order party is "named" only when its name scores at least this against
     * one of them and the countries are equal (screening's threshold is lower, since it looks for resemblance).
     */
    static final double PARTY_SCORE = 0.90;

    private final LicenceLookup register;
    private final List<DataRow> general;
    /**
     * The matcher over each list of licensed parties, for one country: built once per resolver (one batch), not per
     * check. Keyed by the names themselves, so a licence changed in the register meanwhile is indexed anew, never
     * answered from the old one.
     */
    private final Map<LicensedNames, PartyMatcher> licensedNames = new ConcurrentHashMap<>();
    /** How many matchers were built (tests count them). */
    private final LongAdder matchersBuilt = new LongAdder();

    /** What a licensed-party matcher indexes: the parties a licence names that are in {@code country}. */
    private record LicensedNames(List<LicensedParty> parties, String country) {
    }

    public AuthorisationResolver(LicenceLookup register, List<DataSet> packData) {
        this.register = register;
        this.general = packData.stream().filter(d -> d.name().endsWith(GENERAL_AUTHORISATIONS))
                .flatMap(d -> d.rows().stream()).toList();
    }

    /**
     * What the order cites, resolved: one fact per authorisation, in citation order, and the register's licences they
     * were resolved from, as the register had them (what a screening records so that a replay resolves the same).
     */
    public record Resolved(List<Authorisation> facts, List<LicenceView> licences) {
    }

    public Resolved resolve(Order order) {
        List<Authorisation> facts = new ArrayList<>();
        List<LicenceView> licences = new ArrayList<>();
        for (CitedAuthorisation cited : order.authorisations()) {
            if (cited.type().registered()) {
                Optional<LicenceView> found = register.find(cited.jurisdiction(), cited.reference());
                found.ifPresent(licences::add);
                facts.add(found.map(licence -> fromRegister(order, cited, licence))
                        .orElseGet(() -> Authorisation.notFound(order.id(), cited)));
            } else {
                facts.add(general(order, cited));
            }
        }
        return new Resolved(List.copyOf(facts), List.copyOf(licences));
    }

    private Authorisation fromRegister(Order order, CitedAuthorisation cited, LicenceView licence) {
        List<Line> lines = citedLines(order, cited);
        return new Authorisation(order.id(), cited.index(), cited.jurisdiction(), cited.type(), licence.reference(),
                cited.lines(), true, "licence register", licence.holder().toString(), licence.items(),
                licence.destinations(), List.of(), licence.validFrom(), licence.validUntil(), licence.quantityUnit(),
                licence.quantityRemaining(), requestedQuantity(lines, licence.quantityUnit()), licence.valueCurrency(),
                licence.valueRemaining(), requestedValue(lines, licence.valueCurrency()), uncoveredParties(order, licence),
                null, licence.conditions());
    }

    private Authorisation general(Order order, CitedAuthorisation cited) {
        String prefix = cited.jurisdiction().name().toLowerCase(Locale.ROOT) + "/";
        Optional<DataRow> row = general.stream().filter(r -> r.dataset().startsWith(prefix)
                && r.key().equalsIgnoreCase(cited.reference())
                && cited.type().code().equals(r.get("type"))).findFirst();
        if (row.isEmpty()) {
            return Authorisation.notFound(order.id(), cited);
        }
        DataRow data = row.get();
        String citation = data.get("citation") + (data.get("url") == null ? "" : ", " + data.get("url"));
        return new Authorisation(order.id(), cited.index(), cited.jurisdiction(), cited.type(), data.key(),
                cited.lines(), true, "rule pack data " + data.dataset(), null, split(data.get("items")),
                split(data.get("destinations")), split(data.get("covers_rules")), date(data.get("valid_from")),
                date(data.get("valid_until")), null, null, null, null, null, null, List.of(), citation,
                data.get("conditions"));
    }

    private static List<Line> citedLines(Order order, CitedAuthorisation cited) {
        return order.lines().stream().filter(l -> cited.citedFor(l.index())).toList();
    }

    /** The summed quantity of the cited lines, or null when a line states none or states another unit. */
    static BigDecimal requestedQuantity(List<Line> lines, String unit) {
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : lines) {
            if (line.quantity() == null || unit != null && !unit.equalsIgnoreCase(line.unit())) {
                return null;
            }
            total = total.add(line.quantity());
        }
        return total;
    }

    /** The summed value of the cited lines, or null when a line states none or another currency. */
    static BigDecimal requestedValue(List<Line> lines, String currency) {
        BigDecimal total = BigDecimal.ZERO;
        for (Line line : lines) {
            if (line.value() == null || currency != null && !currency.equals(line.currency())) {
                return null;
            }
            total = total.add(line.value());
        }
        return total;
    }

    /**
     * The order parties the licence should name and does not: the seller must be its holder; when it names
     * consignees, each consignee (the buyer when the order names none) must be one; when it names end users, so must
     * the end user be.
     */
    List<String> uncoveredParties(Order order, LicenceView licence) {
        List<String> uncovered = new ArrayList<>();
        if (!named(order.seller(), List.of(licence.holder()))) {
            uncovered.add("seller " + describe(order.seller()) + " is not the licence holder " + licence.holder());
        }
        if (!licence.consignees().isEmpty()) {
            List<Party> consignees = order.consignees().isEmpty() ? List.of(order.buyer()) : order.consignees();
            for (Party consignee : consignees) {
                if (!named(consignee, licence.consignees())) {
                    uncovered.add("consignee " + describe(consignee) + " is not among the licence's consignees");
                }
            }
        }
        if (!licence.endUsers().isEmpty()) {
            if (order.endUser() == null) {
                uncovered.add("the order names no end user; the licence is for end user(s) " + join(licence.endUsers()));
            } else if (!named(order.endUser(), licence.endUsers())) {
                uncovered.add("end user " + describe(order.endUser()) + " is not among the licence's end users");
            }
        }
        return uncovered;
    }

    private boolean named(Party party, List<LicensedParty> licensed) {
        if (party == null || licensed.stream().noneMatch(named -> named.country().equals(party.country()))) {
            return false;
        }
        PartyMatcher matcher = licensedNames.computeIfAbsent(new LicensedNames(licensed, party.country()), this::index);
        return !matcher.match(party.name(), party.country(), 1).isEmpty();
    }

    /** The licensed parties in the country as list entries, numbered by their place on the licence. */
    private PartyMatcher index(LicensedNames names) {
        List<ListEntry> entries = new ArrayList<>();
        for (int i = 0; i < names.parties().size(); i++) {
            LicensedParty named = names.parties().get(i);
            if (named.country().equals(names.country())) {
                entries.add(ListEntry.builder("licence", String.valueOf(i)).type(EntityType.UNKNOWN)
                        .primaryName(named.name()).country(named.country()).build());
            }
        }
        PartyMatcher matcher = new PartyMatcher(MatchSettings.defaults().withThreshold(PARTY_SCORE));
        matcher.index(entries);
        matchersBuilt.increment();
        return matcher;
    }

    long matchersBuilt() {
        return matchersBuilt.sum();
    }

    private static String describe(Party party) {
        return party.name() + " (" + party.country() + ")";
    }

    private static String join(List<LicensedParty> parties) {
        return String.join("; ", parties.stream().map(LicensedParty::toString).toList());
    }

    private static List<String> split(String cell) {
        return cell == null ? List.of() : Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
