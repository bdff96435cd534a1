package org.clearance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.clearance.lists.EntryCodec;
import org.clearance.lists.ListEntry;
import org.clearance.parties.FixtureLists;
import org.clearance.parties.ListedEntry;
import org.clearance.parties.ListedPartyFinder;
import org.clearance.parties.matching.MatchSettings;
import org.clearance.parties.matching.PartyMatcher;
import org.clearance.screening.PartyMatchSource;

/**
 * The lists the screening benchmark matches every party against: the party matching benchmark's name corpus
 * ({@link MatchingCorpus}: the sample lists plus synthetic names) and the pack's fixture lists, so that the rule cases'
 * listed parties still match while each lookup also searches an index of production size. Each is searched by the
 * finder screening uses ({@link ListedPartyFinder}, with the fixture lists' strong score and five matches a party);
 * they are two matchers, not one, for the reason {@link BothLists} gives.
 */
final class BenchLists {

    private static final long SEED = 7;

    /** {@code sampleLists}: false when the sample lists were missing and the corpus is synthetic names only. */
    record Built(PartyMatchSource finder, int corpusNames, boolean sampleLists, long buildMillis) {

        String describe() {
            if (corpusNames == 0) {
                return "the fixture lists only (names=0)";
            }
            return String.format("%d corpus names (%s) + the fixture lists, indexed in %d ms", corpusNames,
                    sampleLists ? "sample lists + synthetic" : "synthetic only: sample lists not found", buildMillis);
        }
    }

    private BenchLists() {
    }

    /**
     * {@code names} corpus names beside the fixture lists in {@code fixtureFolder}; the sample lists are read from
     * {@code sampleLists} when given and present, else the corpus is synthetic. With no names, the fixture lists alone.
     */
    static Built build(Path fixtureFolder, int names, Optional<Path> sampleLists) {
        if (names == 0) { // the rules with the fixture lists only: what matching 100,000 names adds is the difference
            return new Built(FixtureLists.finder(fixtureFolder), 0, false, 0);
        }
        PartyMatcher matcher = new PartyMatcher(MatchSettings.defaults());
        boolean sample = sampleLists.filter(Files::isDirectory).isPresent();
        MatchingCorpus corpus;
        try {
            corpus = sample ? MatchingCorpus.load(sampleLists.get(), names, SEED, matcher::normalise)
                    : MatchingCorpus.synthetic(names, SEED, matcher::normalise);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<ListEntry, ListedEntry> listed = new IdentityHashMap<>();
        for (ListEntry entry : corpus.entries()) {
            listed.put(entry, new ListedEntry(entry, entry.source(), "bench corpus", EntryCodec.contentHash(entry)));
        }
        long start = System.nanoTime();
        matcher.index(corpus.entries());
        long millis = (System.nanoTime() - start) / 1_000_000;
        PartyMatchSource finder = new BothLists(FixtureLists.finder(fixtureFolder), new ListedPartyFinder(matcher,
                listed, ListedPartyFinder.DismissalCheck.NONE, FixtureLists.STRONG_SCORE, 5));
        return new Built(finder, corpus.names(), sample, millis);
    }
}
