package org.clearance.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.clearance.parties.PartyIndex;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports through the real database: versions, atomicity, identical re-imports, and the party index swap. */
@QuarkusTest
@Tag("database")
class ListImportServiceTest {

    @Inject
    ListImportService service;

    @Inject
    PartyIndex index;

    @TempDir
    Path dir;

    private static String uniqueSource() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldStoreAVersionWithItsEntriesAndMakeThemSearchable() throws IOException {
        String source = uniqueSource();
        ImportResult result = service.importFile(source, ListFormat.OFAC_SDN_CSV, Fixtures.path("ofac/sdn"), org.clearance.security.Actor.cliOperator());

        assertThat(result.status()).isEqualTo(ImportResult.Status.IMPORTED);
        assertThat(result.version().entryCount()).isEqualTo(17);
        assertThat(result.version().sha256()).hasSize(64);
        assertThat(result.version().active()).isTrue();
        long stored = QuarkusTransaction.requiringNew().call(() -> ListRecord.count("importId in "
                + "(select i.id from ListImport i where i.source = ?1 and i.active = true)", source));
        assertThat(stored).isEqualTo(17);
        ListRecord record = QuarkusTransaction.requiringNew().call(() -> {
            ListRecord r = ListRecord.find("listCode = ?1 and sourceId = ?2", "US-OFAC-SDN", "11195").firstResult();
            r.names.size();
            return r;
        });
        assertThat(record.names).extracting(n -> n.name).contains("IRAN AIRCRAFT MANUFACTURING INDUSTRIAL COMPANY", "HESA");
        assertThat(EntryCodec.fromJson(record.entryJson).programs()).contains("NPWMD");
        assertThat(index.search("Iran Aircraft Manufacturing Industrial Co.", "IR", 5))
                .anySatisfy(r -> assertThat(r.match().entry().sourceId()).isEqualTo("11195"));
    }

    @Test
    void shouldChangeNothingWhenTheSameFileIsImportedAgain() throws IOException {
        String source = uniqueSource();
        ImportResult first = service.importFile(source, ListFormat.CUSTOM_CSV, Fixtures.path("custom/watchlist.csv"), org.clearance.security.Actor.cliOperator());
        ImportResult again = service.importFile(source, ListFormat.CUSTOM_CSV, Fixtures.path("custom/watchlist.csv"), org.clearance.security.Actor.cliOperator());

        assertThat(again.status()).isEqualTo(ImportResult.Status.UNCHANGED);
        assertThat(again.version().sha256()).isEqualTo(first.version().sha256());
        assertThat(again.version().importedAt()).isEqualTo(first.version().importedAt());
        assertThat(QuarkusTransaction.requiringNew().call(() -> ListImport.count("source", source))).isEqualTo(1);
    }

    @Test
    void shouldKeepThePreviousVersionActiveWhenTheNextFileIsMalformed() throws IOException {
        String source = uniqueSource();
        Path good = Fixtures.write(dir, "good.csv", "name,aliases,country,address,reason\n"
                + "Quorvath Dynamics Ltd,,GB,,test\nVelmira Optics,,FR,,test\n");
        Path bad = Fixtures.write(dir, "bad.csv", "name,aliases,country,address,reason\n"
                + "Quorvath Dynamics Ltd,,GB,,test\nVelmira Optics,,Atlantis,,test\n");
        ImportResult first = service.importFile(source, ListFormat.CUSTOM_CSV, good, org.clearance.security.Actor.cliOperator());

        assertThatThrownBy(() -> service.importFile(source, ListFormat.CUSTOM_CSV, bad, org.clearance.security.Actor.cliOperator()))
                .isInstanceOf(ListFormatException.class)
                .hasMessageContaining("bad.csv line 3").hasMessageContaining("Atlantis", org.clearance.security.Actor.cliOperator());

        ListImport active = QuarkusTransaction.requiringNew().call(() -> ListImport.active(source).orElseThrow());
        assertThat(active.sha256).isEqualTo(first.version().sha256());
        assertThat(QuarkusTransaction.requiringNew().call(() -> ListImport.count("source", source))).isEqualTo(1);
        assertThat(index.search("Velmira Optics", "FR", 50)).anyMatch(r -> r.listed().feed().equals(source));
    }

    @Test
    void shouldReplaceTheEntriesOfTheOldVersionOnANewOne() throws IOException {
        String source = uniqueSource();
        service.importFile(source, ListFormat.CUSTOM_CSV, Fixtures.write(dir, "v1.csv",
                "name,aliases,country,address,reason\nZentrovex Holdings,,CH,,test\n"), org.clearance.security.Actor.cliOperator());
        ImportResult second = service.importFile(source, ListFormat.CUSTOM_CSV, Fixtures.write(dir, "v2.csv",
                "name,aliases,country,address,reason\nBraxmoor Industries,,CH,,test\n"), org.clearance.security.Actor.cliOperator());

        assertThat(second.status()).isEqualTo(ImportResult.Status.IMPORTED);
        // The test database outlives test runs: look only at this test's source.
        assertThat(index.search("Zentrovex Holdings", "CH", 50)).noneMatch(r -> r.listed().feed().equals(source));
        assertThat(index.search("Braxmoor Industries", "CH", 50)).filteredOn(r -> r.listed().feed().equals(source))
                .hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ListImport.count("source", source))).isEqualTo(2);
    }
}
