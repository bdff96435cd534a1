package org.clearance.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.clearance.lists.Alias;
import org.clearance.lists.EntityType;
import org.clearance.lists.ListEntry;
import org.clearance.lists.csl.CslCsvReader;
import org.clearance.lists.dpl.DplReader;
import org.clearance.lists.jp.MetiNoticeReader;
import org.clearance.lists.ofac.OfacCsvReader;
import org.clearance.lists.ofac.OfacFileSet;

/**
 * The benchmark's list corpus: every entry of the real sample lists (OFAC SDN snapshot, OFAC non-SDN consolidated,
 * BIS DPL, CSL older format, the three METI notices) read with the project's readers, expanded with synthetic
 * entries until the corpus holds at least {@code targetNames} names (primary + aliases, what the matcher indexes).
 * Synthetic entries are built from the real names' own tokens — recombined distinctive words, other legal forms,
 * city and sector words, recombined person names — and carry romanised or Cyrillic variants as aliases, so their
 * token statistics look like real lists. Deterministic for a given seed.
 */
final class MatchingCorpus {

    /** Where the sample lists live; env {@code CLEARANCE_BENCH_LISTS}, default the shared reference folder. */
    static Path listsDir() {
        String dir = System.getenv("CLEARANCE_BENCH_LISTS");
        return Path.of(dir == null || dir.isBlank() ? "../shared/reference/lists" : dir);
    }

    static final String SYNTHETIC = "BENCH-SYNTHETIC";

    static final List<String> LEGAL_FORMS = List.of("LLC", "OOO", "JSC", "PJSC", "CJSC", "AO", "Ltd", "Ltd.", "Limited",
            "Co., Ltd.", "GmbH", "FZE", "FZCO", "FZ-LLC", "S.A.", "A.Ş.", "Inc.", "Corp.", "Corporation", "S.R.L.",
            "B.V.", "Pte Ltd", "Sdn Bhd", "Joint Stock Company", "Limited Liability Company", "ООО", "АО");
    static final List<String> SECTORS = List.of("Trading", "Industries", "Engineering", "Logistics", "Shipping",
            "Electronics", "Technology", "Import Export", "Holding", "Group", "Machinery", "Aviation", "Systems",
            "Components", "Chemical", "Petroleum", "Marine", "Instruments", "Energy", "Investment", "Development",
            "Construction", "Metals", "Supply", "Solutions", "Automation", "Research Institute", "Plant", "Factory");
    static final List<String> CITIES = List.of("Moscow", "Saint Petersburg", "Novosibirsk", "Yekaterinburg", "Kazan",
            "Minsk", "Tehran", "Dubai", "Sharjah", "Istanbul", "Shenzhen", "Hong Kong", "Guangzhou", "Almaty",
            "Tashkent", "Yerevan", "Tbilisi", "Bishkek", "Damascus", "Pyongyang", "Caracas", "Havana", "Beirut",
            "Karachi", "Mumbai", "Kuala Lumpur", "Singapore", "Tianjin", "Chelyabinsk", "Samara", "Tula", "Perm");

    private final List<ListEntry> real;
    private final List<ListEntry> all;
    private final int names;

    private MatchingCorpus(List<ListEntry> real, List<ListEntry> all) {
        this.real = real;
        this.all = all;
        this.names = all.stream().mapToInt(e -> 1 + e.aliases().size()).sum();
    }

    static MatchingCorpus load(Path dir, int targetNames, long seed, Function<String, List<String>> normalise)
            throws IOException {
        List<ListEntry> real = new ArrayList<>();
        real.addAll(new OfacCsvReader(OfacFileSet.SDN).read(dir.resolve("ofac_sdn_csv_snapshot")).entries());
        real.addAll(new OfacCsvReader(OfacFileSet.CONSOLIDATED).read(dir.resolve("ofac_consolidated_nonsdn_csv")).entries());
        real.addAll(new DplReader().read(dir.resolve("bis_dpl/dpl.txt")).entries());
        real.addAll(new CslCsvReader().read(dir.resolve("us_csl/csl_sample_older_format.csv")).entries());
        for (String meti : List.of("250912_list_daisangoku_tokutei.pdf.txt", "250912_list_russia_tokutei.pdf.txt",
                "list_belarus_tokutei.pdf.txt")) {
            real.addAll(new MetiNoticeReader().read(dir.resolve("jp_meti_russia").resolve(meti)).entries());
        }
        return new MatchingCorpus(List.copyOf(real), expand(real, targetNames, new Random(seed), normalise));
    }

    /**
     * The corpus without the sample lists: {@code seeds} entries with invented names (syllables, sector words) stand
     * in for the real ones and are expanded the same way, so every entry is synthetic. Deterministic for a given seed.
     */
    static MatchingCorpus synthetic(int targetNames, long seed, Function<String, List<String>> normalise) {
        Random random = new Random(seed);
        List<ListEntry> seeds = new ArrayList<>();
        for (int i = 0; i < SYNTHETIC_SEEDS; i++) {
            boolean person = i % 3 == 2;
            String name = person ? inventedWord(random) + ", " + inventedWord(random)
                    : inventedWord(random) + " " + inventedWord(random) + " " + pick(SECTORS, random);
            seeds.add(ListEntry.builder(SYNTHETIC, "SEED" + i).type(person ? EntityType.PERSON : EntityType.ENTITY)
                    .primaryName(name).country(pick(List.of("RU", "BY", "IR", "AE", "CN", "TR"), random)).build());
        }
        return new MatchingCorpus(List.of(), expand(seeds, targetNames, random, normalise));
    }

