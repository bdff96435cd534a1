package org.clearance.parties;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clearance.lists.EntryCodec;
import org.clearance.lists.ListEntry;
import org.clearance.lists.ListsChanged;
import org.clearance.lists.ListsConfig;
import org.clearance.lists.UnmappedLists;
import org.clearance.ownership.OwnershipGraphs;
import org.clearance.parties.matching.Match;
import org.clearance.parties.matching.MatchSettings;
import org.clearance.parties.matching.PartyMatcher;

/**
 * The entries of every source's active version in one {@link PartyMatcher}: loaded from the database at first use,
 * rebuilt and swapped in after each import, so screening goes on with the previous lists while the new ones load.
 */
@ApplicationScoped
public class PartyIndex {

    private final EntityManager em;
    private final ListsConfig config;
    private final Dismissals dismissals;
    private final OwnershipGraphs ownership;
    private volatile Snapshot snapshot;

    /** One consistent state: the matcher and, per indexed entry, where it came from. */
    record Snapshot(PartyMatcher matcher, IdentifierIndex identifiers, Map<ListEntry, ListedEntry> listed, String versions) {
    }

    PartyIndex(EntityManager em, ListsConfig config, Dismissals dismissals, OwnershipGraphs ownership) {
        this.em = em;
        this.ownership = ownership;
        this.config = config;
        this.dismissals = dismissals;
    }

    /**
     * The finder screening uses: the active lists, minus dismissed pairs, and the active ownership file, each including
     * what other processes (a CLI import, a second server) changed since they were loaded.
     */
    public ListedPartyFinder finder() {
        dismissals.refreshIfChanged();
        Snapshot current = fresh();
        return new ListedPartyFinder(current.matcher(), current.identifiers(), current.listed(), dismissals::dismissed, config.strongScore(),
                config.matchesPerParty(), current.versions(), unmappedListJurisdictions())
                .withOwnership(ownership.current());
    }

    /**
     * A finder over the list versions {@code versions} (list_import ids, as a screening stored them) with the
     * dismissals recorded up to {@code at}: the lists a past screening saw, for replaying it.
     */
    public ListedPartyFinder finderAsOf(String versions, Instant at) {
        java.util.Set<java.util.UUID> ids = new java.util.HashSet<>();
        if (versions != null && !versions.isBlank()) {
            for (String id : versions.split(",")) {
                ids.add(java.util.UUID.fromString(id.strip()));
            }
        }
        Snapshot snapshot = index(QuarkusTransaction.joiningExisting().call(() -> read(ids)));
        java.util.Set<String> pairs = dismissals.pairsAsOf(at);
        return new ListedPartyFinder(snapshot.matcher(), snapshot.identifiers(), snapshot.listed(),
                (partyKey, entry) -> pairs.contains(Dismissals.pairKey(partyKey, entry.entry().source(),
                        entry.entry().sourceId(), entry.contentHash())),
                config.strongScore(), config.matchesPerParty(), snapshot.versions(), unmappedListJurisdictions());
    }

    /** {@code clearance.lists.unmapped-list-jurisdictions}, with ALL spelt out. */
    private List<String> unmappedListJurisdictions() {
        return UnmappedLists.jurisdictions(config.unmappedListJurisdictions());
    }

    /**
     * Scored, explained matches of a name, best first (dismissals do not apply: search shows everything), in the lists
     * active in the database now, whichever process imported them.
     */
    public List<Result> search(String name, String country, int limit) {
        Snapshot current = fresh();
        return current.matcher().match(name, country, limit).stream()
                .map(m -> new Result(m, current.listed().get(m.entry()))).toList();
    }

    /** The active entry {@code listCode}/{@code sourceId}, if any source has it. */
    public Optional<ListedEntry> entry(String listCode, String sourceId) {
        return fresh().listed().values().stream()
                .filter(l -> l.entry().source().equals(listCode) && l.entry().sourceId().equals(sourceId))
                .findFirst();
    }

    public int indexedEntries() {
        return fresh().matcher().indexedEntries();
    }

    /** A match with its provenance. */
    public record Result(Match match, ListedEntry listed) {
    }

    void onListsChanged(@Observes ListsChanged event) {
        reload();
    }

    /** Rebuilds the matcher from the active versions in the database and swaps it in. */
    public synchronized void reload() {
        long start = System.nanoTime();
        // Only the reading needs a transaction: indexing a large list takes long enough to outlive one.
        Snapshot loaded = index(QuarkusTransaction.requiringNew().call(this::readActive));
        snapshot = loaded;
        Log.infof("Party index: %d list entries indexed in %d ms", loaded.matcher().indexedEntries(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The snapshot, rebuilt first when the active list versions in the database are no longer the ones it holds. */
    private Snapshot fresh() {
        Snapshot current = current();
        String labels = QuarkusTransaction.joiningExisting().call(() -> versionLabels(activeVersions()));
        String active = labels.isEmpty() ? null : labels; // as a snapshot of no lists has it
        if (!java.util.Objects.equals(active, current.versions())) {
            synchronized (this) {
                if (!java.util.Objects.equals(active, snapshot.versions())) {
                    Log.infof("Party index: list versions changed in the database; rebuilding");
                    reload();
                }
                current = snapshot;
            }
        }
        return current;
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                if (snapshot == null) {
                    reload();
                }
                current = snapshot;
            }
        }
        return current;
    }

    /** List entries as read from the database, before indexing. */
    private record Read(List<ListEntry> entries, Map<ListEntry, ListedEntry> listed, String versions) {
    }

    private Read readActive() {
        return read(activeVersions());
    }

    private java.util.Set<java.util.UUID> activeVersions() {
        return new java.util.HashSet<>(em.createQuery("select i.id from ListImport i where i.active = true",
                java.util.UUID.class).getResultList());
    }

    private Read read(java.util.Set<java.util.UUID> versions) {
        List<Object[]> rows = versions.isEmpty() ? List.of() : em.createQuery("select r.entryJson, r.contentHash, i.source, "
                + "i.sha256, i.publishedOn, i.importedAt from ListRecord r, ListImport i where r.importId = i.id "
                + "and i.id in :versions order by i.source, r.listCode, r.sourceId", Object[].class)
                .setParameter("versions", versions).getResultList();
        Map<ListEntry, ListedEntry> listed = new IdentityHashMap<>();
        List<ListEntry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ListEntry entry = EntryCodec.fromJson((String) row[0]);
            entries.add(entry);
            listed.put(entry, new ListedEntry(entry, (String) row[2],
                    versionLabel((String) row[2], (String) row[3], (LocalDate) row[4], (Instant) row[5]), (String) row[1]));
        }
        String labels = versionLabels(versions);
        return new Read(entries, listed, labels.isEmpty() ? null : labels);
    }

    private Snapshot index(Read read) {
        PartyMatcher matcher = new PartyMatcher(MatchSettings.defaults().withThreshold(config.threshold()));
        matcher.index(read.entries());
        return new Snapshot(matcher, new IdentifierIndex(read.entries()), read.listed(), read.versions());
    }

    static String versionLabel(String source, String sha256, LocalDate publishedOn, Instant importedAt) {
        return source + "@" + sha256.substring(0, 12) + (publishedOn == null ? "" : " published " + publishedOn)
                + " imported " + importedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** The list versions as a screening stores them: their ids, sorted, comma-separated. */
    private static String versionLabels(java.util.Set<java.util.UUID> versions) {
        return versions.stream().map(java.util.UUID::toString).sorted().collect(java.util.stream.Collectors.joining(","));
    }
}
