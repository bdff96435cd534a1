package org.clearance.lists.jp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clearance.lists.Alias;
import org.clearance.lists.Fixtures;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListFormatException;
import org.clearance.lists.ListSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetiNoticeReaderTest {

    @TempDir
    Path tmp;

    @Test
    void shouldReadBelarusNoticeIncludingEntryGluedToPreviousAddress() throws Exception {
        ListSnapshot snapshot = new MetiNoticeReader().read(Fixtures.path("jp/list_belarus_tokutei.pdf.txt"));
        assertThat(snapshot.version().publishedOn()).isEqualTo(LocalDate.of(2022, 7, 5));
        Map<String, ListEntry> byId = byId(snapshot);
        assertThat(byId).hasSize(27);

        ListEntry integral = byId.get("2");
        assertThat(integral.source()).isEqualTo("JP-METI-BY");
        assertThat(integral.primaryName()).isEqualTo("JSC Integral");
        assertThat(integral.aliases()).extracting(Alias::name)
                .contains("OAO Integral", "Joint-Stock Company Integral-Holding Managing Company", "株式会社インテグラル");
        assertThat(integral.addresses()).hasSize(3).allSatisfy(a -> assertThat(a.country()).isEqualTo("BY"));
        assertThat(integral.programs()).containsExactly("令和四年外務省告示第百四号");

        ListEntry agat = byId.get("7");
        assertThat(agat.primaryName()).isEqualTo("AGAT-Electromechanical Plant OJSC");
        assertThat(agat.aliases()).extracting(Alias::name).contains("Agat-Elektromekhanicheski Zavod");
        assertThat(byId.get("6").addresses()).singleElement()
                .satisfies(a -> assertThat(a.street()).isEqualTo("117/1 Nezavisimosti ave., Minsk, 220114, Belarus"));
        assertThat(byId.get("27").aliases()).extracting(Alias::name).contains("JSC FCS&HT “SNPO “Eleron”", "SNPO Eleron");
    }

    @Test
    void shouldReadThirdCountryNoticeWithMultiLineNamesAndAliasLabel() throws Exception {
        ListSnapshot snapshot = new MetiNoticeReader().read(Fixtures.path("jp/250912_list_daisangoku_tokutei.pdf.txt"));
        Map<String, ListEntry> byId = byId(snapshot);
        assertThat(snapshot.version().publishedOn()).isEqualTo(LocalDate.of(2025, 9, 12));
        assertThat(byId).hasSize(56);
        ListEntry ijet = byId.get("2");
        assertThat(ijet.source()).isEqualTo("JP-METI-THIRD-COUNTRY");
        assertThat(ijet.primaryName()).isEqualTo("I JET GLOBAL DMCC");
        assertThat(ijet.aliases()).extracting(Alias::name)
                .contains("iJet", "iJet Aviation Services", "Trade Med Middle East", "Trade Mid Middle East");
        assertThat(ijet.addresses()).singleElement().satisfies(a -> assertThat(a.country()).isEqualTo("SY"));
        assertThat(byId.get("4").primaryName()).isEqualTo("Success Aviation Services FZC");
        assertThat(byId.get("14").addresses()).hasSizeGreaterThan(1).allSatisfy(a -> assertThat(a.country()).isEqualTo("IN"));
        assertThat(byId.get("56").primaryName()).isEqualTo("Laserchips FZCO");
    }

    @Test
    void shouldSplitJapaneseAndEnglishNameOnOneLine() throws Exception {
        Map<String, ListEntry> byId = byId(new MetiNoticeReader().read(Fixtures.path("jp/250912_list_russia_tokutei_1-69.pdf.txt")));
        assertThat(byId).hasSize(69);
        assertThat(byId.get("18").primaryName()).isEqualTo("JSC Rocket and Space Centre – Progress");
        assertThat(byId.get("17").aliases()).extracting(Alias::name).contains("Kazanski Vertoletny Zavod Remservis", "KVZ Remservis");
        assertThat(byId.get("8").primaryName())
                .isEqualTo("Federal State Budgetary Enterprise Special Flight Unit Rossiya of the Administration of the President of Russia");
        assertThat(byId.get("9").primaryName()).isEqualTo("Federal State Unitary Enterprise Dukhov Automatics Research Institute (VNIIA)");
        assertThat(byId.get("10").primaryName()).isEqualTo("Foreign Intelligence Service (SVR)");
    }

    @Test
    void shouldRejectEntryWithoutEnglishNameNamingItsLine() throws Exception {
        String text = Fixtures.read("jp/list_belarus_tokutei.pdf.txt").replace("Beltechexport CJSC\n", "");
        Path file = Fixtures.write(tmp, "by.txt", text);
        assertThatThrownBy(() -> new MetiNoticeReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessage("by.txt line 58: entry 12 has no English name");
    }

    @Test
    void shouldRejectTextThatIsNoNotice() throws Exception {
        Path file = Fixtures.write(tmp, "x.txt", "hello\n1 world\n");
        assertThatThrownBy(() -> new MetiNoticeReader().read(file))
                .isInstanceOf(ListFormatException.class)
                .hasMessageStartingWith("x.txt line 1:");
    }

    private static Map<String, ListEntry> byId(ListSnapshot snapshot) {
        return snapshot.entries().stream().collect(Collectors.toMap(ListEntry::sourceId, Function.identity()));
    }
}
