package org.clearance.parties.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.clearance.lists.EntityType;
import org.clearance.lists.ListEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Names in another language (organisation words through {@code organisation-words.txt}) and acronyms, on the list
 * fixtures (for realistic word rarity) plus a few entries of their own.
 */
class TranslationAndAcronymMatchingTest {

    private static PartyMatcher matcher;

    @BeforeAll
    static void index() throws Exception {
        List<ListEntry> entries = new ArrayList<>(TestCorpus.entries());
        entries.add(entity("T1", "Ozyorsk Helicopter Plant", null));
        entries.add(entity("T2", "National Bank of Cuba", "CU"));
        entries.add(entity("T3", "EASTERN TURKISTAN ISLAMIC MOVEMENT", null));
        entries.add(entity("T4", "State Research Institute", null));
        entries.add(entity("T5", "Central Design Bureau", null));
        entries.add(entity("T6", "QZVT", null));
        entries.add(entity("T7", "Kestrel Orlov Mining", "KZ"));
        entries.add(entity("T8", "HAJI JUMA KHAN ORGANIZATION", null));
        entries.add(entity("T10", "IVBO", null));
        entries.add(entity("T11", "MMT", null));
        entries.add(entity("T12", "ART Logistics", null));
        entries.add(entity("T13", "Tsentralnyy Nauchno-Issledovatelskiy Institut", null));
        entries.add(entity("T14", "QZV KMLT", null));
        entries.add(ListEntry.builder("TEST", "T9").type(EntityType.PERSON).primaryName("Ivan Petrovich Sidorov")
                .build());
        matcher = new PartyMatcher();
        matcher.index(entries);
    }

    private static ListEntry entity(String id, String name, String country) {
        return ListEntry.builder("TEST", id).type(EntityType.ENTITY).primaryName(name).country(country).build();
    }

    private static List<String> found(String name, String country) {
        return matcher.match(name, country, 20).stream().map(m -> m.entry().sourceId()).toList();
    }

    private static Match match(String name, String id) {
        return matcher.match(name, null, 20).stream().filter(m -> m.entry().sourceId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " did not find " + id));
    }

    @Test
    void shouldMatchRussianNameToItsEnglishTranslation() {
        Match match = match("АО «Озёрский Вертолётный Завод»", "T1");
        assertThat(match.explanation()).extracting(TokenMatch::describe)
                .contains("vertoletnyy ~ helicopter (translation)", "zavod ~ plant (translation)");
    }

    @Test
    void shouldMatchSpanishNameToItsEnglishTranslationInAnyWordOrder() {
        Match match = match("BANCO NACIONAL DE CUBA", "T2");
        assertThat(match.explanation()).extracting(TokenMatch::describe)
                .contains("banco ~ bank (translation)", "cuba ~ cuba (exact)");
    }

    @Test
    void shouldNotMatchNamesMadeOnlyOfTranslatedOrganisationWords() {
        assertThat(found("Государственный Научно-Исследовательский Институт", null)).doesNotContain("T4");
        assertThat(found("Центральное Конструкторское Бюро", null)).doesNotContain("T5");
        assertThat(found("Banco Nacional de Venezuela", null)).doesNotContain("T2");
    }

    @Test
    void shouldMatchAcronymOfAllWordsForReviewAndSaySo() {
        Match match = match("ETIM", "T3");
        assertThat(match.score()).isEqualTo(Acronyms.SCORE);
        assertThat(match.explanation()).extracting(TokenMatch::describe)
                .containsExactly("etim ~ eastern turkistan islamic movement (acronym)");
    }

    @Test
    void shouldMatchNameWhoseInitialsAreAListedAcronym() {
        assertThat(match("Quorra Zephyr Vantage Trust", "T6").explanation()).extracting(TokenMatch::how)
                .containsExactly(MatchMethod.ACRONYM);
    }

    @Test
    void shouldMatchAcronymOfSomeWordsWhenTheRestMatches() {
        assertThat(match("HJK Organization", "T8").explanation()).extracting(TokenMatch::describe)
                .contains("hjk ~ haji juma khan (acronym)");
    }

    @Test
    void shouldNotMatchOtherLettersOrPersonsInitials() {
        assertThat(found("ETIX", null)).doesNotContain("T3");
        assertThat(found("EITM", null)).doesNotContain("T3");
        assertThat(found("HJX Organization", null)).doesNotContain("T8");
        assertThat(found("IPS", "RU")).doesNotContain("T9");
    }

    @Test
    void shouldNotMatchLatinInitialsThatOnlyFoldToTheAcronym() {
        assertThat(found("Ivory Valley Bakery Orchard", null)).contains("T10");
        assertThat(found("Juniper Wildflower Bakery Orchard", null)).doesNotContain("T10");
    }

    @Test
    void shouldNotMatchLatinThreeLetterAcronymWhoseLettersOnlyFoldAlike() {
        assertThat(found("Montclair Trelawny Tiles", "US")).doesNotContain("T11");
    }

    @Test
    void shouldCountCyrillicAcronymByTheWordsItSpellsNotByItsFoldedLetters() {
        assertThat(match("ЦНИИ", "T13").score()).isEqualTo(Acronyms.SCORE);
    }

    @Test
    void shouldNotMatchAcronymOfSomeWordsWhenNothingElseMatches() {
        assertThat(found("Alderwood Rivermead Tiles", null)).doesNotContain("T12");
        assertThat(found("Alderwood Rivermead Tiles Logistics", null)).contains("T12");
    }

    @Test
    void shouldMatchNameWrittenOutAgainstTwoAcronymsOfItsWords() {
        assertThat(found("Quorra Zephyr Vantage Kestrel Meridian Lark Tolliver", null)).contains("T14");
    }

    @Test
    void shouldReportThreeLetterAcronymOnlyWhenTheCountryAgrees() {
        assertThat(found("KOM", null)).doesNotContain("T7");
        assertThat(found("KOM", "US")).doesNotContain("T7");
        assertThat(found("KOM", "KZ")).contains("T7");
    }

    @Test
    void shouldLetTranslationsAndAcronymsThroughTheGate() {
        Predicate<String> gate = matcher.gate();
        assertThat(gate.test("АО «Озёрский Вертолётный Завод»")).isTrue();
        assertThat(gate.test("BANCO NACIONAL DE CUBA")).isTrue();
        assertThat(gate.test("ETIM")).isTrue();
        assertThat(gate.test("HJK Organization")).isTrue();
        assertThat(gate.test("Quorra Zephyr Vantage Trust")).isTrue();
    }
}
