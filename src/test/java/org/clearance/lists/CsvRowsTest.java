package org.clearance.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void shouldKeepStartLineOfRowsWithQuotedLineBreaks() throws Exception {
        List<CsvRows.Row> rows = CsvRows.read(new StringReader("a,\"b\nc\",d\r\ne,f,g\n\u001A"), ',', "t.csv");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cells()).containsExactly("a", "b\nc", "d");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void shouldRejectUnterminatedQuoteNamingItsLine() {
        assertThatThrownBy(() -> CsvRows.read(new StringReader("a,b\nc,\"d\ne,f"), ',', "t.csv"))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("t.csv line 2");
    }
}
