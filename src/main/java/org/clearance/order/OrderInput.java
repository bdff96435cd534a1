package org.clearance.order;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits raw input into order documents. Accepts one order, a JSON array of orders, or NDJSON
 * (one order per line, recognised by a first line that is a whole object). A syntax error in
 * NDJSON spoils only its line; elsewhere the whole input. Trailing text is always an error.
 */
public final class OrderInput {

    /** Orders nest a few levels deep; far deeper input is an attack on the parser, not an order. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** Digits of one number: far more than any quantity or value needs (they are range-checked afterwards). */
    public static final int MAX_NUMBER_LENGTH = 100;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            // "buyer" twice: which one would be screened is the parser's choice, not the sender's. Refuse it.
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH).maxNumberLength(MAX_NUMBER_LENGTH).build())
            .build())
            // Amounts exactly as sent ("1250.50" stays 1250.50, not 1250.5 or 1.2505E+3): the stored order is the one received.
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // Text after the document is an error, never silently dropped orders.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private OrderInput() {
    }

    /** The documents and the syntax problems found in {@code text}, read from {@code source}. */
    public record Split(List<OrderDocument> documents, List<InputProblem> problems) {
    }

    public static Split split(String source, String text) {
        List<OrderDocument> documents = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        if (text.isBlank()) {
            problems.add(new InputProblem(source, "", "input is empty; expected an order, an array of orders or NDJSON"));
            return new Split(documents, problems);
        }
        if (isNdjson(text)) {
            return splitLines(source, text);
        }
        try {
            addDocuments(source, JSON.readTree(text), documents, problems);
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(source, e, 0));
        }
        return new Split(documents, problems);
    }

    /** A JSON document read with the order rules (no duplicate fields, exact decimals, bounded depth): one of the two is null. */
    public record Json(JsonNode node, InputProblem problem) {
    }

    /** Reads {@code text} as one JSON document, strictly, for inputs other than orders (licence files and bodies). */
    public static Json readJson(String source, String text) {
        if (text.isBlank()) {
            return new Json(null, new InputProblem(source, "", "input is empty"));
        }
        try {
            return new Json(JSON.readTree(text), null);
        } catch (JsonProcessingException e) {
            return new Json(null, syntaxProblem(source, e, 0));
        }
    }

    private static void addDocuments(String source, JsonNode node, List<OrderDocument> documents, List<InputProblem> problems) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                problems.add(new InputProblem(source, "", "the array holds no orders"));
            }
            for (int i = 0; i < node.size(); i++) {
                documents.add(new OrderDocument(source, "/" + i, node.get(i)));
            }
        } else {
            documents.add(new OrderDocument(source, "", node));
        }
    }

    private static Split splitLines(String source, String text) {
        List<OrderDocument> documents = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                addLine(source, i + 1, lines[i], documents, problems);
            }
        }
        return new Split(documents, problems);
    }

    /**
     * Adds the order on line {@code lineNumber} (1-based) of NDJSON read from {@code source}, or its syntax problem;
     * for readers that go through NDJSON a line at a time.
     */
    public static void addLine(String source, int lineNumber, String line, List<OrderDocument> documents,
                               List<InputProblem> problems) {
        String lineSource = source + ":" + lineNumber;
        try {
            documents.add(new OrderDocument(lineSource, "", JSON.readTree(line)));
        } catch (JsonProcessingException e) {
            // Keep the broken line's place in the batch; its problem says what is wrong.
            documents.add(new OrderDocument(lineSource, "", null));
            problems.add(syntaxProblem(lineSource, e, lineNumber - 1));
        }
    }

    /**
     * NDJSON: several non-blank lines, one of the first two being a whole JSON object on its own
     * (so a broken first line still leaves the batch readable; pretty-printed JSON never qualifies).
     */
    private static boolean isNdjson(String text) {
        return isNdjson(text.lines().filter(l -> !l.isBlank()).limit(2).toList());
    }

    /** {@link #isNdjson(String)} for a reader that has read only the first two non-blank lines of its input. */
    public static boolean isNdjson(List<String> firstNonBlankLines) {
        return firstNonBlankLines.size() == 2 && firstNonBlankLines.stream().anyMatch(OrderInput::isWholeObject);
    }

    private static boolean isWholeObject(String line) {
        try {
            return JSON.readTree(line).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static InputProblem syntaxProblem(String source, JsonProcessingException e, int lineOffset) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + (at.getLineNr() + lineOffset) + ", column " + at.getColumnNr();
        return new InputProblem(source, pointer(e), "malformed JSON" + where + ": " + reason(e));
    }

    /** Where the parser was: the field or element it was reading when the syntax broke. */
    private static String pointer(JsonProcessingException e) {
        if (e.getProcessor() instanceof JsonParser parser && parser.getParsingContext() != null) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            return pointer.length() > 200 || Printable.hasControl(pointer) ? "" : pointer;
        }
        return "";
    }

    /** The parser's reason in plain words, without the library's class and method names. */
    private static String reason(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            String message = String.valueOf(e.getOriginalMessage());
            if (message.contains("nesting depth")) {
                return "nested more than " + MAX_NESTING_DEPTH + " levels deep";
            }
            if (message.contains("Number value length")) {
                return "a number has more than " + MAX_NUMBER_LENGTH + " characters";
            }
            return "the input exceeds a size limit of the JSON reader";
        }
        String message = String.valueOf(e.getOriginalMessage())
                .replaceAll("\\s*\\(from `[^`]*`\\)", "")
                .replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "a setting");
        if (message.startsWith("Duplicate field")) {
            return "d" + message.substring(1) + "; each field may appear only once";
        }
        return Printable.quote(message, 300, false);
    }
}
