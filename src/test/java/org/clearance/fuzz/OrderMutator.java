package org.clearance.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * A seeded generator of bad (and some good) orders: each is a valid example order with one to three mutations —
 * keys dropped or duplicated, wrong types, huge strings, control characters, unusual Unicode, numbers at and past
 * the limits, nulls, deep nesting, truncation and invalid UTF-8 bytes. The same seed gives the same inputs.
 */
public final class OrderMutator {

    private static final ObjectMapper JSON = new ObjectMapper().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String DUPLICATE_MARK = "\uE000dup\uE000";

    /** One generated input: its bytes and the mutations that made it (for a regression file's name). */
    public record Mutant(byte[] bytes, List<String> mutations) {
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final Random random;
    private final List<JsonNode> examples;

    public OrderMutator(long seed) {
        this.random = new Random(seed);
        this.examples = examples();
    }

    /** The example orders (examples/orders/*.json), the valid inputs every mutant starts from. */
    public static List<JsonNode> examples() {
        try (Stream<Path> files = Files.list(Path.of("examples/orders"))) {
            List<JsonNode> orders = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                orders.add(JSON.readTree(Files.readString(file)));
            }
            return orders;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What may happen to the bytes after the JSON mutations: everything, or only what spares the rest of a batch. */
    public enum Bytes {
        /** Truncation and invalid UTF-8. */
        ANY,
        /** Truncation only: in NDJSON a cut line spoils itself, while invalid UTF-8 refuses the whole body. */
        TRUNCATION,
        /** Neither: an element of a JSON array, where either would refuse the whole array. */
        NONE
    }

    public Mutant next() {
        return next(Bytes.ANY);
    }

    public Mutant next(Bytes allowed) {
        JsonNode order = examples.get(random.nextInt(examples.size())).deepCopy();
        List<String> applied = new ArrayList<>();
        String duplicated = null;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(12);
            Slot slot = randomSlot(order);
            if (slot == null) {
                continue;
            }
            switch (kind) {
                case 0 -> {
                    applied.add("drop" + slot.pointer);
                    slot.remove();
                }
                case 1 -> {
                    applied.add("type" + slot.pointer);
                    slot.set(randomValue());
                }
                case 2 -> {
                    applied.add("huge" + slot.pointer);
                    slot.set(JsonNodeFactory.instance.textNode(longText()));
                }
                case 3 -> {
                    applied.add("control" + slot.pointer);
                    slot.set(JsonNodeFactory.instance.textNode(withControl(slot.value().asText("x"))));
                }
                case 4 -> {
                    applied.add("unicode" + slot.pointer);
                    slot.set(JsonNodeFactory.instance.textNode(unicode()));
                }
                case 5 -> {
                    applied.add("number" + slot.pointer);
                    slot.set(JsonNodeFactory.instance.numberNode(edgeNumber()));
                }
                case 6 -> {
                    applied.add("null" + slot.pointer);
                    if (slot.value().isArray() && random.nextBoolean()) {
                        ((ArrayNode) slot.value()).insertNull(random.nextInt(slot.value().size() + 1));
                    } else {
                        slot.set(JsonNodeFactory.instance.nullNode());
                    }
                }
                case 7 -> {
                    applied.add("deep" + slot.pointer);
                    slot.set(deep(5 + random.nextInt(120)));
                }
                case 8 -> {
                    applied.add("unknown" + slot.pointer);
                    if (slot.parent instanceof ObjectNode object) {
                        object.set(random.nextBoolean() ? "x" + random.nextInt(100) : unicode(), randomValue());
                    }
                }
                case 9 -> {
                    applied.add("many" + slot.pointer);
                    if (slot.value().isArray() && !slot.value().isEmpty()) {
                        ArrayNode array = (ArrayNode) slot.value();
                        JsonNode first = array.get(0);
                        int copies = random.nextInt(10) > 0 ? 1 + random.nextInt(5) : 1000 + random.nextInt(3);
                        for (int c = 0; c < copies; c++) {
                            array.add(first.deepCopy());
                        }
                    }
                }
                case 10 -> {
                    if (duplicated == null && slot.parent instanceof ObjectNode && slot.key != null) {
                        applied.add("duplicate" + slot.pointer);
                        duplicated = slot.value().toString();
                        slot.set(JsonNodeFactory.instance.textNode(DUPLICATE_MARK));
                    }
                }
                default -> applied.add("none");
            }
        }
        String text = order.toString();
        int at = duplicated == null ? -1 : text.indexOf("\"" + DUPLICATE_MARK + "\"");
        if (at >= 0) { // a later mutation may have removed the marked value
            // The tree cannot hold a key twice: write the value, then the same key again with another value.
            int keyStart = text.lastIndexOf(",\"", at);
            int brace = text.lastIndexOf("{\"", at);
            int start = Math.max(keyStart, brace) + 1;
            String key = text.substring(start, at);
            text = text.substring(0, at) + duplicated + "," + key + (random.nextBoolean() ? duplicated : "\"other\"")
                    + text.substring(at + DUPLICATE_MARK.length() + 2);
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int byteKind = random.nextInt(10);
        if (allowed == Bytes.NONE || (allowed == Bytes.TRUNCATION && byteKind == 1)) {
            byteKind = -1;
        }
        if (byteKind == 0) {
            applied.add("truncate");
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
        } else if (byteKind == 1) {
            applied.add("invalid-utf8");
            bytes = insertBytes(bytes, INVALID_UTF8[random.nextInt(INVALID_UTF8.length)]);
        }
        return new Mutant(bytes, applied);
    }

    private static final byte[][] INVALID_UTF8 = {
        {(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xFE}};

    private byte[] insertBytes(byte[] bytes, byte[] inserted) {
        // Inside a string value more often than not: after an opening quote of a value.
        int at = random.nextInt(bytes.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
        out.write(bytes, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    /** A place in the tree: the parent object or array and the key or index of a value in it. */
    private record Slot(JsonNode parent, String key, int index, String pointer) {
        JsonNode value() {
            return key != null ? parent.get(key) : parent.get(index);
        }

        void set(JsonNode value) {
            if (key != null) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (key != null) {
                ((ObjectNode) parent).remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private Slot randomSlot(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, "", slots);
        return slots.isEmpty() ? null : slots.get(random.nextInt(slots.size()));
    }

    private static void collect(JsonNode node, String pointer, List<Slot> slots) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                String at = pointer + "/" + name;
                slots.add(new Slot(node, name, -1, at));
                collect(node.get(name), at, slots);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String at = pointer + "/" + i;
                slots.add(new Slot(node, null, i, at));
                collect(node.get(i), at, slots);
            }
        }
    }

    private JsonNode randomValue() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(8)) {
            case 0 -> f.numberNode(edgeNumber());
            case 1 -> f.textNode(unicode());
            case 2 -> f.booleanNode(random.nextBoolean());
            case 3 -> f.nullNode();
            case 4 -> f.arrayNode().add(f.textNode("DE")).add(f.numberNode(1));
            case 5 -> f.objectNode().put("name", "X").put("country", "RU");
            case 6 -> f.textNode("");
            default -> f.textNode("RU");
        };
    }

    private String longText() {
        int[] lengths = {33, 65, 101, 129, 301, 501, 1001, 2001, 10_000};
        return "L".repeat(random.nextInt(50) == 0 ? 200_000 : lengths[random.nextInt(lengths.length)]);
    }

    private String withControl(String text) {
        char control = (char) (random.nextBoolean() ? random.nextInt(0x20) : 0x7F + random.nextInt(0x21));
        int at = random.nextInt(text.length() + 1);
        return text.substring(0, at) + control + text.substring(at);
    }

    private static final String[] UNICODE = {
        "ООО «Технопром»", "😀".repeat(64), "\u202Eevil\u202C", "e\u0301\u0301\u0301", "\uFDFA".repeat(20), "\uD800",
        "\uDC00x", "\u200B", "\uFEFF", "İstanbul", "東京貿易株式会社", "ﬀ".repeat(200), "\u0000", "\\u0000", "Ⅻ"};

    private String unicode() {
        return UNICODE[random.nextInt(UNICODE.length)];
    }

    private BigDecimal edgeNumber() {
        String[] numbers = {"0", "-0", "1e15", "999999999999999.999999", "999999999999999.9999999", "1e16", "1e-7",
            "1e308", "1e999999999", "-1e999999999", "1e-999999999", "-1", "100", "100.0000001", "123456789012345678901234567890",
            "0.000001", "9.99999999999999E14"};
        return new BigDecimal(numbers[random.nextInt(numbers.length)]);
    }

    private JsonNode deep(int depth) {
        JsonNode node = JsonNodeFactory.instance.textNode("bottom");
        for (int i = 0; i < depth; i++) {
            node = random.nextBoolean() ? JsonNodeFactory.instance.arrayNode().add(node)
                    : JsonNodeFactory.instance.objectNode().set("n", node);
        }
        return node;
    }
}
