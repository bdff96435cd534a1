package org.clearance.parties.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.clearance.lists.Alias;
import org.clearance.lists.ListEntry;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall on a labelled set: positives are real list entries perturbed systematically (word
 * order, legal form, typo, Cyrillic spelling, alias, romanisation variant — one kind per seed, in rotation),
 * negatives are unrelated real-world-style company names, several sharing one word with a listed name.
 */
class PartyMatcherEvaluationTest {

    /** Seeds: primary names of fixture entries (OFAC, CSL, DPL, METI, EU Annex IV sample, custom list). */
    private static final List<String> SEEDS = List.of(
            "IRAN AIRCRAFT MANUFACTURING INDUSTRIAL COMPANY", "GADDAFI INTERNATIONAL CHARITY AND DEVELOPMENT FOUNDATION",
            "AIRCRAFT, AVIONICS, PARTS & SUPPORT LTD.", "TNK TRADING INTERNATIONAL S.A.", "LIFSHITS, Artem Mikhaylovich",
            "SUEX OTC, S.R.O.", "BEL-KAP-STEEL LLC", "KHOROSHEV, Dmitry Yuryevich",
            "AUTONOMOUS NON-PROFIT ORGANIZATION DIALOG REGIONS", "GAZPROMBANK JOINT STOCK COMPANY",
            "JOINT STOCK COMPANY RUSSIAN AGRICULTURAL BANK", "LOGAN MOREY, Elvis Angus", "Atlas Sanatgaran",
            "Academy of Aerospace Solid Propulsion Technology (AASPT)", "ROSNEFT TRADE LIMITED", "Evren KAYAKIRAN",
            "SME BANK", "JSC Integral", "Beltechexport CJSC", "Admiralty Shipyard JSC", "Argut OOO", "Irkut Corporation",
            "Kazan Helicopter Plant PJSC", "Success Aviation Services FZC", "Alfa Beta Creative LLC",
            "GFK Logistic Asia LLC", "Guangzhou Ausay Technology Co. Limited", "Si2 Microsystems Private Limited",
            "Laserchips FZCO", "NPO Splav JSC", "Oboronprom OJSC", "JSC Sirius", "OJSC Stankoinstrument",
            "JSC Kalashnikov", "OAO JSC Chemcomposite", "ADRIAN MANUEL HERNANDEZ", "Crescent Avionics FZE",
            "Technoprom Export LLC", "Agat-System", "ATE-Engineering LLC", "PJSC Beriev Aircraft Company",
            "Federal Research Center Boreskov Institute of Catalysis", "Moscow Institute of Physics and Technology",
            "Mohammed ABU JHEISHEH", "Communication center of the Ministry of Defence");

    private static final List<String> NEGATIVES = List.of(
            "Siemens Healthineers AG", "Bosch Rexroth GmbH", "Toyota Tsusho Corporation", "Maersk Line A/S",
            "Global Trading LLC", "International Limited", "Schneider Electric SE", "Atlas Copco AB",
            "Tata Consultancy Services Limited", "Hyundai Heavy Industries Co., Ltd.", "Petrobras Distribuidora S.A.",
            "Nordic Semiconductor ASA", "Infineon Technologies AG", "Emirates Logistics LLC",
            "Alpine Dairy Products GmbH", "Blue Ocean Seafood Trading Ltd", "Sunrise Textile Mills Pvt Ltd",
            "Golden Harvest Agro Industries", "Pacific Rim Electronics Inc", "Northern Lights Software Oy",
            "Istanbul Marble Export A.Ş.", "Shenzhen Bright Lighting Co., Ltd.", "Kazan Confectionery Factory",
            "Integral Yoga Studio", "Sirius XM Holdings Inc.", "Progress Software Corporation", "Atlas Air Worldwide",
            "Success Bakery FZE", "Aircraft Interiors Recycling Ltd", "Hernandez Landscaping LLC",
            "Bank of Valletta p.l.c.", "Crescent Dental Clinic", "ООО Ромашка", "Дальневосточная рыбная компания",
            "Almaty Fruit Export TOO", "Dialog Semiconductor plc");

    private static final Transliterator TO_CYRILLIC = Transliterator.getInstance("Latin-Cyrillic");

    private record Case(String query, String expectedKey, String perturbation) {
    }

    @Test
    void shouldReachMinimumPrecisionAndRecallOnLabelledSet() throws Exception {
        List<ListEntry> corpus = TestCorpus.entries();
        PartyMatcher matcher = new PartyMatcher();
        matcher.index(corpus);
        List<Case> positives = positives(corpus);

        int truePositives = 0;
        int falsePositives = 0;
        List<String> misses = new ArrayList<>();
        for (Case c : positives) {
            List<Match> matches = matcher.match(c.query(), null, 3);
            boolean found = matches.stream().anyMatch(m -> m.entry().key().equals(c.expectedKey())
                    || sameName(m.entry(), c.expectedKey(), corpus));
            if (found) {
                truePositives++;
            } else {
                misses.add(c.perturbation() + ": " + c.query() + " -> " + matches.stream().map(m -> m.entry().primaryName() + " " + m.score()).toList());
                falsePositives += matches.isEmpty() ? 0 : 1;
            }
        }
        List<String> falseAlarms = new ArrayList<>();
        for (String negative : NEGATIVES) {
            List<Match> matches = matcher.match(negative, null, 3);
            if (!matches.isEmpty()) {
                falsePositives++;
                falseAlarms.add(negative + " -> " + matches.get(0).entry().primaryName() + " " + matches.get(0).score());
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) positives.size();
        System.out.printf(Locale.ROOT, "labelled queries: %d positives, %d negatives; precision %.3f, recall %.3f "
                        + "(threshold %.2f)%n  misses: %s%n  false alarms: %s%n", positives.size(), NEGATIVES.size(),
                precision, recall, matcher.settings().threshold(), misses, falseAlarms);

        assertThat(positives.size() + NEGATIVES.size()).isGreaterThanOrEqualTo(60);
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).isGreaterThanOrEqualTo(0.85);
    }

