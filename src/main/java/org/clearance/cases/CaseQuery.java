package org.clearance.cases;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.clearance.order.OrderLimits;
import org.clearance.order.Printable;
import org.clearance.screening.Decision;
import org.clearance.screening.OrderSearchTerms;
import org.clearance.web.InvalidQueryException;
import org.clearance.web.Problem;
import org.clearance.web.QueryParameters;

/**
 * The filters of {@code GET /api/v1/cases} (and {@code clearance cases list}), every one optional: {@code statuses}
 * (any of), {@code assignee} exactly, {@code decision}, {@code overdue} (open and past due, or not), {@code partyKey}
 * a folded part of a party name of any attached screening, {@code text} an order id or a part of a party name.
 */
public record CaseQuery(List<CaseStatus> statuses, String assignee, Decision decision, Boolean overdue, String partyKey,
                        String text) {

    static final Set<String> PARAMETERS = Set.of("status", "assignee", "decision", "overdue", "party", "q", "page");
    private static final String EXPECTED = "status, assignee, decision, overdue, party, q or page";

    public static final CaseQuery ALL = new CaseQuery(List.of(), null, null, null, null, null);

    public CaseQuery {
        statuses = List.copyOf(statuses);
    }

    /** The query and page of a query string, or an {@link InvalidQueryException} naming every parameter it cannot use. */
    public record Request(CaseQuery query, int page) {
    }

    public static Request parse(MultivaluedMap<String, String> parameters, int pageSize) {
        List<Problem.Error> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!PARAMETERS.contains(parameter.getKey())) {
                problems.add(InvalidQueryException.error(parameter.getKey(), "is not a filter of cases (use " + EXPECTED + ")"));
            } else if (parameter.getValue().size() > 1) {
                problems.add(InvalidQueryException.error(parameter.getKey(), "is given " + parameter.getValue().size()
                        + " times; give it once (status takes a comma-separated list)"));
            }
        }
        List<CaseStatus> statuses = new ArrayList<>();
        String status = text(parameters.getFirst("status"));
        if (status != null) {
            for (String label : status.split(",")) {
                CaseStatus parsed = CaseStatus.parse(label.strip().toLowerCase(Locale.ROOT)).orElse(null);
                if (parsed == null) {
                    problems.add(InvalidQueryException.error("status", "must be open, in_review, escalated, released or "
                            + "rejected, or several separated by commas (got " + Printable.value(label) + ")"));
                } else {
                    statuses.add(parsed);
                }
            }
        }
        String decisionText = text(parameters.getFirst("decision"));
        Decision decision = null;
        if (decisionText != null) {
            if (decisionText.equalsIgnoreCase("REVIEW") || decisionText.equalsIgnoreCase("BLOCK")) {
                decision = Decision.valueOf(decisionText.toUpperCase(Locale.ROOT));
            } else {
                problems.add(InvalidQueryException.error("decision", "must be REVIEW or BLOCK (got "
                        + Printable.value(decisionText) + ")"));
            }
        }
        String overdueText = text(parameters.getFirst("overdue"));
        Boolean overdue = null;
        if (overdueText != null) {
            if (overdueText.equals("true") || overdueText.equals("false")) {
                overdue = Boolean.valueOf(overdueText);
            } else {
                problems.add(InvalidQueryException.error("overdue", "must be true or false (got " + Printable.value(overdueText) + ")"));
            }
        }
        String assignee = bounded("assignee", parameters.getFirst("assignee"), CaseRequests.MAX_NAME, problems);
        String party = bounded("party", parameters.getFirst("party"), OrderLimits.text("name"), problems);
        String q = bounded("q", parameters.getFirst("q"), 512, problems);
        int page = QueryParameters.integer("page", parameters.getFirst("page"), 0, 0, Integer.MAX_VALUE / pageSize - 1, problems);
        if (!problems.isEmpty()) {
            throw new InvalidQueryException(problems);
        }
        return new Request(new CaseQuery(statuses, assignee, decision, overdue,
                party == null ? null : OrderSearchTerms.fold(party), q), page);
    }

    /** The WHERE clause over {@code compliance_case c} and its named parameters. */
    record Sql(String where, Map<String, Object> parameters) {
    }

    Sql sql(Instant now) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (!statuses.isEmpty()) {
            conditions.add("c.status IN (:statuses)");
            parameters.put("statuses", statuses.stream().map(Enum::name).toList());
        }
        if (assignee != null) {
            conditions.add("c.assignee = :assignee");
            parameters.put("assignee", assignee);
        }
        if (decision != null) {
            conditions.add("c.decision = :decision");
            parameters.put("decision", decision.name());
        }
        if (overdue != null) {
            String late = "(c.closed_at IS NULL AND c.due_at < :now)";
            conditions.add(overdue ? late : "NOT " + late);
            parameters.put("now", now);
        }
        if (partyKey != null) {
            conditions.add(partyCondition("party"));
            parameters.put("party", "%" + OrderSearchTerms.likeLiteral(partyKey) + "%");
        }
        if (text != null) {
            conditions.add("(c.order_id = :q OR " + partyCondition("qparty") + ")");
            parameters.put("q", text);
            parameters.put("qparty", "%" + OrderSearchTerms.likeLiteral(OrderSearchTerms.fold(text)) + "%");
        }
        return new Sql(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), parameters);
    }

    private static String partyCondition(String parameter) {
        return "EXISTS (SELECT 1 FROM case_screening cs JOIN screening_search_term t ON t.screening_id = cs.screening_id"
                + " WHERE cs.case_id = c.id AND t.name_key LIKE :" + parameter + " ESCAPE '" + OrderSearchTerms.LIKE_ESCAPE + "')";
    }

    private static String text(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    private static String bounded(String name, String raw, int max, List<Problem.Error> problems) {
        String value = text(raw);
        if (value != null && value.codePointCount(0, value.length()) > max) {
            problems.add(InvalidQueryException.error(name, "is longer than " + max + " characters"));
            return null;
        }
        return value;
    }
}
