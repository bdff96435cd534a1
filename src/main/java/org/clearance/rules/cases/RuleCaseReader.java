package org.clearance.rules.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clearance.facts.CountryRisk;
import org.clearance.facts.PartyMatch;
import org.clearance.screening.Decision;

/**
 * Reads {@code *.tests.yaml} files. A case names a base order from {@code bases/NAME.json} in the
 * pack plus {@code changes} (a JSON merge patch), or gives the {@code order} whole.
 */
final class RuleCaseReader {

    static final String SUFFIX = ".tests.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path packDirectory;

    RuleCaseReader(Path packDirectory) {
        this.packDirectory = packDirectory;
    }

    /** The cases of one file; problems in the file itself are reported as {@link RuleCaseException}. */
    List<RuleCase> read(Path file) {
        String relative = packDirectory.relativize(file).toString().replace('\\', '/');
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new RuleCaseException(relative + ": not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode cases = root == null ? null : root.get("cases");
        if (cases == null || !cases.isArray() || cases.isEmpty()) {
            throw new RuleCaseException(relative + ": needs a non-empty 'cases:' list");
        }
        List<RuleCase> read = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            read.add(readCase(relative, i + 1, cases.get(i)));
        }
        return read;
    }

    private RuleCase readCase(String file, int number, JsonNode node) {
        String where = file + " case " + number;
        String name = node.path("name").asText(null);
        if (name == null || name.isBlank()) {
            throw new RuleCaseException(where + ": needs a 'name'");
        }
        JsonNode order;
        if (node.has("order")) {
            order = node.get("order");
        } else if (node.has("base")) {
            order = JsonMergePatch.apply(base(where, node.get("base").asText()), node.get("changes"));
        } else {
            throw new RuleCaseException(where + ": needs either 'order' or 'base' (with optional 'changes')");
        }
        JsonNode expect = node.get("expect");
        if (expect == null || !expect.has("decision") || !expect.has("rules") || !expect.get("rules").isArray()) {
            throw new RuleCaseException(where + ": needs 'expect' with 'decision' and a 'rules' list");
        }
        Decision decision;
        try {
            decision = Decision.valueOf(expect.get("decision").asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RuleCaseException(where + ": expect.decision must be CLEAR, REVIEW or BLOCK");
        }
        if (decision == Decision.NOT_APPLICABLE) {
            throw new RuleCaseException(where + ": expect.decision must be CLEAR, REVIEW or BLOCK");
        }
        List<String> rules = new ArrayList<>();
        expect.get("rules").forEach(r -> rules.add(r.asText()));
        List<String> nexus = null;
        if (expect.has("nexus")) {
            if (!expect.get("nexus").isArray()) {
                throw new RuleCaseException(where + ": expect.nexus must be a list of nexus rule ids");
            }
            nexus = new ArrayList<>();
            for (JsonNode id : expect.get("nexus")) {
                nexus.add(id.asText());
            }
        }
        return new RuleCase(file, number, name, order, decision, rules, history(where, node.get("history")),
                countryRisks(where, node.get("country_risk")), verdicts(where, expect.get("verdicts")), nexus,
                licences(where, node.get("licences")), reasons(where, expect.get("reasons")),
                riskScore(where, expect.get("risk_score")), messages(where, expect.get("messages"), rules),
                unmappedListJurisdictions(where, node.get("unmapped_list_jurisdictions")));
    }

    /**
     * {@code unmapped_list_jurisdictions: [EU]}: the regimes that review a match on a list the pack does not map, as the
     * setting {@code clearance.lists.unmapped-list-jurisdictions} names them; all four when the case does not say.
     */
    private static List<String> unmappedListJurisdictions(String where, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String shape = where + ": unmapped_list_jurisdictions must be a list of regimes out of "
                + String.join(", ", PartyMatch.ALL_JURISDICTIONS);
        if (!node.isArray()) {
            throw new RuleCaseException(shape);
        }
        List<String> regimes = new ArrayList<>();
        for (JsonNode regime : node) {
            if (!regime.isTextual() || !PartyMatch.ALL_JURISDICTIONS.contains(regime.asText())) {
                throw new RuleCaseException(shape + "; not " + regime);
            }
            regimes.add(regime.asText());
        }
        return regimes;
    }

    /**
     * {@code messages: {US-DEMIN-01: ["above the de minimis level of 25 %"]}}: by rule, text that one of its findings'
     * messages must contain; each rule named must be one the case expects to fire.
     */
    private static java.util.Map<String, List<String>> messages(String where, JsonNode node, List<String> rules) {
        if (node == null || node.isNull()) {
            return java.util.Map.of();
        }
        String shape = where + ": expect.messages must map rule ids of expect.rules to a list of texts their findings say";
        if (!node.isObject()) {
            throw new RuleCaseException(shape);
        }
        java.util.Map<String, List<String>> messages = new java.util.TreeMap<>();
        java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            java.util.Map.Entry<String, JsonNode> field = fields.next();
            if (!rules.contains(field.getKey())) {
                throw new RuleCaseException(where + ": expect.messages names " + field.getKey()
                        + ", which is not in expect.rules");
            }
            messages.put(field.getKey(), texts(field.getValue(), shape));
        }
        return messages;
    }