    /** The METI lists repeat a name under two numbers (one per address); either entry is a correct hit. */
    private static boolean sameName(ListEntry hit, String expectedKey, List<ListEntry> corpus) {
        return corpus.stream().filter(e -> e.key().equals(expectedKey))
                .anyMatch(e -> e.primaryName().equalsIgnoreCase(hit.primaryName()));
    }

    private static List<Case> positives(List<ListEntry> corpus) {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < SEEDS.size(); i++) {
            String seed = SEEDS.get(i);
            ListEntry entry = corpus.stream().filter(e -> e.primaryName().equals(seed))
                    .min(Comparator.comparing(ListEntry::key))
                    .orElseThrow(() -> new AssertionError("seed not in corpus: " + seed));
            String name = entry.primaryName();
            switch (i % 6) {
                case 0 -> cases.add(new Case(reversed(name), entry.key(), "word order"));
                case 1 -> cases.add(new Case(otherLegalForm(name), entry.key(), "legal form"));
                case 2 -> cases.add(new Case(typo(name), entry.key(), "typo"));
                case 3 -> cases.add(new Case(cyrillic(entry), entry.key(), "cyrillic"));
                case 4 -> cases.add(new Case(entry.aliases().stream().filter(a -> !a.weak()).map(Alias::name)
                        .findFirst().orElse(name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} ]", "")),
                        entry.key(), "alias"));
                default -> cases.add(new Case(romanisationVariant(name), entry.key(), "romanisation"));
            }
            // A second, independent perturbation for every seed doubles the set: typo in reversed order.
            cases.add(new Case(typo(reversed(name)), entry.key(), "order+typo"));
        }
        return cases;
    }

    /**
     * How a Russian speaker would write the name: the entry's own Cyrillic alias if it has one, else the name
     * with legal forms in Russian and Russian-style letter mapping (kh→х, sh→ш, ya→я …) before ICU.
     */
    private static String cyrillic(ListEntry entry) {
        for (Alias alias : entry.aliases()) {
            if (alias.name().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
                return alias.name();
            }
        }
        String name = entry.primaryName().replaceAll("(?i)\\bJoint Stock Company\\b|\\b(O|P|C)?JSC\\b", "АО")
                .replaceAll("(?i)\\bLLC\\b", "ООО").replaceAll("(?i)\\bCorporation\\b", "Корпорация")
                .replaceAll("(?i)\\bEngineering\\b", "Инжиниринг").toLowerCase(Locale.ROOT);
        String[][] letters = {{"shch", "щ"}, {"kh", "х"}, {"ch", "ч"}, {"sh", "ш"}, {"zh", "ж"}, {"ts", "ц"},
            {"ya", "я"}, {"yu", "ю"}, {"ye", "е"}, {"j", "дж"}, {"c", "к"}, {"w", "в"}, {"x", "кс"}, {"y", "й"}};
        for (String[] pair : letters) {
            name = name.replace(pair[0], pair[1]);
        }
        return TO_CYRILLIC.transliterate(name);
    }

    private static String reversed(String name) {
        List<String> tokens = new ArrayList<>(List.of(name.replace(",", " ").trim().split("\\s+")));
        java.util.Collections.reverse(tokens);
        return String.join(" ", tokens);
    }

    private static String otherLegalForm(String name) {
        String swapped = name.replaceAll("(?i)\\b(LLC|JSC|OJSC|PJSC|CJSC|OOO|FZCO|FZC|FZE|LTD\\.?|LIMITED|S\\.A\\.|S\\.R\\.O\\.|"
                + "CORPORATION|COMPANY|JOINT STOCK COMPANY)$", "OOO");
        return swapped.equals(name) ? name + " GmbH" : swapped;
    }

    /** Swaps two adjacent letters in the middle of the longest token (a transposition typo). */
    private static String typo(String name) {
        String[] tokens = name.split(" ");
        int longest = 0;
        for (int i = 1; i < tokens.length; i++) {
            if (tokens[i].length() > tokens[longest].length()) {
                longest = i;
            }
        }
        String t = tokens[longest];
        if (t.length() >= 6) {
            int m = t.length() / 2;
            tokens[longest] = t.substring(0, m) + t.charAt(m + 1) + t.charAt(m) + t.substring(m + 2);
        }
        return String.join(" ", tokens);
    }

    private static String romanisationVariant(String name) {
        return name.replaceAll("(?i)kh", "h").replaceAll("(?i)ts", "tz").replaceAll("(?i)y\\b", "i")
                .replaceAll("(?i)ya", "ia").replaceAll("(?i)yu", "iu").replaceAll("(?i)k", "c");
    }
}
