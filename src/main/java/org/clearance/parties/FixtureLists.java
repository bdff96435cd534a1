package org.clearance.parties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.clearance.facts.Order;
import org.clearance.facts.PartyMatch;
import org.clearance.lists.EntryCodec;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListSnapshot;
import org.clearance.lists.custom.CustomCsvReader;
import org.clearance.ownership.PartyOwnership;
import org.clearance.parties.matching.MatchSettings;
import org.clearance.parties.matching.PartyMatcher;
import org.clearance.screening.PartyMatchSource;

/**
 * Lists for rule tests: every {@code *.csv} in a folder (custom list format) whose file name is the list code,
 * e.g. {@code rules/bases/lists/US-OFAC-SDN.csv}. No database: rule tests run anywhere.
 */
public final class FixtureLists {

    /** The strong-score default of {@code clearance.lists.strong-score}, which rule test expectations are written for. */
    public static final double STRONG_SCORE = 0.90;

    private FixtureLists() {
    }

    /** A finder over the folder's lists, or {@link PartyMatchSource#NONE} if the folder does not exist. */
    public static PartyMatchSource finder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return PartyMatchSource.NONE;
        }
        List<ListEntry> entries = new ArrayList<>();
        Map<ListEntry, ListedEntry> listed = new IdentityHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
                String code = file.getFileName().toString().replaceFirst("\\.csv$", "").toUpperCase(Locale.ROOT);
                ListSnapshot snapshot = new CustomCsvReader(code).read(file);
                String version = "fixture " + file.getFileName() + "@" + snapshot.version().sha256().substring(0, 12);
                for (ListEntry entry : snapshot.entries()) {
                    entries.add(entry);
                    listed.put(entry, new ListedEntry(entry, "fixture", version, EntryCodec.contentHash(entry)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PartyMatcher matcher = new PartyMatcher(MatchSettings.defaults());
        matcher.index(entries);
        return new ListedPartyFinder(matcher, listed, ListedPartyFinder.DismissalCheck.NONE, STRONG_SCORE, 5);
    }

    /**
     * {@code lists} with each match reviewed in {@code jurisdictions} should its list be one the pack does not map: a
     * rule test's {@code unmapped_list_jurisdictions}, the setting {@code clearance.lists.unmapped-list-jurisdictions}.
     */
    public static PartyMatchSource reviewingUnmappedIn(PartyMatchSource lists, List<String> jurisdictions) {
        if (jurisdictions.equals(PartyMatch.ALL_JURISDICTIONS)) {
            return lists; // what the fixture lists' matches already carry
        }
        return new ReviewingUnmapped(lists, jurisdictions);
    }

    /** The matches of {@code lists}, each reviewed in {@code jurisdictions} should its list be unmapped. */
    private record ReviewingUnmapped(PartyMatchSource lists, List<String> jurisdictions) implements PartyMatchSource {

        @Override
        public List<PartyMatch> matches(Order order) {
            return lists.matches(order).stream().map(m -> new PartyMatch(m.orderId(), m.party(), m.list(),
                    m.sourceId(), m.entryName(), m.matchedName(), m.score(), m.strong(), m.programs(),
                    m.listVersion(), m.countryAgreement(), m.explanation(), m.matchedIdentifier(), jurisdictions))
                    .toList();
        }

        @Override
        public List<PartyOwnership> ownership(Order order) {
            return lists.ownership(order);
        }

        /** The wrapped lists' batch source (which remembers the names it matched), reviewed the same way. */
        @Override
        public PartyMatchSource forBatch() {
            return new ReviewingUnmapped(lists.forBatch(), jurisdictions);
        }
    }
}
