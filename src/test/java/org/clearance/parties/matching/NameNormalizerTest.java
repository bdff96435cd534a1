package org.clearance.parties.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    private final NameNormalizer normalizer = new NameNormalizer();

    @Test
    void shouldTransliterateCyrillicWithBgnRomanisation() {
        assertThat(normalizer.tokens("ООО «Технопром»")).containsExactly("tekhnoprom");
        assertThat(normalizer.tokens("Общество с ограниченной ответственностью Технопром")).containsExactly("tekhnoprom");
    }

    @Test
    void shouldDropLegalFormsCaseDiacriticsAndPunctuation() {
        assertThat(normalizer.tokens("Kaan Elektronik A.Ş.")).containsExactly("kaan", "elektronik");
        assertThat(normalizer.tokens("AIRCRAFT, AVIONICS, PARTS & SUPPORT LTD.")).containsExactly("aircraft", "avionics", "parts", "support");
        assertThat(normalizer.tokens("Crescent Avionics FZ-LLC")).containsExactly("crescent", "avionics");
        assertThat(normalizer.tokens("SUEX OTC, S.R.O.")).containsExactly("suex", "otc");
        assertThat(normalizer.tokens("Fathi Mohammed QAR'AWI")).containsExactly("fathi", "mohammed", "qarawi");
        assertThat(normalizer.tokens("Müller Präzisionstechnik GmbH")).containsExactly("muller", "prazisionstechnik");
    }

    @Test
    void shouldKeepLegalFormWhenItIsTheWholeName() {
        assertThat(normalizer.tokens("LLC")).containsExactly("llc");
    }

    @Test
    void shouldFoldRussianRomanisationVariantsTogether() {
        RomanizationFolder folder = new RomanizationFolder();
        assertThat(folder.fold("tekhnoprom")).isEqualTo(folder.fold("technoprom")).isEqualTo(folder.fold("tehnoprom"));
        assertThat(folder.fold("yuryevich")).isEqualTo(folder.fold("yurievich")).isEqualTo(folder.fold("iurevich"));
        assertThat(folder.fold("dmitriy")).isEqualTo(folder.fold("dmitrii")).isEqualTo(folder.fold("dmitry"));
        assertThat(folder.fold("tsifrovykh")).isEqualTo(folder.fold("cifrovyh"));
        assertThat(folder.fold("shchukin")).isEqualTo(folder.fold("schukin"));
    }
}