    /** {@code risk_score: 12}: the order's risk score, the sum of the points of its risk factors. */
    private static Integer riskScore(String where, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 0) {
            throw new RuleCaseException(where + ": expect.risk_score must be a whole number of points, 0 or more");
        }
        return node.asInt();
    }

    /**
     * {@code reasons: {EU: ["EU-origin goods (line 1"]}}: by regime, text that one of its applicability reasons (as
     * the verdict shows them, each starting with its nexus rule id) must contain.
     */
    private static java.util.Map<org.clearance.facts.Jurisdiction, List<String>> reasons(String where, JsonNode node) {
        if (node == null || node.isNull()) {
            return java.util.Map.of();
        }
        String shape = where + ": expect.reasons must map US, EU, UK or JP to a list of texts its applicability reasons contain";
        if (!node.isObject()) {
            throw new RuleCaseException(shape);
        }
        java.util.Map<org.clearance.facts.Jurisdiction, List<String>> reasons = new java.util.EnumMap<>(org.clearance.facts.Jurisdiction.class);
        java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            java.util.Map.Entry<String, JsonNode> field = fields.next();
            org.clearance.facts.Jurisdiction regime;
            try {
                regime = org.clearance.facts.Jurisdiction.valueOf(field.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RuleCaseException(shape);
            }
            if (!org.clearance.facts.Jurisdiction.REPORTED.contains(regime)) {
                throw new RuleCaseException(shape);
            }
            reasons.put(regime, texts(field.getValue(), shape));
        }
        return reasons;
    }

    /** A non-empty list of texts, none blank; otherwise the case is refused with {@code shape}. */
    private static List<String> texts(JsonNode list, String shape) {
        if (!list.isArray() || list.isEmpty()) {
            throw new RuleCaseException(shape);
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode text : list) {
            if (!text.isTextual() || text.asText().isBlank()) {
                throw new RuleCaseException(shape);
            }
            texts.add(text.asText());
        }
        return List.copyOf(texts);
    }

    /** {@code licences: [{jurisdiction: US, reference: D123, …}]}: the licence register the case's order is screened with. */
    private static List<org.clearance.licences.LicenceView> licences(String where, JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        try {
            return org.clearance.licences.LicenceFiles.fixtures(where + " licences", node);
        } catch (org.clearance.licences.InvalidLicencesException e) {
            throw new RuleCaseException(where + ": licences" + e.problems().stream()
                    .map(p -> (p.pointer().isEmpty() ? "" : p.pointer()) + ": " + p.message())
                    .collect(java.util.stream.Collectors.joining("; ", "", "")));
        }
    }

    /** {@code verdicts: {EU: NOT_APPLICABLE, US: BLOCK}}: the verdicts a case checks, by regime. */
    private static java.util.Map<org.clearance.facts.Jurisdiction, Decision> verdicts(String where, JsonNode node) {
        if (node == null || node.isNull()) {
            return java.util.Map.of();
        }
        if (!node.isObject()) {
            throw new RuleCaseException(where + ": expect.verdicts must map US, EU, UK or JP to a verdict");
        }
        java.util.Map<org.clearance.facts.Jurisdiction, Decision> verdicts = new java.util.EnumMap<>(org.clearance.facts.Jurisdiction.class);
        java.util.Iterator<java.util.Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            java.util.Map.Entry<String, JsonNode> field = fields.next();
            try {
                org.clearance.facts.Jurisdiction regime = org.clearance.facts.Jurisdiction.valueOf(field.getKey().toUpperCase(Locale.ROOT));
                if (!org.clearance.facts.Jurisdiction.REPORTED.contains(regime)) {
                    throw new IllegalArgumentException(regime.name());
                }
                verdicts.put(regime, Decision.valueOf(field.getValue().asText().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new RuleCaseException(where + ": expect.verdicts." + field.getKey() + ": regimes are US, EU, UK, JP and "
                        + "verdicts CLEAR, REVIEW, BLOCK, NOT_APPLICABLE");
            }
        }
        return verdicts;
    }

    /** The optional {@code history:} fixture: previous_orders, previous_chp_orders, previous_chp_quantity. */
    private static RuleCase.HistoryFixture history(String where, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        java.util.Set<String> fields = java.util.Set.of("previous_orders", "previous_chp_orders", "previous_chp_quantity");
        if (!node.isObject()) {
            throw new RuleCaseException(where + ": 'history' must be a map of " + String.join(", ", new java.util.TreeSet<>(fields)));
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!fields.contains(field) || !node.get(field).isNumber() || node.get(field).asDouble() < 0) {
                throw new RuleCaseException(where + ": history." + field + " must be one of "
                        + String.join(", ", new java.util.TreeSet<>(fields)) + ", with a number >= 0");
            }
        });
        return new RuleCase.HistoryFixture(node.path("previous_orders").asInt(0), node.path("previous_chp_orders").asInt(0),
                node.path("previous_chp_quantity").decimalValue());
    }

    /** {@code country_risk: [{country: TR, score: 85, evidence: "..."}]}: computed country risks the case's session sees. */
    private static List<CountryRisk> countryRisks(String where, JsonNode node) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new RuleCaseException(where + ": 'country_risk' must be a list of {country, score, evidence}");
        }
        List<CountryRisk> risks = new ArrayList<>();
        for (JsonNode risk : node) {
            JsonNode score = risk.get("score");
            if (!risk.path("country").isTextual() || score == null || !score.canConvertToInt() || !score.isIntegralNumber()) {
                throw new RuleCaseException(where + ": each 'country_risk' entry needs 'country' (ISO2) and an integer 'score'");
            }
            try {
                risks.add(new CountryRisk(risk.get("country").asText(), score.asInt(),
                        risk.path("evidence").asText("rule-test fixture")));
            } catch (IllegalArgumentException e) {
                throw new RuleCaseException(where + ": country_risk: " + e.getMessage());
            }
        }
        return risks;
    }

    private JsonNode base(String where, String name) {
        Path file = packDirectory.resolve("bases").resolve(name + ".json");
        if (!Files.isRegularFile(file)) {
            throw new RuleCaseException(where + ": base order '" + name + "' not found (expected bases/" + name + ".json)");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new RuleCaseException("bases/" + name + ".json: not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
