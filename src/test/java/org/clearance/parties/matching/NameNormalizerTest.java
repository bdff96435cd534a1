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

    @Test
    void shouldRomaniseCyrillicByItsLanguage() {
        assertThat(normalizer.tokens("Віктор Федорович Янукович")).containsExactly("viktor", "fedorovych", "yanukovych");
        assertThat(normalizer.tokens("Ўладзімір")).containsExactly("wladzimir");
        assertThat(normalizer.tokens("Аляксандр Лукашэнка")).containsExactly("alyaksandr", "lukashenka");
        assertThat(normalizer.tokens("Виктор Федорович Янукович")).containsExactly("viktor", "fedorovich", "yanukovich");
    }

    @Test
    void shouldSplitHangulAndHanIntoSyllablesAndArabicArticles() {
        assertThat(normalizer.scriptTokens("김정은")).extracting(NameNormalizer.ScriptToken::text)
                .containsExactly("gim", "jeong", "eun");
        assertThat(normalizer.scriptTokens("김정은")).extracting(NameNormalizer.ScriptToken::script)
                .containsOnly(NameScript.HANGUL);
        assertThat(normalizer.tokens("习近平")).containsExactly("xi", "jin", "ping");
        assertThat(normalizer.tokens("بشار الأسد")).containsExactly("bshar", "al", "asd");
        assertThat(normalizer.tokens("やまだ たろう")).containsExactly("yamada", "taro");
    }

    @Test
    void shouldRemoveDottedAndMultiWordLegalFormsButKeepInitialsInsideAName() {
        assertThat(normalizer.tokens("Milenium Logistik g.m.b.h")).containsExactly("milenium", "logistik");
        assertThat(normalizer.tokens("Grupo Petrolero Sur S.A. de C.V.")).containsExactly("grupo", "petrolero", "sur");
        assertThat(normalizer.tokens("Polimex Sp. z o.o.")).containsExactly("polimex");
        assertThat(normalizer.tokens("Tekhnologiya Obshchestvo s Ogranichennoi Otvetstvenostyu"))
                .containsExactly("tekhnologiya");
        assertThat(normalizer.tokens("Museum A. S. Pushkin")).containsExactly("museum", "a", "s", "pushkin");
    }

    @Test
    void shouldRemoveShortLegalFormsAtTheEdgeOfAPartInBracketsOrQuotes() {
        assertThat(normalizer.tokens("Акционерное Общество «Туполев» (АО «Туполев»)")).containsExactly("tupolev");
        assertThat(normalizer.tokens("Акционерноe Обществo «Кронштадт» (AО «Кронштадт»)")).containsExactly("kronshtadt");
        assertThat(normalizer.tokens("Объединенная Судостроительная")).containsExactly("obyedinennaya", "sudostroitelnaya");
        assertThat(normalizer.tokens("Museum A. S. Pushkin (Moscow)")).containsExactly("museum", "a", "s", "pushkin",
                "moscow");
    }
}
