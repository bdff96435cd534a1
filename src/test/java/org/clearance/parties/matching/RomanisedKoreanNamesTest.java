package org.clearance.parties.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Korean names written in Latin letters by different romanisations, on the list fixtures plus invented persons. */
class RomanisedKoreanNamesTest {

    private static PartyMatcher matcher;

    @BeforeAll
    static void index() throws Exception {
        matcher = TestCorpus.matcherWith(TestCorpus.person("K1", "JANG, Bom Hyok"),
                TestCorpus.person("K2", "DALTON, Beda"));
    }

    private static List<String> found(String name) {
        return matcher.match(name, null, 20).stream().map(m -> m.entry().sourceId()).toList();
    }

    @Test
    void shouldTellKoreanNamesInLatinLetters() {
        assertThat(KoreanNames.isKoreanName(List.of("kim", "jeong", "eun"))).isTrue();
        assertThat(KoreanNames.isKoreanName(List.of("chu", "hyok"))).isTrue();
        assertThat(KoreanNames.isKoreanName(List.of("wei", "hsueh", "yuan"))).isFalse();
        assertThat(KoreanNames.isKoreanName(List.of("pom", "su"))).isFalse(); // no surname
        assertThat(KoreanNames.isKoreanName(List.of("kim"))).isFalse();
    }

    @Test
    void shouldMatchMcCuneReischauerAgainstRevisedRomanisation() {
        assertThat(found("Jang Pom Hyok")).contains("K1");
        assertThat(found("Jang Beom-hyeok")).contains("K1");
        assertThat(found("Jang Pom Chol")).doesNotContain("K1");
    }

    @Test
    void shouldNotCompareOtherNamesByKoreanKey() {
        // Dalton / Talton and Beda / Peda have one Korean key each, but these are not Korean names.
        assertThat(found("TALTON, Peda")).doesNotContain("K2");
    }

    @Test
    void shouldKeepWonApartFromUnAndWooWithU() {
        assertThat(ScriptKeys.korean("won")).isEqualTo(ScriptKeys.korean("weon")).isNotEqualTo(ScriptKeys.korean("un"));
        assertThat(ScriptKeys.korean("woo")).isEqualTo(ScriptKeys.korean("u"));
    }
}