    /** How many invented entries seed {@link #synthetic}: enough words that recombined names rarely repeat. */
    private static final int SYNTHETIC_SEEDS = 600;
    private static final List<String> SYLLABLES = List.of("ka", "ro", "vin", "tel", "mar", "zo", "lek", "sa", "dor",
            "nu", "bel", "tra", "gor", "mi", "sto", "ven", "ul", "pra", "des", "ko", "lin", "fer", "an", "yu", "shav");

    private static String inventedWord(Random random) {
        StringBuilder word = new StringBuilder();
        for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
            word.append(pick(SYLLABLES, random));
        }
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    List<ListEntry> realEntries() {
        return real;
    }

    List<ListEntry> entries() {
        return all;
    }

    int names() {
        return names;
    }

    private static List<ListEntry> expand(List<ListEntry> real, int targetNames, Random random,
                                          Function<String, List<String>> normalise) {
        // A synthetic name that normalises to a real one would make a correct hit look like a false positive.
        Set<String> realKeys = new HashSet<>();
        real.forEach(e -> e.allNames().forEach(n -> realKeys.add(key(n, normalise))));
        List<String> companyWords = new ArrayList<>();
        List<List<String>> companyNames = new ArrayList<>();
        List<String> surnames = new ArrayList<>();
        List<String> givenNames = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (ListEntry entry : real) {
            boolean person = entry.type() == EntityType.PERSON;
            for (String name : entry.allNames()) {
                if (!isLatin(name)) {
                    continue;
                }
                if (person && name.contains(",")) {
                    addAll(surnames, words(name.substring(0, name.indexOf(','))), seen, "s:");
                    addAll(givenNames, words(name.substring(name.indexOf(',') + 1)), seen, "g:");
                } else if (!person) {
                    List<String> w = words(name).stream().filter(t -> t.length() >= 4 && !isLegalForm(t)).toList();
                    if (!w.isEmpty()) {
                        companyNames.add(w);
                        addAll(companyWords, w, seen, "c:");
                    }
                }
            }
        }
        List<ListEntry> all = new ArrayList<>(real);
        int count = real.stream().mapToInt(e -> 1 + e.aliases().size()).sum();
        int n = 0;
        while (count < targetNames) {
            ListEntry.Builder b = ListEntry.builder(SYNTHETIC, "S" + n);
            String primary;
            switch (n % 4) {
                case 0 -> { // a real company's words, one distinctive word swapped, another legal form
                    List<String> base = new ArrayList<>(pick(companyNames, random));
                    base.set(random.nextInt(base.size()), pick(companyWords, random));
                    primary = String.join(" ", base) + " " + pick(LEGAL_FORMS, random);
                    b.type(EntityType.ENTITY);
                }
                case 1 -> { // city + distinctive word + sector + legal form
                    primary = (random.nextBoolean() ? pick(CITIES, random) + " " : "") + pick(companyWords, random) + " "
                            + pick(SECTORS, random) + " " + pick(LEGAL_FORMS, random);
                    b.type(EntityType.ENTITY);
                }
                case 2 -> { // two distinctive words recombined, the way holding/subsidiary names are built
                    primary = pick(companyWords, random) + "-" + pick(companyWords, random) + " "
                            + pick(SECTORS, random) + " " + pick(LEGAL_FORMS, random);
                    b.type(EntityType.ENTITY);
                }
                default -> { // person: surname, given name(s)
                    primary = pick(surnames, random) + ", " + pick(givenNames, random)
                            + (random.nextBoolean() ? " " + pick(givenNames, random) : "");
                    b.type(EntityType.PERSON);
                }
            }
            if (realKeys.contains(key(primary, normalise))) {
                continue;
            }
            b.primaryName(primary).country(pick(List.of("RU", "BY", "IR", "AE", "CN", "TR", "KP", "SY", "HK"), random));
            count++;
            int aliases = random.nextInt(3); // 0..2, real lists average ~1 alias per entry
            for (int a = 0; a < aliases && count < targetNames; a++) {
                String alias = a == 0 ? Perturbations.romanisationVariant(primary) : Perturbations.cyrillic(primary);
                if (!alias.equalsIgnoreCase(primary)) {
                    b.alias(Alias.strong(alias));
                    count++;
                }
            }
            all.add(b.build());
            n++;
        }
        return List.copyOf(all);
    }

    private static String key(String name, Function<String, List<String>> normalise) {
        return new TreeSet<>(normalise.apply(name)).toString();
    }

    static boolean isLegalForm(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace(".", "");
        return LEGAL_FORMS.stream().anyMatch(f -> f.toLowerCase(Locale.ROOT).replace(".", "").equals(w))
                || Set.of("company", "co", "ltd", "llc", "inc", "corp", "sa", "limited", "ojsc", "oao",
                "zao", "pao", "ooo", "jsc", "cjsc", "pjsc", "ao", "tov", "too", "fzc", "plc").contains(w);
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.replaceAll("[,;()\"]", " ").strip().split("\\s+")) {
            if (!w.isBlank()) {
                words.add(w);
            }
        }
        return words;
    }

    private static boolean isLatin(String name) {
        return name.codePoints().allMatch(c -> c < 0x250);
    }

    private static void addAll(List<String> target, List<String> words, Set<String> seen, String prefix) {
        for (String w : words) {
            if (w.length() >= 3 && seen.add(prefix + w.toUpperCase(Locale.ROOT))) {
                target.add(w);
            }
        }
    }

    static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
