package org.clearance.lists.uk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.clearance.lists.Alias;
import org.clearance.lists.EntityType;
import org.clearance.lists.Fixtures;
import org.clearance.lists.Identifier;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UkSanctionsListReaderTest {

    @TempDir
    Path tmp;

    @Test
    void shouldGroupNameRowsByUniqueId() throws Exception {
        ListSnapshot snapshot = new UkSanctionsListReader().read(Fixtures.path("uk/UK-Sanctions-List.csv"));
        assertThat(snapshot.version().publishedOn()).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(snapshot.entries()).extracting(ListEntry::sourceId).containsExactly("RUS0254", "RUS1081", "RUS2176");

        ListEntry lavrov = snapshot.entries().get(0);
        assertThat(lavrov.primaryName()).isEqualTo("Sergei Viktorovich LAVROV");
        assertThat(lavrov.type()).isEqualTo(EntityType.PERSON);
        assertThat(lavrov.aliases()).containsExactly(Alias.strong("Сергей Викторович ЛАВРОВ"),
                Alias.strong("Sergey Viktorovich LAVROV"));
        assertThat(lavrov.countries()).containsExactly("RU");
        assertThat(lavrov.programs()).containsExactly("The Russia (Sanctions) (EU Exit) Regulations 2019");

        ListEntry sirius = snapshot.entries().get(1);
        assertThat(sirius.aliases()).containsExactly(Alias.weak("KONTSERN SIRIUS"));
        assertThat(sirius.identifiers()).containsExactly(new Identifier("Business registration number", "7704730655", null));
        assertThat(sirius.addresses().get(0).city()).isEqualTo("Moscow");
        assertThat(sirius.addresses().get(0).country()).isEqualTo("RU");

        assertThat(snapshot.entries().get(2).type()).isEqualTo(EntityType.VESSEL);
    }

    @Test
    void shouldRejectRowWithoutUniqueIdNamingItsLine() throws Exception {
        String csv = Fixtures.read("uk/UK-Sanctions-List.csv").replace("15/03/2022,RUS1081,14743,,KONTSERN", "15/03/2022,,14743,,KONTSERN");
        Path file = Fixtures.write(tmp, "uk.csv", csv);
        assertThatThrownBy(() -> new UkSanctionsListReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("uk.csv line 6: row has no Unique ID");
    }

    @Test
    void shouldRejectFileWithoutReportDateBanner() throws Exception {
        String csv = Fixtures.read("uk/UK-Sanctions-List.csv").replace("Report Date: 08-Oct-2026", "Generated 2026");
        Path file = Fixtures.write(tmp, "uk.csv", csv);
        assertThatThrownBy(() -> new UkSanctionsListReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("uk.csv line 1:");
    }
}
