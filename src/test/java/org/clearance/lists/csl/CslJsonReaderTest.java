package org.clearance.lists.csl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.clearance.lists.Address;
import org.clearance.lists.Fixtures;
import org.clearance.lists.Identifier;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CslJsonReaderTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadApiResults() throws Exception {
        ListSnapshot snapshot = new CslJsonReader().read(Fixtures.path("csl/consolidated.json"));
        assertThat(snapshot.version().format()).isEqualTo(ListFormat.US_CSL_JSON);
        assertThat(snapshot.entries()).hasSize(3);

        ListEntry cetc = snapshot.entries().get(0);
        assertThat(cetc.source()).isEqualTo("US-BIS-EL");
        assertThat(cetc.addresses()).containsExactly(new Address("113 Hezuo Road", "Shijiazhuang", "Hebei", null, "CN"));
        assertThat(cetc.details()).containsEntry("start_date", "2018-08-01");

        ListEntry rim = snapshot.entries().get(1);
        assertThat(rim.identifiers()).containsExactly(new Identifier("Passport", "836238033", "KP"));
        assertThat(rim.countries()).containsExactly("KP");
        assertThat(rim.programs()).containsExactly("NPWMD");

        assertThat(snapshot.entries().get(2).source()).isEqualTo("US-OFAC-SSI");
    }

    @Test
    void shouldRejectRecordWithoutNameNamingItsIndex() throws Exception {
        String json = Fixtures.read("csl/consolidated.json").replace("\"name\": \"RIM, Ryong Nam\",", "");
        Path file = Fixtures.write(tmp, "csl.json", json);
        assertThatThrownBy(() -> new CslJsonReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("csl.json results[1]: record needs source, name and id");
    }

    @Test
    void shouldRejectInvalidJsonNamingItsLine() throws Exception {
        Path file = Fixtures.write(tmp, "csl.json", "{\n\"results\": [\n{\"name\": }\n]}");
        assertThatThrownBy(() -> new CslJsonReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("csl.json line 3: invalid JSON");
    }
}
