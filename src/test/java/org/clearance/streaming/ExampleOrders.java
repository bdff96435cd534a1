package org.clearance.streaming;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shipped example orders under new ids, as a producer would send them (one compact JSON object per record). */
final class ExampleOrders {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Path> EXAMPLES = list();

    private ExampleOrders() {
    }

    /** Example number {@code n} (cycling through all of them) with the id {@code id}. */
    static String withId(int n, String id) {
        try {
            ObjectNode order = (ObjectNode) JSON.readTree(EXAMPLES.get(Math.floorMod(n, EXAMPLES.size())).toFile());
            order.put("id", id);
            return JSON.writeValueAsString(order);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list() {
        try (Stream<Path> files = Files.list(Path.of("examples/orders"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
