package org.clearance.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.clearance.lists.EntityType;
import org.clearance.lists.ListEntry;

/**
 * The benchmark's labelled queries. Positives: real list entries (never synthetic ones), each perturbed one way —
 * typo, word order, legal-form change, transliteration (Cyrillic or another romanisation), or word order plus
 * typo. Negatives: unrelated, realistic company names from a word stock that is absent from the corpus, half of
 * them with a city or sector word that listed names use too.
 */
final class LabelledQueries {

    /** One query; {@code expectedKey} is null for a negative. */
    record Query(String name, String expectedKey, String expectedName, String perturbation) {
        boolean positive() {
            return expectedKey != null;
        }
    }

    private static final List<String> NEUTRAL = List.of("Maple", "Riverside", "Sunflower", "Bluebird", "Meadow",
            "Harborview", "Lakeshore", "Willowbrook", "Pinecrest", "Brightwater", "Stonebridge", "Silverleaf",
            "Oakridge", "Evergreen", "Clearwater", "Greenfield", "Foxglove", "Hazelnut", "Juniper", "Lavender",
            "Marigold", "Nightingale", "Orchard", "Primrose", "Quailhill", "Rosewood", "Sandpiper", "Thistle",
            "Tulipan", "Verbena", "Wildflower", "Yarrow", "Zephyrine", "Alderwood", "Birchmount", "Cedarline",
            "Dovetail", "Elmstead", "Fernhill", "Gladstone", "Heatherfield", "Ivybridge", "Kestrel", "Larkspur",
            "Mistletoe", "Northbrook", "Oceanview", "Pebblestone", "Redwing", "Saffronia", "Trelawny", "Upland",
            "Valemont", "Westbury", "Yellowstone", "Zinnia", "Arcadia", "Bellavista", "Castellan", "Delamere",
            "Edelweiss", "Fjordline", "Greystone", "Hollybush", "Innisfree", "Jasmina", "Kingfisher", "Lindqvist",
            "Montclair", "Nordhaven", "Olivetta", "Porthleven", "Rivermead", "Solberg", "Tamarind", "Ulverston",
            "Vantaggio", "Wellspring", "Xantara", "Ysolde", "Zwanenburg", "Amberley", "Bramblewood", "Copperfield");
    private static final List<String> TRADES = List.of("Bakery", "Dental Clinic", "Furniture", "Dairy Products",
            "Textiles", "Bookshop", "Catering", "Garden Centre", "Veterinary Practice", "Printing", "Hotel",
            "Pharmacy", "Toys", "Cosmetics", "Flooring", "Coffee Roasters", "Tiles", "Bicycles", "Optics", "Software",
            "Consulting", "Seafood", "Wine Merchants", "Packaging", "Stationery", "Ceramics", "Footwear", "Travel");
    private static final List<String> WESTERN_GIVEN = List.of("Emma", "Liam", "Sophie", "Lukas", "Chloe", "Mateo",
            "Hannah", "Oskar", "Ingrid", "Pierre", "Giulia", "Anders", "Maja", "Tobias", "Freya", "Henrik");

    private LabelledQueries() {
    }

    static List<Query> build(MatchingCorpus corpus, int positives, int negatives, long seed,
                             java.util.function.Function<String, List<String>> normalise) {
        Random random = new Random(seed);
        List<Query> queries = new ArrayList<>();
        List<ListEntry> real = corpus.realEntries().stream().filter(e -> e.primaryName().length() >= 8).toList();
        String[] kinds = {"typo", "word order", "legal form", "transliteration", "order+typo"};
        int made = 0;
        while (made < positives) {
            ListEntry entry = real.get(random.nextInt(real.size()));
            String name = entry.primaryName();
            String kind = kinds[made % kinds.length];
            String query = switch (kind) {
                case "typo" -> Perturbations.typo(name, random);
                case "word order" -> Perturbations.reversed(name);
                case "legal form" -> entry.type() == EntityType.PERSON ? Perturbations.reversed(name)
                        : Perturbations.otherLegalForm(name, random);
                case "transliteration" -> random.nextBoolean() ? Perturbations.cyrillic(name)
                        : Perturbations.romanisationVariant(name);
                default -> Perturbations.typo(Perturbations.reversed(name), random);
            };
            queries.add(new Query(query, entry.key(), name, kind));
            made++;
        }
        Set<String> corpusTokens = corpus.entries().stream().flatMap(e -> e.allNames().stream())
                .flatMap(n -> normalise.apply(n).stream()).collect(Collectors.toSet());
        List<String> neutral = NEUTRAL.stream()
                .filter(w -> corpusTokens.stream().noneMatch(t -> t.equals(w.toLowerCase(Locale.ROOT)))).toList();
        for (int i = 0; i < negatives; i++) {
            String name = switch (i % 4) {
                case 0 -> MatchingCorpus.pick(neutral, random) + " " + MatchingCorpus.pick(TRADES, random) + " "
                        + MatchingCorpus.pick(MatchingCorpus.LEGAL_FORMS, random);
                case 1 -> MatchingCorpus.pick(neutral, random) + " " + MatchingCorpus.pick(neutral, random) + " "
                        + MatchingCorpus.pick(TRADES, random);
                case 2 -> MatchingCorpus.pick(MatchingCorpus.CITIES, random) + " " + MatchingCorpus.pick(neutral, random)
                        + " " + MatchingCorpus.pick(MatchingCorpus.SECTORS, random) + " "
                        + MatchingCorpus.pick(MatchingCorpus.LEGAL_FORMS, random);
                default -> MatchingCorpus.pick(WESTERN_GIVEN, random) + " " + MatchingCorpus.pick(neutral, random);
            };
            queries.add(new Query(name, null, null, "negative"));
        }
        return List.copyOf(queries);
    }
}
