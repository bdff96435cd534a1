package org.clearance.parties.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.clearance.lists.Alias;
import org.clearance.lists.ListEntry;
import org.clearance.testing.BesideTheApplication;
import org.junit.jupiter.api.Test;

/**
 * The gate may only rule out names that {@link PartyMatcher#match} finds nothing for: fixture list names (every fourth
 * entry's primary name and first alias, to keep it quick) and their variants (word order, typos, swapped letters,
 * joined and split words, initials, Cyrillic) are checked against a matcher holding a third of the entries, as
 * re-screening checks open orders' names against the entries a list update added.
 */
@BesideTheApplication
class MatchGateTest {

    private static final Transliterator TO_CYRILLIC = Transliterator.getInstance("Latin-Cyrillic");
    private static final List<String> UNRELATED = List.of("Siemens Healthineers AG", "Global Trading LLC",
            "International Limited", "Blue Ocean Seafood Trading Ltd", "ООО Ромашка", "Kazan Confectionery Factory",
            "Integral Yoga Studio", "Success Bakery FZE", "Hernandez Landscaping LLC", "محمد علي للتجارة", "김정은 무역",
            "Maple Riverside Bakery", "J. Smith", "A B C", "X", "1234 5678");

    @Test
    void shouldRuleOutOnlyNamesThatCannotMatch() throws Exception {
        List<ListEntry> corpus = TestCorpus.entries();
        List<ListEntry> indexed = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i += 3) {
            indexed.add(corpus.get(i));
        }
        PartyMatcher matcher = new PartyMatcher();
        matcher.index(indexed);
        Predicate<String> gate = matcher.gate();

        List<String> queries = new ArrayList<>(UNRELATED);
        Random random = new Random(11);
        for (int i = 0; i < corpus.size(); i += 4) {
            ListEntry entry = corpus.get(i);
            List<String> names = new ArrayList<>(List.of(entry.primaryName()));
            entry.aliases().stream().map(Alias::name).limit(1).forEach(names::add);
            for (String name : names) {
                queries.add(name);
                queries.addAll(variants(name, random));
            }
        }
        int ruledOut = 0;
        int found = 0;
        List<String> lost = new ArrayList<>();
        for (String query : queries) {
            boolean mayMatch = gate.test(query);
            for (String country : new String[] {null, "RU"}) {
                boolean matches = !matcher.match(query, country, 1).isEmpty();
                found += matches ? 1 : 0;
                if (matches && !mayMatch) {
                    lost.add(query + " (" + country + ")");
                }
            }
            ruledOut += mayMatch ? 0 : 1;
        }
        assertThat(lost).as("names the gate ruled out although they match").isEmpty();
        assertThat(found).as("matches among %d queries", queries.size()).isGreaterThan(queries.size() / 4);
        // Real list names share many words (one entity is on several lists), so most pass; that it rules out names
        // of other words is the next test's concern.
        assertThat(ruledOut).as("queries ruled out of %d", queries.size()).isPositive();
    }

    @Test
    void shouldRuleOutNamesOfOtherWordsAndKeepNearSpellings() {
        PartyMatcher matcher = new PartyMatcher();
        matcher.index(List.of(entry("1", "Quazyx Joquiz Trading LLC"), entry("2", "AL QAEDA"),
                entry("3", "ROTENBERG, Arkady Romanovich")));
        Predicate<String> gate = matcher.gate();

        assertThat(gate.test("Badeko Fimura Trading LLC")).as("only generic words in common").isFalse();
        assertThat(gate.test("Bakery")).isFalse();
        assertThat(gate.test("")).isFalse();
        assertThat(gate.test("Quazyx Joquiz Trading")).isTrue();
        assertThat(gate.test("Alqaeda")).as("joined").isTrue();
        assertThat(gate.test("Arkadiy Rothenberg")).as("spelling").isTrue();
        assertThat(gate.test("A. Rotenberg")).as("initial").isTrue();
    }

    private static ListEntry entry(String id, String name) {
        return new ListEntry("test", id, null, name, null, null, null, null, null, null, null);
    }

    /** Word order, a typo, two words joined, the first word split, the first word as an initial, Cyrillic. */
    private static List<String> variants(String name, Random random) {
        List<String> variants = new ArrayList<>();
        String[] words = name.split("\\s+");
        if (words.length > 1) {
            List<String> reversed = new ArrayList<>(List.of(words));
            java.util.Collections.reverse(reversed);
            variants.add(String.join(" ", reversed));
            variants.add(words[0] + words[1] + (words.length > 2 ? " " + String.join(" ", List.of(words).subList(2, words.length)) : ""));
            variants.add(words[0].charAt(0) + ". " + String.join(" ", List.of(words).subList(1, words.length)));
        }
        if (words[0].length() > 5) {
            variants.add(words[0].substring(0, 3) + " " + words[0].substring(3) + name.substring(words[0].length()));
        }
        StringBuilder typo = new StringBuilder(name);
        int at = random.nextInt(typo.length());
        if (Character.isLetter(typo.charAt(at))) {
            typo.setCharAt(at, (char) ('a' + random.nextInt(26)));
        }
        variants.add(typo.toString());
        if (at + 1 < typo.length()) {
            StringBuilder swap = new StringBuilder(name);
            swap.setCharAt(at, name.charAt(at + 1));
            swap.setCharAt(at + 1, name.charAt(at));
            variants.add(swap.toString());
        }
        variants.add(TO_CYRILLIC.transliterate(name));
        return variants;
    }
}
