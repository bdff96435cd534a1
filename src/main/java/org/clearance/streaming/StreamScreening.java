package org.clearance.streaming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderInput;
import org.clearance.screening.Screening;
import org.clearance.screening.ScreeningService;
import org.clearance.screening.ScreeningView;
import org.clearance.web.Problem;

/**
 * Screens a batch of order messages through the screening service, at most once per (order id, content hash):
 * each screening and its idempotency row commit in one transaction, and a message seen before is answered
 * from what was stored for it. Returns what to publish; publishing and committing offsets come after.
 */
@ApplicationScoped
public class StreamScreening {

    static final String PROBLEM_TYPE = "https://clearance.dev/problems/invalid-order";
    private static final int MAX_KEY_LENGTH = 255;
    /** Who submits streamed orders: the stream itself (the producer is not authenticated per message). */
    private static final org.clearance.security.Actor STREAM = org.clearance.security.Actor.system("stream");

    private final ScreeningService screenings;
    private final ObjectMapper json;

    StreamScreening(ScreeningService screenings, ObjectMapper json) {
        this.screenings = screenings;
        this.json = json;
    }

    /** Screens and stores the new messages of {@code messages}; the publications come in message order. */
    @Transactional
    public List<Publication> screen(List<OrderMessage> messages) {
        Map<StreamedOrder.Key, StreamedOrder> handled = handledBefore(messages);
        List<List<Publication>> perMessage = new ArrayList<>();
        Map<StreamedOrder.Key, Integer> firstInBatch = new HashMap<>();
        List<OrderDocument> documents = new ArrayList<>();
        List<Integer> documentMessage = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < messages.size(); i++) {
            OrderMessage message = messages.get(i);
            StreamedOrder.Key key = key(message);
            perMessage.add(new ArrayList<>());
            if (handled.containsKey(key)) {
                perMessage.get(i).addAll(replay(handled.get(key)));
            } else if (!firstInBatch.containsKey(key)) {
                firstInBatch.put(key, i);
                OrderDocument document = readOne(message, perMessage.get(i), now);
                if (document != null) {
                    documents.add(document);
                    documentMessage.add(i);
                }
            }
        }
        Map<OrderDocument, OrderMessage> messageOf = new IdentityHashMap<>();
        for (int d = 0; d < documents.size(); d++) {
            messageOf.put(documents.get(d), messages.get(documentMessage.get(d)));
        }
        // The idempotency row commits with its screening: a crash between two commits cannot leave a screening
        // that a redelivery would store a second time.
        List<ScreeningService.Outcome> outcomes = documents.isEmpty() ? List.of()
                : screenings.screenAndStore(documents, STREAM,
                        (document, screeningId) -> record(messageOf.get(document), now, row -> row.screeningId = screeningId));
        for (int d = 0; d < outcomes.size(); d++) {
            int i = documentMessage.get(d);
            ScreeningService.Outcome outcome = outcomes.get(d);
            if (outcome.storageFailed()) {
                // Not dead-lettered: the order is valid. Failing the batch leaves its offset uncommitted.
                throw new IllegalStateException("the database did not store the screening of " + messages.get(i).source());
            }
            if (outcome.view() == null) {
                perMessage.get(i).add(deadLetter(messages.get(i), outcome.item().parsed().problems(), now));
            } else {
                perMessage.get(i).addAll(published(outcome.view()));
            }
        }
        // A duplicate within the batch gets what its first copy got.
        for (int i = 0; i < messages.size(); i++) {
            Integer first = firstInBatch.get(key(messages.get(i)));
            if (first != null && first != i && !handled.containsKey(key(messages.get(i)))) {
                perMessage.get(i).addAll(perMessage.get(first));
            }
        }
        return perMessage.stream().flatMap(List::stream).toList();
    }

    private Map<StreamedOrder.Key, StreamedOrder> handledBefore(List<OrderMessage> messages) {
        List<String> keys = messages.stream().map(StreamScreening::orderKey).distinct().toList();
        Map<StreamedOrder.Key, StreamedOrder> handled = new HashMap<>();
        for (int from = 0; from < keys.size(); from += 500) { // bounded IN lists
            List<StreamedOrder> rows = StreamedOrder.list("orderKey in ?1", keys.subList(from, Math.min(keys.size(), from + 500)));
            rows.forEach(row -> handled.put(key(row.orderKey, row.contentHash), row));
        }
        return handled;
    }

    /** The message's one order document, or null after dead-lettering it for a problem found before screening. */
    private OrderDocument readOne(OrderMessage message, List<Publication> publications, Instant now) {
        String value = message.value() == null ? "" : message.value();
        OrderInput.Split split = OrderInput.split(message.source(), value);
        List<InputProblem> problems = new ArrayList<>(split.problems());
        if (problems.isEmpty() && (split.documents().size() != 1 || !split.documents().get(0).pointerPrefix().isEmpty())) {
            problems.add(new InputProblem(message.source(), "", "expected one order object per message"));
        }
        if (message.key() != null && message.key().length() > MAX_KEY_LENGTH) {
            problems.add(new InputProblem(message.source(), "", "the record key is longer than " + MAX_KEY_LENGTH
                    + " characters; the key must be the order id"));
        }
        if (problems.isEmpty() && message.key() != null) {
            JsonNode id = split.documents().get(0).json().path("id");
            if (id.isTextual() && !id.asText().equals(message.key())) {
                problems.add(new InputProblem(message.source(), "/id", "the order id '" + id.asText()
                        + "' differs from the record key '" + message.key() + "'; the key must be the order id"));
            }
        }
        if (!problems.isEmpty()) {
            publications.add(deadLetter(message, problems, now));
            return null;
        }
        return split.documents().get(0);
    }

    private Publication deadLetter(OrderMessage message, List<InputProblem> problems, Instant now) {
        List<Problem.Error> errors = problems.stream()
                .map(p -> new Problem.Error(p.source(), p.pointer(), p.message())).toList();
        Problem problem = new Problem(PROBLEM_TYPE, "Invalid order", 400,
                "The order has " + problems.size() + " problem(s); nothing was screened.", message.source(), errors);
        String problemJson = write(problem);
        record(message, now, row -> row.problemJson = problemJson);
        return new Publication(Publication.Kind.DEAD_LETTER, message.key(), problemJson);
    }

    private void record(OrderMessage message, Instant now, java.util.function.Consumer<StreamedOrder> outcome) {
        StreamedOrder row = new StreamedOrder();
        row.orderKey = orderKey(message);
        row.contentHash = message.contentHash();
        row.firstSource = message.source();
        row.processedAt = now;
        outcome.accept(row);
        row.persist();
    }

    private List<Publication> replay(StreamedOrder row) {
        if (row.screeningId == null) {
            return List.of(new Publication(Publication.Kind.DEAD_LETTER, row.orderKey.isEmpty() ? null : row.orderKey,
                    row.problemJson));
        }
        Screening stored = Screening.findById(row.screeningId);
        return published(ScreeningView.of(stored));
    }

    private List<Publication> published(ScreeningView view) {
        return List.of(new Publication(Publication.Kind.SCREENING, view.orderId(), write(view)),
                new Publication(Publication.Kind.EVENT, view.orderId(), write(DecisionEvent.of(view))));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String orderKey(OrderMessage message) {
        String key = message.orderKey();
        return key.length() > MAX_KEY_LENGTH ? "" : key;
    }

    private static StreamedOrder.Key key(OrderMessage message) {
        return key(orderKey(message), message.contentHash());
    }

    private static StreamedOrder.Key key(String orderKey, String contentHash) {
        StreamedOrder.Key key = new StreamedOrder.Key();
        key.orderKey = orderKey;
        key.contentHash = contentHash;
        return key;
    }
}
