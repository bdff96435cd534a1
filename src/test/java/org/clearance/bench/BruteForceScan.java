package org.clearance.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.clearance.lists.ListEntry;
import org.clearance.parties.matching.PartyMatcher;

/**
 * The baseline the matcher is measured against: Jaro-Winkler (commons-text) of the normalised query against every
 * normalised list name, best name per entry, entries at or above a threshold, best first. Names are normalised once
 * with the matcher's own normaliser, so both sides compare the same text.
 */
final class BruteForceScan {

    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();
    private final PartyMatcher normaliser;
    private final List<ListEntry> entries;
    private final String[] names;
    private final int[] owner;

    /** An entry and its best name's similarity. */
    record Hit(ListEntry entry, double score) {
    }

    BruteForceScan(List<ListEntry> entries, PartyMatcher normaliser) {
        this.normaliser = normaliser;
        this.entries = entries;
        List<String> texts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            for (String name : entries.get(e).allNames()) {
                String normalised = normalise(name);
                if (!normalised.isEmpty()) {
                    texts.add(normalised);
                    owners.add(e);
                }
            }
        }
        names = texts.toArray(String[]::new);
        owner = owners.stream().mapToInt(Integer::intValue).toArray();
    }

    String normalise(String name) {
        return String.join(" ", normaliser.normalise(name));
    }

    int names() {
        return names.length;
    }

    /** Best similarity per entry (index = position in the entry list) — the whole scan, for calibration. */
    double[] entryScores(String query) {
        String q = normalise(query);
        double[] best = new double[entries.size()];
        for (int i = 0; i < names.length; i++) {
            double s = jaroWinkler.apply(q, names[i]);
            if (s > best[owner[i]]) {
                best[owner[i]] = s;
            }
        }
        return best;
    }

    List<ListEntry> entries() {
        return entries;
    }

    /** The entries whose best name scores at least {@code threshold}, best first, at most {@code limit}. */
    List<Hit> match(String query, double threshold, int limit) {
        String q = normalise(query);
        int[] topEntry = new int[limit];
        double[] topScore = new double[limit];
        Arrays.fill(topEntry, -1);
        for (int i = 0; i < names.length; i++) {
            double s = jaroWinkler.apply(q, names[i]);
            if (s < threshold || s <= topScore[limit - 1] && topEntry[limit - 1] >= 0) {
                continue;
            }
            insert(topEntry, topScore, owner[i], s);
        }
        List<Hit> hits = new ArrayList<>(limit);
        for (int k = 0; k < limit && topEntry[k] >= 0; k++) {
            hits.add(new Hit(entries.get(topEntry[k]), topScore[k]));
        }
        return hits;
    }

    private static void insert(int[] topEntry, double[] topScore, int entry, double score) {
        int existing = -1;
        for (int k = 0; k < topEntry.length; k++) {
            if (topEntry[k] == entry) {
                existing = k;
                break;
            }
        }
        if (existing >= 0) {
            if (score <= topScore[existing]) {
                return;
            }
            // remove it, then insert at the new position below
            for (int k = existing; k + 1 < topEntry.length; k++) {
                topEntry[k] = topEntry[k + 1];
                topScore[k] = topScore[k + 1];
            }
            topEntry[topEntry.length - 1] = -1;
            topScore[topEntry.length - 1] = 0;
        }
        int pos = 0;
        while (pos < topEntry.length && topEntry[pos] >= 0 && topScore[pos] >= score) {
            pos++;
        }
        if (pos == topEntry.length) {
            return;
        }
        for (int k = topEntry.length - 1; k > pos; k--) {
            topEntry[k] = topEntry[k - 1];
            topScore[k] = topScore[k - 1];
        }
        topEntry[pos] = entry;
        topScore[pos] = score;
    }
}
