package org.clearance.lists.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.clearance.lists.Alias;
import org.clearance.lists.Fixtures;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomCsvReaderTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadInternalWatchList() throws Exception {
        ListSnapshot snapshot = new CustomCsvReader("CUSTOM-SALES").read(Fixtures.path("custom/watchlist.csv"));
        assertThat(snapshot.entries()).hasSize(3);
        ListEntry technoprom = snapshot.entries().get(0);
        assertThat(technoprom.source()).isEqualTo("CUSTOM-SALES");
        assertThat(technoprom.aliases()).containsExactly(Alias.strong("Технопром Экспорт"), Alias.strong("Tekhnoprom Eksport"));
        assertThat(technoprom.countries()).containsExactly("RU");
        assertThat(technoprom.remarks()).startsWith("Suspected diversion");
        assertThat(snapshot.entries().get(2).countries()).containsExactly("TR");
    }

    @Test
    void shouldRejectUnknownCountryNamingItsLine() throws Exception {
        Path file = Fixtures.write(tmp, "w.csv", "name,aliases,country,address,reason\nA Co,,RU,,x\nB Co,,Atlantis,,y\n");
        assertThatThrownBy(() -> new CustomCsvReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("w.csv line 3: unknown country 'Atlantis'");
    }

    @Test
    void shouldRejectRowWithoutName() throws Exception {
        Path file = Fixtures.write(tmp, "w.csv", "name,aliases,country,address,reason\n,,RU,,x\n");
        assertThatThrownBy(() -> new CustomCsvReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("w.csv line 2: name is empty");
    }
}
