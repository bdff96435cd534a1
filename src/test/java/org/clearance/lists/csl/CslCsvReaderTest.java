package org.clearance.lists.csl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clearance.lists.Alias;
import org.clearance.lists.EntityType;
import org.clearance.lists.Fixtures;
import org.clearance.lists.Identifier;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CslCsvReaderTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadRealCslRowsOfEverySourceType() throws Exception {
        ListSnapshot snapshot = new CslCsvReader().read(Fixtures.path("csl/consolidated.csv"));
        Map<String, ListEntry> byId = snapshot.entries().stream()
                .collect(Collectors.toMap(ListEntry::sourceId, Function.identity()));
        assertThat(byId).hasSize(13);

        ListEntry cetc = byId.get("99ed1b052fdb09695fae1ba87516d8a0882b0df04652e07aeb5ce7be");
        assertThat(cetc.source()).isEqualTo("US-BIS-EL");
        assertThat(cetc.aliases()).extracting(Alias::name)
                .contains("Hebei Semiconductor Research Institute", "HSRI", "CETC Research Institute 13");
        assertThat(cetc.details()).containsEntry("license_policy",
                "Policy of denial for all items subject to the EAR apart from food and medicine designated as EAR99,"
                        + " which will be reviewed on a case-by-case basis. See §§ 746.8(b) and 744.21(e).");
        assertThat(cetc.allCountries()).containsExactly("CN");

        ListEntry rim = byId.get("52291");
        assertThat(rim.source()).isEqualTo("US-OFAC-SDN");
        assertThat(rim.type()).isEqualTo(EntityType.PERSON);
        assertThat(rim.identifiers()).containsExactly(new Identifier("Passport", "836238033", "KP"));
        assertThat(rim.allCountries()).contains("KP", "CN");

        ListEntry isn = byId.get("233a4d725770c81fb561ffe3842c14010c2201971d6be62eca1e613b");
        assertThat(isn.source()).isEqualTo("US-STATE-ISN");
        assertThat(isn.primaryName()).isEqualTo("Sinobright Import and Export Company");

        ListEntry uvl = byId.get("1b5979e8fd3920a1a0985bf5088dad930a6a5562d1513f9e4b015e42");
        assertThat(uvl.source()).isEqualTo("US-BIS-UVL");
        assertThat(uvl.addresses().get(0).country()).isEqualTo("AM");
        assertThat(uvl.addresses().get(0).street()).isEqualTo("Komitas 26/114, Yerevan, Armenia");
    }

    @Test
    void shouldRejectShortRowNamingItsLine() throws Exception {
        String csv = Fixtures.read("csl/consolidated.csv");
        String broken = csv.replace("\"Atlas Sanatgaran\",\"\",", "\"Atlas Sanatgaran\",");
        Path file = Fixtures.write(tmp, "consolidated.csv", broken);
        assertThatThrownBy(() -> new CslCsvReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("consolidated.csv line 3: expected 29 columns, found 28");
    }

    @Test
    void shouldRejectFileWithoutNameColumn() throws Exception {
        Path file = Fixtures.write(tmp, "c.csv", "_id,source,alt_names,addresses\n1,x,,\n");
        assertThatThrownBy(() -> new CslCsvReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("c.csv line 1: missing column 'name'");
    }
}
