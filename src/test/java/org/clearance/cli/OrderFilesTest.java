package org.clearance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clearance.order.InputProblem;
import org.clearance.order.OrderDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The order reader of {@code screen}: a streamed read gives what a whole read gives, a few orders at a time. */
class OrderFilesTest {

    @TempDir
    Path folder;

    @Test
    void shouldStreamNdjsonInChunksAsAWholeReadSplitsIt() throws IOException {
        StringBuilder ndjson = new StringBuilder("\uFEFF");
        for (int i = 0; i < 2_500; i++) {
            ndjson.append(i % 500 == 7 ? "{\"id\": \"broken\"" : "{\"id\": \"O-" + i + "\"}").append(i % 3 == 0 ? "\r\n" : "\n");
            if (i % 700 == 0) {
                ndjson.append("   \n");
            }
        }
        Path file = Files.writeString(folder.resolve("orders.ndjson"), ndjson);

        OrderFiles.Read whole = OrderFiles.read(List.of(file.toString()), InputStream.nullInputStream());
        Streamed streamed = stream(List.of(file.toString()), InputStream.nullInputStream(), 1_000);

        assertThat(streamed.chunkSizes).containsExactly(1_000, 1_000, 500);
        assertThat(locations(streamed.documents)).isEqualTo(locations(whole.documents())).hasSize(2_500);
        assertThat(streamed.documents).extracting(OrderDocument::json).isEqualTo(whole.documents().stream().map(OrderDocument::json).toList());
        assertThat(streamed.problems).isEqualTo(whole.problems()).hasSize(5);
        assertThat(streamed.problems.get(0).toString()).contains("orders.ndjson:9");
    }

    @Test
    void shouldReadAJsonArrayOrOnePrettyPrintedOrderWholeWhenStreaming() throws IOException {
        Path array = Files.writeString(folder.resolve("a.json"), "[\n  {\"id\": \"A-1\"},\n  {\"id\": \"A-2\"}\n]\n");
        Path one = Files.writeString(folder.resolve("b.json"), "{\n  \"id\": \"B-1\"\n}\n");

        Streamed streamed = stream(List.of(folder.toString()), InputStream.nullInputStream(), 1);

        assertThat(locations(streamed.documents)).containsExactly(array + "/0", array + "/1", one.toString());
        assertThat(streamed.problems).isEmpty();
    }

    @Test
    void shouldRefuseOnlyTheLineThatIsNotUtf8() throws IOException {
        byte[] bad = "{\"id\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "{\"id\": \"O-1\"}\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(folder.resolve("mixed.ndjson"), concat(good, good, bad, good));

        Streamed streamed = stream(List.of(file.toString()), InputStream.nullInputStream(), 10);

        assertThat(locations(streamed.documents)).containsExactly(file + ":1", file + ":2", file + ":4");
        assertThat(streamed.problems).singleElement().asString().contains("mixed.ndjson:3", "invalid UTF-8");
    }

    @Test
    void shouldReportALineOverTheLimitAndGoOn() throws IOException {
        String huge = "{\"id\": \"" + "x".repeat(OrderFiles.MAX_LINE_BYTES) + "\"}\n";
        Path file = Files.writeString(folder.resolve("huge.ndjson"), "{\"id\": \"O-1\"}\n{\"id\": \"O-2\"}\n" + huge + "{\"id\": \"O-4\"}\n");

        Streamed streamed = stream(List.of(file.toString()), InputStream.nullInputStream(), 10);

        assertThat(locations(streamed.documents)).containsExactly(file + ":1", file + ":2", file + ":4");
        assertThat(streamed.problems).singleElement().asString().contains("huge.ndjson:3", "line longer than 16 MiB");
    }

    @Test
    void shouldStreamStdinAndNameMissingPaths() {
        InputStream stdin = new ByteArrayInputStream("{\"id\": \"S-1\"}\n{\"id\": \"S-2\"}".getBytes(StandardCharsets.UTF_8));

        Streamed streamed = stream(List.of("-", folder.resolve("missing.json").toString()), stdin, 1);

        assertThat(locations(streamed.documents)).containsExactly("<stdin>:1", "<stdin>:2");
        assertThat(streamed.problems).singleElement().asString().contains("missing.json", "no such file or folder");
    }

    /** What a streamed read handed out: the documents, the problems and the size of each chunk. */
    private record Streamed(List<OrderDocument> documents, List<InputProblem> problems, List<Integer> chunkSizes) {
    }

    private static Streamed stream(List<String> paths, InputStream stdin, int chunk) {
        Streamed streamed = new Streamed(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (OrderFiles input = OrderFiles.open(paths, stdin, false)) {
            OrderFiles.Chunk next;
            do {
                next = input.next(chunk);
                if (!next.documents().isEmpty()) {
                    streamed.chunkSizes.add(next.documents().size());
                }
                streamed.documents.addAll(next.documents());
                streamed.problems.addAll(next.problems());
            } while (!next.done());
        }
        return streamed;
    }

    private static List<String> locations(List<OrderDocument> documents) {
        return documents.stream().map(OrderDocument::location).toList();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
