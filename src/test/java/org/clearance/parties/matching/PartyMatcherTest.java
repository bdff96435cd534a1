package org.clearance.parties.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PartyMatcherTest {

    private static PartyMatcher matcher;

    @BeforeAll
    static void indexFixtures() throws Exception {
        matcher = new PartyMatcher();
        matcher.index(TestCorpus.entries());
    }

    private static Match top(String name, String country) {
        List<Match> matches = matcher.match(name, country, 5);
        assertThat(matches).as("matches for %s", name).isNotEmpty();
        return matches.get(0);
    }

    @Test
    void shouldMatchCyrillicQueryToLatinCustomEntry() {
        Match match = top("ООО «Технопром Экспорт»", "RU");
        assertThat(match.entry().primaryName()).isEqualTo("Technoprom Export LLC");
        assertThat(match.countryAgreement()).isEqualTo(CountryAgreement.AGREES);
    }

    @Test
    void shouldMatchRomanisationVariantThroughTransliteration() {
        Match match = top("Tehnoprom Export", null);
        assertThat(match.entry().primaryName()).isEqualTo("Technoprom Export LLC");
        assertThat(match.explanation()).anySatisfy(t -> {
            assertThat(t.queryToken()).isEqualTo("tehnoprom");
            assertThat(t.how()).isEqualTo(MatchMethod.TRANSLITERATION);
        });
        assertThat(match.countryAgreement()).isEqualTo(CountryAgreement.UNKNOWN);
    }

    @Test
    void shouldMatchLatinQueryToCyrillicAlias() {
        Match match = top("Kontsern Sirius", "RU");
        assertThat(match.entry().allNames()).anyMatch(n -> n.contains("Sirius"));
    }

    @Test
    void shouldMatchAliasAndSayWhichName() {
        Match match = top("Rosselkhozbank", null);
        assertThat(match.entry().sourceId()).isEqualTo("17014");
        assertThat(match.matchedName()).isEqualTo("ROSSELKHOZBANK");
        assertThat(match.matchedNameKind()).isEqualTo(NameKind.ALIAS);
        assertThat(match.score()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldIgnoreWordOrderAndLegalForm() {
        Match match = top("Avionics Aircraft Support Parts Limited", "GB");
        assertThat(match.entry().sourceId()).isEqualTo("19709");
        assertThat(match.score()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void shouldMatchLegalFormVariant() {
        assertThat(top("OOO Integral", "BY").entry().primaryName()).isEqualTo("JSC Integral");
        assertThat(top("Laserchips LLC", "AE").entry().primaryName()).isEqualTo("Laserchips FZCO");
    }

    @Test
    void shouldMatchTypoWithJaroWinkler() {
        Match match = top("Gazprombnak", null);
        assertThat(match.entry().sourceId()).isEqualTo("17016");
        assertThat(match.explanation().get(0).how()).isEqualTo(MatchMethod.JARO_WINKLER);
        assertThat(match.explanation().get(0).describe()).startsWith("gazprombnak ~ gazprombank (jaro-winkler 0.9");
    }

    @Test
    void shouldReportCountryDisagreement() {
        assertThat(top("Beltechexport", "CN").countryAgreement()).isEqualTo(CountryAgreement.DIFFERS);
    }

    @Test
    void shouldMarkWeakAliasMatches() {
        Match match = top("Successful Exchange", null);
        assertThat(match.entry().sourceId()).isEqualTo("33151");
        assertThat(match.matchedNameKind()).isEqualTo(NameKind.WEAK_ALIAS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Global Trading LLC", "International Limited", "Trading Corp", "General Trading FZE",
        "International Trading Company Ltd", "Asia Pacific Trading Limited", "Technology Group Co., Ltd.",
        "Global Logistics Services GmbH", "Research Institute", "Joint Stock Company", "ООО Торговый дом"})
    void shouldNotMatchGenericNames(String name) {
        assertThat(matcher.match(name, null, 5)).as("matches for %s", name).isEmpty();
    }

    @Test
    void shouldExplainEveryTokenOfBothNames() {
        Match match = top("Kazan Helicopter Plant", "RU");
        assertThat(match.explanation()).extracting(TokenMatch::queryToken).contains("kazan", "helicopter", "plant");
        assertThat(match.explanation()).allSatisfy(t -> assertThat(t.describe()).contains("~"));
    }

    @Test
    void shouldReturnNothingBeforeIndexing() {
        assertThat(new PartyMatcher().match("Sirius", null, 5)).isEmpty();
    }

    @Test
    void shouldRespectThreshold() throws Exception {
        PartyMatcher strict = new PartyMatcher(MatchSettings.defaults().withThreshold(0.99));
        strict.index(TestCorpus.entries());
        assertThat(strict.match("Technoprom Export", null, 5)).hasSize(1);
        assertThat(strict.match("Tehnoprom Exports", null, 5)).isEmpty();
        assertThat(matcher.match("Tehnoprom Exports", null, 5)).isNotEmpty();
    }

    @Test
    void shouldFindARussianNameWrittenOutInFullUnderItsShortListedName() throws Exception {
        // The fixture lists without the EU Annex IV sample, which records these Russian names as aliases.
        List<org.clearance.lists.ListEntry> entries = new java.util.ArrayList<>(TestCorpus.entries().stream()
                .filter(e -> !e.source().equals("EU-833-ANNEX-IV")).toList());
        entries.addAll(List.of(entry("A1", "Tupolev JSC"), entry("A2", "OAO NPO Bazalt"), entry("A3", "NPO Almaz")));
        PartyMatcher small = new PartyMatcher();
        small.index(entries);

        // The repeated short legal form inside the brackets goes; the kinds of organisation written out weigh little.
        assertThat(small.match("Акционерное Общество «Туполев» (АО «Туполев»)", "RU", 5))
                .extracting(m -> m.entry().primaryName()).first().isEqualTo("Tupolev JSC");
        assertThat(small.match("Акционерное Общество ‘Научно-Производственное Объединение ‘Базальт’” (АО “НПО ‘Базальт’”)",
                "RU", 5)).extracting(m -> m.entry().primaryName()).first().isEqualTo("OAO NPO Bazalt");
        assertThat(small.match("Научно-Производственное Объединение «Исток»", "RU", 5)).isEmpty();
    }

    private static org.clearance.lists.ListEntry entry(String id, String name) {
        return org.clearance.lists.ListEntry.builder("TEST", id).type(org.clearance.lists.EntityType.ENTITY)
                .primaryName(name).build();
    }
}
