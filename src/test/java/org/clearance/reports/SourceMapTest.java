package org.clearance.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceMapTest {

    private static final String ORDER = """
            {
              "id": "A-1",
              "buyer": {"name": "B", "country": "KZ"},
              "lines": [
                {"hs_code": "854231"},
                {"hs_code": "852910"}
              ]
            }
            """;

    @Test
    void shouldLocateTheLineAndColumnOfAFieldInAnOrderFile() {
        SourceMap sources = new SourceMap();
        sources.add("orders/a.json", ORDER);

        assertThat(sources.locate("orders/a.json", "/lines/1")).isEqualTo(new Position("orders/a.json", 6, 5));
        assertThat(sources.locate("orders/a.json", "/buyer/country")).isEqualTo(new Position("orders/a.json", 3, 26));
        assertThat(sources.locate("orders/a.json", "")).isEqualTo(new Position("orders/a.json", 1, 1));
    }

    @Test
    void shouldFallBackToTheNearestParentForAPointerThatIsNotInTheDocument() {
        SourceMap sources = new SourceMap();
        sources.add("a.json", ORDER);

        // A derived route stop (/route/0) does not exist in the order as sent: point at the order itself.
        assertThat(sources.locate("a.json", "/route/0")).isEqualTo(new Position("a.json", 1, 1));
        assertThat(sources.locate("a.json", "/lines/0/eccn")).isEqualTo(new Position("a.json", 5, 5));
    }

    @Test
    void shouldLocateOrdersInsideAnArrayAndOnNdjsonLines() {
        SourceMap sources = new SourceMap();
        sources.add("batch.json", "[\n  {\"id\": \"A\"},\n  {\"id\": \"B\",\n   \"lines\": [{\"hs_code\": \"1\"}]}\n]");
        sources.add("batch.ndjson", "{\"id\": \"A\"}\n{\"id\": \"B\", \"lines\": [{\"hs_code\": \"1\"}]}\n");

        assertThat(sources.locate("batch.json/1", "/lines/0")).isEqualTo(new Position("batch.json", 4, 14));
        assertThat(sources.locate("batch.ndjson:2", "/lines/0")).isEqualTo(new Position("batch.ndjson", 2, 23));
        assertThat(sources.file("batch.ndjson:2")).isEqualTo("batch.ndjson");
    }

    @Test
    void shouldGiveNoLineForAnUnknownSource() {
        assertThat(new SourceMap().locate("<stdin>", "/lines/0").hasLine()).isFalse();
    }
}
