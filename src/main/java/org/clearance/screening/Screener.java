package org.clearance.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.clearance.facts.BuyerHistory;
import org.clearance.facts.CountryRisk;
import org.clearance.facts.Order;
import org.clearance.history.BuyerHistorySource;
import org.clearance.licences.AuthorisationResolver;
import org.clearance.licences.LicenceLookup;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderInput;
import org.clearance.order.OrderParser;
import org.clearance.order.ParsedOrder;
import org.clearance.rules.RulePack;

/**
 * Input → validation → facts → Drools → findings → decision, without storage: the path shared by
 * the CLI, the HTTP API, rule tests and the benchmark.
 */
public final class Screener {

    private final RulePack pack;
    private final PartyMatchSource partyMatches;
    private final BuyerHistorySource buyerHistory;
    private final CountryRiskSource countryRisks;
    private final Integer reviewScore;
    private final AuthorisationResolver authorisations;
    private Progress progress = Progress.NONE;
    private ScreeningEngine.Sessions sessions = ScreeningEngine.Sessions.WARM;

    /** Screens without sanctions lists: no party is matched. */
    public Screener(RulePack pack) {
        this(pack, PartyMatchSource.NONE);
    }

    public Screener(RulePack pack, PartyMatchSource partyMatches) {
        this(pack, partyMatches, BuyerHistorySource.NONE, CountryRiskSource.NONE);
    }

    /**
     * Screens with list matches, each buyer's history (computed once per batch before it is screened) and the
     * country risks computed from trade statistics.
     */
    public Screener(RulePack pack, PartyMatchSource partyMatches, BuyerHistorySource buyerHistory,
                    CountryRiskSource countryRisks) {
        this(pack, partyMatches, buyerHistory, countryRisks, LicenceLookup.NONE);
    }

    /** As above, with the licence register that the authorisations an order cites are resolved against. */
    public Screener(RulePack pack, PartyMatchSource partyMatches, BuyerHistorySource buyerHistory,
                    CountryRiskSource countryRisks, LicenceLookup licences) {
        this.authorisations = new AuthorisationResolver(licences, pack.dataSets());
        this.pack = pack;
        this.partyMatches = partyMatches;
        this.buyerHistory = buyerHistory;
        this.countryRisks = countryRisks;
        this.reviewScore = reviewScore(pack);
    }

    /** The score at which ALL-RISK-01 asks for review (common/risk-thresholds), shown with each risk score. */
    private static Integer reviewScore(RulePack pack) {
        return pack.dataSets().stream().filter(d -> d.name().equals("common/risk-thresholds"))
                .flatMap(d -> d.rows().stream()).filter(r -> r.key().equals("review-score"))
                .map(r -> Integer.valueOf(r.get("number"))).findFirst().orElse(null);
    }

    public RulePack pack() {
        return pack;
    }

    /** Splits and validates raw input from {@code source}, then screens every valid order. */
    public Batch screen(String source, String text, LocalDate asOfOverride) {
        OrderInput.Split split = OrderInput.split(source, text);
        Batch batch = screenDocuments(split.documents(), asOfOverride);
        List<InputProblem> problems = new ArrayList<>(split.problems());
        problems.addAll(batch.problems());
        return new Batch(batch.items(), problems);
    }

    /** Validates and screens documents; the items keep input order, invalid ones carry their problems. */
    public Batch screenDocuments(List<OrderDocument> documents, LocalDate asOfOverride) {
        LocalDate today = LocalDate.now();
        List<ParsedOrder> parsed = documents.stream().map(d -> OrderParser.parse(d, asOfOverride, today)).toList();
        List<ScreeningResult> results = screen(parsed.stream().filter(ParsedOrder::valid).map(ParsedOrder::order).toList(),
                parsed.stream().filter(ParsedOrder::valid).map(p -> p.document().location()).toList());
        List<Item> items = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        int next = 0;
        for (ParsedOrder order : parsed) {
            if (order.valid()) {
                items.add(new Item(order, results.get(next++)));
            } else {
                items.add(new Item(order, null));
                problems.addAll(order.problems());
            }
        }
        return new Batch(items, problems);
    }

    /** This screener, telling {@code progress} how many orders it has screened as it goes. */
    public Screener reportingTo(Progress progress) {
        this.progress = progress;
        return this;
    }

    /**
     * This screener, on a new session for each chunk instead of the pack's warm ones: for a rule base whose rules
     * change between screenings, which would otherwise be applied to every idle session too.
     */
    public Screener onFreshSessions() {
        this.sessions = ScreeningEngine.Sessions.FRESH;
        return this;
    }

    /** Screens valid orders; {@code sources} says where each came from. */
    public List<ScreeningResult> screen(List<Order> orders, List<String> sources) {
        List<BuyerHistory> histories = buyerHistory.before(orders);
        List<CountryRisk> risks = List.copyOf(countryRisks.risks()); // once: every order of the batch gets the same
        List<AuthorisationResolver.Resolved> cited = orders.stream().map(authorisations::resolve).toList();
        List<ScreeningEngine.Fired> fired = ScreeningEngine.screen(pack, orders, partyMatches.forBatch(), risks, i -> {
            List<Object> facts = new ArrayList<>(cited.get(i).facts());
            if (histories.get(i) != null) {
                facts.add(histories.get(i));
            }
            return facts;
        }, progress, sessions);
        List<ScreeningResult> results = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            results.add(ScreeningResult.of(order.id(), sources.get(i), order.date(), fired.get(i).findings(), pack.hash(),
                    RiskView.of(fired.get(i).riskFactors(), reviewScore), fired.get(i).applicability(),
                    fired.get(i).covers(), new ScreeningContext(risks, histories.get(i),
                            order.authorisations().isEmpty() ? null : cited.get(i).licences()),
                    fired.get(i).partyMatches()));
        }
        return results;
    }

    /** One input document and, when it was valid, its screening. */
    public record Item(ParsedOrder parsed, ScreeningResult result) {
        public boolean screened() {
            return result != null;
        }
    }

    /** Everything one input produced, in input order, and every problem found in it. */
    public record Batch(List<Item> items, List<InputProblem> problems) {

        public List<ScreeningResult> results() {
            return items.stream().filter(Item::screened).map(Item::result).toList();
        }
    }
}
