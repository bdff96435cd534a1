package org.clearance.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;

/** How raw input is split into order documents: one order, a JSON array of orders, or NDJSON. */
class OrderInputTest {

    @Test
    void shouldReadASingleOrderAsOneDocumentWithoutPointerPrefix() {
        OrderInput.Split split = OrderInput.split("order.json", """
                {
                  "id": "A",
                  "lines": [{"hs_code": "854231"}]
                }
                """);

        assertThat(split.problems()).isEmpty();
        assertThat(split.documents()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo("order.json");
            assertThat(d.pointerPrefix()).isEmpty();
            assertThat(d.location()).isEqualTo("order.json");
            assertThat(d.json().get("id").asText()).isEqualTo("A");
            assertThat(d.json().at("/lines/0/hs_code").asText()).isEqualTo("854231");
        });
    }

    @Test
    void shouldSplitAnArrayIntoOneDocumentPerElementWithIndexPointerPrefixes() {
        OrderInput.Split split = OrderInput.split("orders.json", """
                [
                  {"id": "A"},
                  {"id": "B"}
                ]
                """);

        assertThat(split.problems()).isEmpty();
        assertThat(split.documents()).extracting(OrderDocument::source, OrderDocument::pointerPrefix,
                        OrderDocument::location, d -> d.json().get("id").asText())
                .containsExactly(
                        tuple("orders.json", "/0", "orders.json/0", "A"),
                        tuple("orders.json", "/1", "orders.json/1", "B"));
    }

    @Test
    void shouldSplitNdjsonIntoOneDocumentPerLineNamedByLineNumberSkippingBlankLines() {
        OrderInput.Split split = OrderInput.split("batch.ndjson", "{\"id\": \"A\"}\n\n{\"id\": \"B\"}\n");

        assertThat(split.problems()).isEmpty();
        assertThat(split.documents()).extracting(OrderDocument::source, OrderDocument::pointerPrefix,
                        d -> d.json().get("id").asText())
                .containsExactly(
                        tuple("batch.ndjson:1", "", "A"),
                        tuple("batch.ndjson:3", "", "B"));
    }

    @Test
    void shouldSplitNdjsonWithWindowsLineEnds() {
        OrderInput.Split split = OrderInput.split("batch.ndjson", "{\"id\": \"A\"}\r\n{\"id\": \"B\"}\r\n");

        assertThat(split.problems()).isEmpty();
        assertThat(split.documents()).extracting(OrderDocument::source, d -> d.json().get("id").asText())
                .containsExactly(
                        tuple("batch.ndjson:1", "A"),
                        tuple("batch.ndjson:2", "B"));
    }

    @Test
    void shouldReportAMalformedSingleDocumentAsOneProblemWithLineAndColumn() {
        OrderInput.Split split = OrderInput.split("order.json", """
                {
                  "id": "A",
                  "seller": ,
                  "buyer": {}
                }
                """);

        assertThat(split.documents()).isEmpty();
        assertThat(split.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("order.json");
            assertThat(p.pointer()).isEqualTo("/seller");
            assertThat(p.message()).startsWith("malformed JSON at line 3, column 13: ");
        });
    }

    @Test
    void shouldKeepTheOtherNdjsonLinesWhenOneLineIsBroken() {
        OrderInput.Split split = OrderInput.split("batch.ndjson", """
                {"id": "A"}
                {"id": "B", "seller": }
                {"id": "C"}
                """);

        assertThat(split.documents()).extracting(OrderDocument::source, d -> d.json() == null ? null : d.json().get("id").asText())
                .containsExactly(
                        tuple("batch.ndjson:1", "A"),
                        tuple("batch.ndjson:2", null),
                        tuple("batch.ndjson:3", "C"));
        assertThat(split.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("batch.ndjson:2");
            assertThat(p.pointer()).isEqualTo("/seller");
            assertThat(p.message()).startsWith("malformed JSON at line 2, column 23: ");
            assertThat(p).hasToString("batch.ndjson:2:/seller: " + p.message());
        });
    }

    @Test
    void shouldKeepTheOtherNdjsonLinesWhenTheFirstLineIsBroken() {
        OrderInput.Split split = OrderInput.split("batch.ndjson", """
                {"id": "A",
                {"id": "B"}
                """);

        assertThat(split.documents()).extracting(OrderDocument::source, d -> d.json() == null ? null : d.json().get("id").asText())
                .containsExactly(
                        tuple("batch.ndjson:1", null),
                        tuple("batch.ndjson:2", "B"));
        assertThat(split.problems()).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo("batch.ndjson:1");
            assertThat(p.message()).startsWith("malformed JSON at line 1, column ");
        });
    }

    @Test
    void shouldReportEmptyInput() {
        for (String empty : new String[] {"", "  \n\t\n"}) {
            OrderInput.Split split = OrderInput.split("empty.json", empty);

            assertThat(split.documents()).isEmpty();
            assertThat(split.problems()).containsExactly(new InputProblem("empty.json", "",
                    "input is empty; expected an order, an array of orders or NDJSON"));
        }
    }

    @Test
    void shouldReportAnEmptyArray() {
        OrderInput.Split split = OrderInput.split("orders.json", " [ ] ");

        assertThat(split.documents()).isEmpty();
        assertThat(split.problems()).containsExactly(new InputProblem("orders.json", "", "the array holds no orders"));
    }

    @Test
    void shouldKeepTheOtherNdjsonLinesWhenALineIsNotJsonAtAll() {
        OrderInput.Split split = OrderInput.split("b.ndjson", "{\"id\": \"A\"}\noops\n{\"id\": \"C\"}\n");

        assertThat(split.documents()).extracting(OrderDocument::source, d -> d.json() == null ? null : d.json().get("id").asText())
                .containsExactly(tuple("b.ndjson:1", "A"), tuple("b.ndjson:2", null), tuple("b.ndjson:3", "C"));
        assertThat(split.problems()).extracting(InputProblem::source).containsExactly("b.ndjson:2");
    }

    @Test
    void shouldRejectTextAfterAnNdjsonLineInsteadOfDroppingIt() {
        OrderInput.Split split = OrderInput.split("b.ndjson", "{\"id\": \"A\"}\n{\"id\": \"B\"} {\"id\": \"X\"}\n{\"id\":\"C\"}}\n");

        assertThat(split.problems()).extracting(InputProblem::source).containsExactly("b.ndjson:2", "b.ndjson:3");
        assertThat(split.problems()).allSatisfy(p -> assertThat(p.message()).startsWith("malformed JSON"));
    }

    @Test
    void shouldRejectTwoConcatenatedDocumentsInsteadOfDroppingTheSecond() {
        OrderInput.Split split = OrderInput.split("o.json", "{\"id\": \"A\"}{\"id\": \"B\"}");

        assertThat(split.documents()).isEmpty();
        assertThat(split.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("malformed JSON at line 1"));
    }

    @Test
    void shouldReadTwoPrettyPrintedObjectsAsOneBrokenDocumentNotAsNdjson() {
        OrderInput.Split split = OrderInput.split("o.json", "{\n  \"id\": \"A\"\n}\n{\n  \"id\": \"B\"\n}\n");

        assertThat(split.documents()).isEmpty();
        assertThat(split.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("malformed JSON at line 4"));
    }

    @Test
    void shouldKeepAmountsExactlyAsSent() {
        OrderInput.Split split = OrderInput.split("o.json", "{\"value\": 1250.50, \"total\": 1000.00}");

        assertThat(split.documents().get(0).json().toString()).isEqualTo("{\"value\":1250.50,\"total\":1000.00}");
    }
}
