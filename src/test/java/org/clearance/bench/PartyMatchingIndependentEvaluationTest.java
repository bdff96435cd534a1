package org.clearance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.clearance.lists.ListEntry;
import org.clearance.parties.matching.CountryAgreement;
import org.clearance.parties.matching.Match;
import org.clearance.parties.matching.MatchSettings;
import org.clearance.parties.matching.PartyMatcher;
import org.clearance.parties.matching.TestCorpus;
import org.clearance.parties.matching.TokenMatch;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The independent evaluation set on the list fixtures (every fixture list read by the real readers, plus the
 * hand-checked targets): the examples of each kind of variation are found the way screening asks (party country,
 * limit 5), near names of different people are not, and the hand-checked set as a whole stays above its floor.
 */
@BesideTheApplication
class PartyMatchingIndependentEvaluationTest {

    private static PartyMatcher matcher;
    private static PartyMatchingIndependentSet.Loaded set;

    @BeforeAll
    static void index() throws IOException {
        set = PartyMatchingIndependentSet.build(TestCorpus.entries());
        matcher = new PartyMatcher(MatchSettings.defaults());
        matcher.index(set.index());
    }

    @ParameterizedTest(name = "{0} finds {2}")
    @CsvSource(delimiter = '|', textBlock = """
            nicolas maduro                        | VE | MADURO MOROS, Nicolas
            alexander zakharov                    | RU | ZAKHAROV, Aleksandr Vyacheslavovich
            Boris Johnson                         | GB | Alexander Boris de Pfeffel JOHNSON
            Vladimir Vladimirovich Putin          | RU | PUTIN, Vladimir
            Pavel Nikolaevich Lebedev             | UA | LEBEDEV, Pavlo Mykolayovych
            Sergejs Lavrovs                       |    | LAVROV, Sergey Viktorovich
            Wladimir Putin                        | RU | PUTIN, Vladimir Vladimirovich
            ALQAEDA                               |    | AL QAEDA
            Rosoboron Export                      | RU | ROSOBORONEXPORT
            V. V. Putin                           | RU | PUTIN, Vladimir Vladimirovich
            Kadyrov R.A.                          | RU | KADYROV, Ramzan Akhmatovich
            Ted Kaczynski                         | US | KACZYNSKI, Theodore John
            Misha Fridman                         | RU | FRIDMAN, Mikhail Maratovich
            بشار الأسد                            | SY | AL-ASSAD, Bashar
            حزب الله                              | LB | HIZBALLAH
            בנימין נתניהו                         | IL | NETANYAHU, Benjamin
            김정은                                | KP | KIM JONG UN
            최룡해                                | KP | CHOE RYONG HAE
            やまだ たろう                          | JP | YAMADA, Taro
            习近平                                | CN | XI JINPING
            Αλέξης Τσίπρας                        | GR | TSIPRAS, Alexis
            Віктор Федорович Янукович             | UA | YANUKOVYCH, Viktor Fedorovych
            Аляксандр Лукашэнка                   | BY | LUKASHENKO, Alexander Grigoryevich
            Technopromexport Aktiengesellschaft   | DE | TECHNOPROMEXPORT AG
            Grupo Petrolero Sur S.A. de C.V.      | MX | GRUPO PETROLERO SUR SA DE CV
            Milenium Logistik g.m.b.h             | AT | MILENIUM LOGISTIK GMBH
            Obshchestvo s Ogranichennoy Otvetstvennostyu Tekhnopromstroy | RU | TEKHNOPROMSTROY OOO
            Yildiz Makina Ltd. Şti.               | TR | YILDIZ MAKINA LIMITED SIRKETI
            Hanwa Kabushiki Kaisha                | JP | HANWA K.K.
            Arkady Rothenberg                     | RU | ROTENBERG, Arkady Romanovich
            """)
    void shouldFindEveryKindOfVariation(String query, String country, String target) {
        List<Match> matches = matcher.match(query, country, PartyMatchingIndependentEvaluation.LIMIT);

        assertThat(matches).extracting(m -> m.entry().primaryName()).contains(target);
    }

    @ParameterizedTest(name = "{0} is not {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Olga Deripaska        | RU | DERIPASKA, Oleg Vladimirovich
            Oleg                  | RU | OLGA
            Alexandra Zakharova   | RU | ZAKHAROV, Aleksandr Vyacheslavovich
            Alexandra Smirnova    | RU | SMIRNOV, Alexander
            Bushra Assad          | SY | AL-ASSAD, Bashar
            Bushra Hassan         | SY | HASSAN, Bashar
            Samira Haddad         | LB | HADDAD, Samir
            Kim Jong Chol         | KP | KIM JONG UN
            Igor Rotenberg        | RU | ROTENBERG, Arkady Romanovich
            """)
    void shouldNotReportNearNamesOfOtherPeople(String query, String country, String target) {
        List<Match> matches = matcher.match(query, country, PartyMatchingIndependentEvaluation.LIMIT);

        assertThat(matches).extracting(m -> m.entry().primaryName()).doesNotContain(target);
    }

    @Test
    void shouldFindAMisspeltNameAmongCandidatesWhenItsSpellingBelongsToAnotherListedName() {
        // "Rothenberg" is listed itself (a distractor), so its trigrams are searched because it is rare, not absent.
        List<ListEntry> candidates = matcher.candidates("Arkady Rothenberg");

        assertThat(candidates).extracting(ListEntry::primaryName).contains("ROTENBERG, Arkady Romanovich",
                "ROTHENBERG, Hans Peter");
    }

    @Test
    void shouldSayWhenHanCharactersWereRomanisedAsPinyin() {
        Match match = matcher.match("习近平", "CN", 5).get(0);

        assertThat(match.notes()).anySatisfy(note -> assertThat(note).contains("Mandarin pinyin"));
        assertThat(match.explanation()).extracting(TokenMatch::describe).contains("jin ~ jinping (joined)");
    }

    @Test
    void shouldLiftTheScoreWhenTheCountryAgreesAndSaySo() {
        Match withCountry = matcher.match("Sergei Lavrov", "RU", 5).stream()
                .filter(m -> m.countryAgreement() == CountryAgreement.AGREES).findFirst().orElseThrow();
        Match without = matcher.match("Sergei Lavrov", null, 5).stream()
                .filter(m -> m.entry().equals(withCountry.entry())).findFirst().orElseThrow();

        assertThat(withCountry.score()).isGreaterThan(without.score());
        assertThat(withCountry.notes()).anySatisfy(note -> assertThat(note).startsWith("country agrees"));
        assertThat(without.notes()).isEmpty();
    }

    @Test
    void shouldKeepTheHandCheckedSetAboveItsFloor() {
        List<PartyMatchingIndependentSet.Case> hand = set.cases().stream()
                .filter(c -> c.origin().equals(PartyMatchingIndependentSet.HAND_SOURCE)).toList();

        PartyMatchingIndependentEvaluation.Report report = PartyMatchingIndependentEvaluation.run(matcher, hand);

        assertThat(hand).hasSizeGreaterThan(190);
        assertThat(report.total().recall()).isGreaterThanOrEqualTo(0.95);
        assertThat(report.total().precision()).isGreaterThanOrEqualTo(0.97);
        assertThat(report.byCategory().get("hard-negatives").falsePositives).isZero();
    }
}
