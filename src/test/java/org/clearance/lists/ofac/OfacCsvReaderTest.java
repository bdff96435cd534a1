package org.clearance.lists.ofac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clearance.lists.Alias;
import org.clearance.lists.EntityType;
import org.clearance.lists.Fixtures;
import org.clearance.lists.Identifier;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormat;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfacCsvReaderTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadRealSdnRowsWithAddressesAliasesAndRemarks() throws Exception {
        ListSnapshot snapshot = new OfacCsvReader(OfacFileSet.SDN).read(Fixtures.path("ofac/sdn"));

        assertThat(snapshot.version().format()).isEqualTo(ListFormat.OFAC_SDN_CSV);
        assertThat(snapshot.version().sha256()).hasSize(64);
        assertThat(snapshot.version().publishedOn()).isNull();
        Map<String, ListEntry> byId = byId(snapshot);
        assertThat(byId).hasSize(17);

        ListEntry hesa = byId.get("11195");
        assertThat(hesa.source()).isEqualTo("US-OFAC-SDN");
        assertThat(hesa.primaryName()).isEqualTo("IRAN AIRCRAFT MANUFACTURING INDUSTRIAL COMPANY");
        assertThat(hesa.type()).isEqualTo(EntityType.ENTITY);
        assertThat(hesa.programs()).containsExactly("NPWMD", "IFSR", "IRAN-CON-ARMS-EO");
        assertThat(hesa.aliases()).contains(Alias.strong("HESA TRADE CENTER"), Alias.weak("HESA"),
                Alias.weak("HAVA PEYMA SAZI-E IRAN"));
        assertThat(hesa.identifiers()).contains(new Identifier("National ID No.", "10100722073", "IR"),
                new Identifier("Registration Number", "26740", "IR"));
        assertThat(hesa.addresses()).hasSize(5).allSatisfy(a -> assertThat(a.country()).isEqualTo("IR"));
        assertThat(hesa.addresses().get(0).city()).isEqualTo("Esfahan");

        ListEntry khoroshev = byId.get("48603");
        assertThat(khoroshev.type()).isEqualTo(EntityType.PERSON);
        assertThat(khoroshev.countries()).contains("RU");
        assertThat(khoroshev.aliases()).extracting(Alias::name).contains("KHOROSHEV, Dmitrii Yuryevich");

        assertThat(byId.get("47371").type()).isEqualTo(EntityType.VESSEL);
        assertThat(byId.get("47371").details()).containsEntry("callSign", "A8LU7");
    }

    @Test
    void shouldAppendCommentOverflowToRemarks() throws Exception {
        ListEntry suex = byId(new OfacCsvReader(OfacFileSet.SDN).read(Fixtures.path("ofac/sdn"))).get("33151");
        assertThat(suex.remarks()).contains("Legal Entity Number 5299007NTWCC3U23WM81");
        assertThat(suex.aliases()).contains(Alias.weak("SUCCESSFUL EXCHANGE"));
        assertThat(suex.allCountries()).contains("RU", "CZ");
    }

    @Test
    void shouldReadConsolidatedNonSdnFileSet() throws Exception {
        ListSnapshot snapshot = new OfacCsvReader(OfacFileSet.CONSOLIDATED).read(Fixtures.path("ofac/consolidated"));
        Map<String, ListEntry> byId = byId(snapshot);
        assertThat(snapshot.version().format()).isEqualTo(ListFormat.OFAC_CONSOLIDATED_CSV);
        assertThat(byId).containsOnlyKeys("9639", "9640", "17014", "17016");
        ListEntry rshb = byId.get("17014");
        assertThat(rshb.source()).isEqualTo("US-OFAC-NONSDN");
        assertThat(rshb.aliases()).extracting(Alias::name).contains("ROSSELKHOZBANK");
        assertThat(rshb.identifiers()).contains(new Identifier("SWIFT/BIC", "RUAGRUMM", null));
        assertThat(byId.get("17016").allCountries()).contains("RU", "MN", "KZ", "IN", "CN");
    }

    @Test
    void shouldRejectRowWithWrongColumnCountNamingFileAndLine() throws Exception {
        Path dir = copyOf("ofac/sdn");
        String sdn = Files.readString(dir.resolve("sdn.csv"));
        Files.writeString(dir.resolve("sdn.csv"), sdn.replace("15102,\"MORENO, Daniel\",\"individual\",", "15102,\"MORENO, Daniel\","));
        assertThatThrownBy(() -> new OfacCsvReader(OfacFileSet.SDN).read(dir))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("sdn.csv line 4: expected 12 columns, found 11");
    }

    @Test
    void shouldRejectNonNumericEntNumInAliasFile() throws Exception {
        Path dir = copyOf("ofac/sdn");
        Files.writeString(dir.resolve("alt.csv"), Files.readString(dir.resolve("alt.csv")) + "X1,1,\"aka\",\"Y\",-0- \n");
        assertThatThrownBy(() -> new OfacCsvReader(OfacFileSet.SDN).read(dir))
                .isInstanceOf(ListFormatException.class)
                .satisfies(e -> assertThat(((ListFormatException) e).location()).isEqualTo("line 19"))
                .hasMessageContaining("alt.csv");
    }

    private Path copyOf(String fixture) throws Exception {
        Path dir = tmp.resolve("copy");
        Files.createDirectories(dir);
        try (var files = Files.list(Fixtures.path(fixture))) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return dir;
    }

    static Map<String, ListEntry> byId(ListSnapshot snapshot) {
        return snapshot.entries().stream().collect(Collectors.toMap(ListEntry::sourceId, Function.identity()));
    }
}
