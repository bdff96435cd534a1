package org.clearance.parties.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How lists word one organisation differently — legal forms, kinds of business, abbreviated organisation words — on
 * the list fixtures (for realistic word rarity) plus invented entries of its own: each pair that must match has a
 * near name that must not.
 */
class ListWordingMatchingTest {

    private static PartyMatcher matcher;

    @BeforeAll
    static void index() throws Exception {
        matcher = TestCorpus.matcherWith(
                TestCorpus.entity("W1", "QARNETEL PLUS SAL (OFFSHORE)"),
                TestCorpus.entity("W2", "RANCHO TEPOZAL S. DE P.R. DE R.L."),
                TestCorpus.entity("W3", "OPEN JOINT STOCK COMPANY COMMERCIAL BANK ZARECHYE"),
                TestCorpus.entity("W4", "PO ILMENSTROYMASH ZAO"),
                TestCorpus.entity("W5", "Joint Stock Company Vertikal"),
                TestCorpus.entity("W6", "BAKHTAR LTD"),
                TestCorpus.entity("W7", "N.K. Koltsov Research Institute of Hydrometry"),
                TestCorpus.entity("W11", "Vostrel Corporation"),
                TestCorpus.entity("W12", "KATIBAT AL-QARNAYN WAL-ANSAR"),
                TestCorpus.entity("W9", "Chelyabinsk Research Institute of Metallurgy"),
                TestCorpus.person("W10", "ZHUKOVSKIY, Arkadiy"),
                TestCorpus.person("W8", "KOLTSOV, Zinoviy"));
    }

    private static List<String> found(String name) {
        return matcher.match(name, null, 20).stream().map(m -> m.entry().sourceId()).toList();
    }

    private static Match match(String name, String id) {
        return matcher.match(name, null, 20).stream().filter(m -> m.entry().sourceId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " did not find " + id));
    }

    @Test
    void shouldRemoveLebaneseAndMexicanLegalForms() {
        assertThat(matcher.normalise("Qarnetel Plus S.A.L. Offshore")).containsExactly("qarnetel", "plus");
        assertThat(matcher.normalise("RANCHO TEPOZAL, SOCIEDAD DE PRODUCCIÓN RURAL DE RESPONSABILIDAD LIMITADA"))
                .isEqualTo(matcher.normalise("RANCHO TEPOZAL S. DE P.R. DE R.L.")).containsExactly("rancho", "tepozal");
        assertThat(found("QARNETELPLUS")).contains("W1");
        assertThat(found("QARNETEL MOBILE SAL")).doesNotContain("W1");
    }

    @Test
    void shouldMatchCommercialBankAbbreviatedAgainstWrittenOut() {
        assertThat(match("JSC CB 'ZARECHYE'", "W3").explanation()).extracting(TokenMatch::describe)
                .contains("cb ~ commercial bank (translation)");
        assertThat(found("JSC CB 'ZORKIY'")).doesNotContain("W3");
        assertThat(found("KB COMMERCIAL")).doesNotContain("W3");
    }

    @Test
    void shouldMatchProductionAssociationAbbreviatedAgainstWrittenOut() {
        assertThat(found("AO Proizvodstvennoye Obyedineniye 'Ilmenstroymash'")).contains("W4");
        assertThat(found("АО «Производственное Объединение «Ильменстроймаш»")).contains("W4");
        assertThat(found("AO Proizvodstvennoye Obyedineniye 'Severstroymash'")).doesNotContain("W4");
    }

    @Test
    void shouldWeighKindsOfBusinessLittle() {
        assertThat(found("Концерн «Вертикаль»")).contains("W5");
        assertThat(found("Концерн «Горизонт»")).doesNotContain("W5");
        assertThat(found("BAKHTAR LTD. SARAFI")).contains("W6");
        assertThat(found("KABUL SARAFI")).doesNotContain("W6");
    }

    @Test
    void shouldPutTheSurnameAfterNamedAfterIntoTheNominative() {
        assertThat(matcher.normalise("Завод им. Г.М. Бериева")).contains("beriyev");
        assertThat(matcher.normalise("Институт имени Р.Е. Алексеева")).contains("alekseyev");
        assertThat(matcher.normalise("Бюро имени Н.А. Доллежаля")).contains("dollezhal");
        assertThat(matcher.normalise("Училище имени В.П. Чкалова ордена Ленина")).contains("chkalov", "lenin");
        assertThat(matcher.normalise("Institut imeni A.I. Zhukovskogo")).contains("zhukovskiy");
        assertThat(found("Научно-Исследовательский Институт Гидрометрии имени Н.К. Кольцова")).contains("W7");
        // Elsewhere -ova is a woman's surname, not a genitive.
        assertThat(matcher.normalise("Зиновия Кольцова")).contains("koltsova");
        assertThat(found("Зиновия Кольцова")).doesNotContain("W8");
        assertThat(matcher.normalise("Haus im Walda")).contains("walda");
    }

    @Test
    void shouldCompareAPlaceAdjectiveByThePlaceItIsMadeFrom() {
        assertThat(PlaceAdjectives.place("uralskiy")).isEqualTo("uralsk");
        assertThat(PlaceAdjectives.place("tuapsinskiy")).isEqualTo("tuapsin");
        assertThat(PlaceAdjectives.place("moskovskogo")).isEqualTo("moskov");
        assertThat(PlaceAdjectives.place("donetskaya")).isEqualTo("donetsk");
        assertThat(PlaceAdjectives.place("tekhnicheskiy")).isNull();
        assertThat(PlaceAdjectives.place("kommercheski")).isNull();
        assertThat(found("Челябинский Научно-Исследовательский Институт Металлургии")).contains("W9");
        assertThat(found("Новосибирский Научно-Исследовательский Институт Металлургии")).doesNotContain("W9");
        // Not in a person's name: a surname of this shape is compared as written.
        assertThat(match("Аркадий Жуковский", "W10").explanation()).extracting(TokenMatch::describe)
                .contains("zhukovskiy ~ zhukovskiy (exact)");
    }

    @Test
    void shouldRemoveTheRussianForCorporationAsTheEnglishIsRemoved() {
        assertThat(matcher.normalise("ПАО «Корпорация «Вострель»")).containsExactly("vostrel");
        assertThat(found("Научно-Производственная Корпорация «Вострель»")).contains("W11");
        assertThat(found("Научно-Производственная Корпорация «Гранат»")).doesNotContain("W11");
    }

    @Test
    void shouldDropTheArabicAnd() {
        assertThat(found("KATIBAT AL-QARNAYN WA ANSAR")).contains("W12");
        assertThat(found("KATIBAT AL-QARNAYN WA MUHAJIREEN")).doesNotContain("W12");
    }
}
