package org.clearance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.clearance.order.Printable;
import org.clearance.web.InvalidRequestException;
import org.clearance.web.Problem;

/**
 * Reads the bodies of case actions and dispositions strictly: every unknown field, wrong type or missing reason is
 * named by JSON pointer in one 400. Who acts is the authenticated caller, so a body naming an actor is refused.
 */
public final class CaseRequests {

    /** Characters of a reason or comment, and of an assignee's name. */
    static final int MAX_REASON = 4000;
    static final int MAX_NAME = 300;
    static final int MAX_AUTHORISATION = 64;

    private static final Set<String> IDENTITY_FIELDS = Set.of("actor", "by", "officer", "reviewer", "user", "decided_by");

    /** {@code POST /api/v1/cases/{id}/actions}: {@code {action, reason, assignee}}. */
    public record ActionRequest(CaseAction action, String reason, String assignee) {
    }

    /** {@code POST /api/v1/cases/{id}/dispositions}: {@code {subject, disposition, reason, authorisation}}. */
    public record DispositionRequest(String subject, DispositionType disposition, String reason, String authorisation) {
    }

    private CaseRequests() {
    }

    public static ActionRequest action(JsonNode body) {
        List<Problem.Error> errors = new ArrayList<>();
        checkFields(body, Set.of("action", "reason", "assignee"), errors);
        String actionText = text(body, "action", 40, errors);
        CaseAction action = null;
        if (actionText == null) {
            if (!has(errors, "/action")) {
                errors.add(error("/action", "is required: one of " + CaseAction.labels()));
            }
        } else {
            action = CaseAction.parse(actionText).orElse(null);
            if (action == null) {
                errors.add(error("/action", "must be one of " + CaseAction.labels() + " (got " + Printable.value(actionText) + ")"));
            }
        }
        String reason = text(body, "reason", MAX_REASON, errors);
        if (action != null && action.reasonRequired() && reason == null && !has(errors, "/reason")) {
            errors.add(error("/reason", "is required for " + action.label()));
        }
        String assignee = text(body, "assignee", MAX_NAME, errors);
        if (assignee != null && action != null && action != CaseAction.ASSIGN) {
            errors.add(error("/assignee", "is only for the assign action"));
        }
        failOn(errors);
        return new ActionRequest(action, reason, assignee);
    }

    public static DispositionRequest disposition(JsonNode body) {
        List<Problem.Error> errors = new ArrayList<>();
        checkFields(body, Set.of("subject", "disposition", "reason", "authorisation"), errors);
        String subject = text(body, "subject", 2000, errors);
        if (subject == null && !has(errors, "/subject")) {
            errors.add(error("/subject", "is required: the key of a finding or party match of the case"));
        }
        String dispositionText = text(body, "disposition", 40, errors);
        DispositionType disposition = null;
        if (dispositionText == null) {
            if (!has(errors, "/disposition")) {
                errors.add(error("/disposition", "is required: one of " + DispositionType.labels()));
            }
        } else {
            disposition = DispositionType.parse(dispositionText).orElse(null);
            if (disposition == null) {
                errors.add(error("/disposition", "must be one of " + DispositionType.labels() + " (got "
                        + Printable.value(dispositionText) + ")"));
            }
        }
        String reason = text(body, "reason", MAX_REASON, errors);
        if (reason == null && !has(errors, "/reason")) {
            errors.add(error("/reason", "is required"));
        }
        String authorisation = text(body, "authorisation", MAX_AUTHORISATION, errors);
        if (disposition == DispositionType.LICENSED && authorisation == null && !has(errors, "/authorisation")) {
            errors.add(error("/authorisation", "is required for licensed: the licence or general authorisation reference"));
        }
        if (disposition != null && disposition != DispositionType.LICENSED && authorisation != null) {
            errors.add(error("/authorisation", "is only for the licensed disposition"));
        }
        failOn(errors);
        return new DispositionRequest(subject, disposition, reason, authorisation);
    }

    private static void checkFields(JsonNode body, Set<String> known, List<Problem.Error> errors) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("The body must be a JSON object.", List.of(error("", "must be a JSON object")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (IDENTITY_FIELDS.contains(name)) {
                errors.add(error("/" + name, "must not be sent: who acts is the authenticated caller"));
            } else if (!known.contains(name)) {
                errors.add(error(pointer(name), "is not a field of this request (expected "
                        + String.join(", ", known.stream().sorted().toList()) + ")"));
            }
        }
    }

    /** The stripped text of {@code field}, null when absent, null or blank; a wrong type or length is an error. */
    private static String text(JsonNode body, String field, int max, List<Problem.Error> errors) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(error("/" + field, "must be a string"));
            return null;
        }
        String text = node.asText().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            errors.add(error("/" + field, "is longer than " + max + " characters"));
            return null;
        }
        return text;
    }

    /** A JSON pointer to a field the caller named (RFC 6901 escaping, cut to a readable length). */
    private static String pointer(String name) {
        String escaped = name.replace("~", "~0").replace("/", "~1");
        return "/" + (escaped.length() > 100 ? escaped.substring(0, 100) + "…" : escaped);
    }

    private static boolean has(List<Problem.Error> errors, String pointer) {
        return errors.stream().anyMatch(e -> e.pointer().equals(pointer));
    }

    private static Problem.Error error(String pointer, String message) {
        return new Problem.Error("body", pointer, message);
    }

    private static void failOn(List<Problem.Error> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The request has " + errors.size() + " problem(s); nothing changed.", errors);
        }
    }
}
