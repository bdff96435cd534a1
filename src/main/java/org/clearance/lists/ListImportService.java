package org.clearance.lists;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.security.Actor;

/**
 * Imports a list file as a new version of a source, atomically: the file is read completely first, then the
 * version and all its entries are written and swapped active in one transaction. A malformed file throws
 * {@link ListFormatException} before anything is written; a failure while writing rolls everything back. Either
 * way the previous version stays active.
 */
@ApplicationScoped
public class ListImportService {

    /** Entities flushed and detached per batch, so a 100k-entry list does not fill the persistence context. */
    private static final int FLUSH_EVERY = 500;

    private final EntityManager em;
    private final Event<ListsChanged> changed;
    private final ListsConfig config;
    private final AuditLog audit;
    private final UnmappedLists unmappedLists;

    ListImportService(EntityManager em, Event<ListsChanged> changed, ListsConfig config, AuditLog audit,
                      UnmappedLists unmappedLists) {
        this.unmappedLists = unmappedLists;
        this.em = em;
        this.changed = changed;
        this.config = config;
        this.audit = audit;
    }

    /** Imports as Clearance itself (e.g. a test or a scheduled download), refusing an import that guts the list. */
    public ImportResult importFile(String source, ListFormat format, Path file) throws IOException {
        return importFile(source, format, file, ImportProgress.NONE, Actor.system("lists"), false);
    }

    /** Imports as {@code actor}, refusing an import that guts the list. */
    public ImportResult importFile(String source, ListFormat format, Path file, Actor actor) throws IOException {
        return importFile(source, format, file, ImportProgress.NONE, actor, false);
    }

    /**
     * Serialised: two imports of one source at once must not both become active. {@code actor} is recorded as the
     * importer; unless {@code allowShrink}, an import dropping more than {@code clearance.lists.max-shrink-share} of
     * the active version's entries throws {@link ListShrinkRefusedException} and changes nothing.
     */
    public synchronized ImportResult importFile(String source, ListFormat format, Path file, ImportProgress progress,
                                                Actor actor, boolean allowShrink) throws IOException {
        String name = SourceName.require(source);
        progress.update("reading", 0, -1);
        ListSnapshot snapshot = ListReaders.forFormat(format, name).read(file);
        if (snapshot.entries().isEmpty()) {
            throw new ListFormatException(file.getFileName().toString(), "file", "holds no list entries; an empty list is "
                    + "refused so that a broken download cannot wipe a list");
        }
        progress.update("reading", snapshot.entries().size(), snapshot.entries().size());
        List<UnmappedList> unmapped = unmappedLists.of(snapshot.entries().stream().map(ListEntry::source)
                .collect(java.util.stream.Collectors.toSet()));
        ImportResult result = QuarkusTransaction.requiringNew().call(() -> store(name, snapshot, file, progress, actor, allowShrink))
                .withUnmappedLists(unmapped);
        if (result.changed()) {
            Log.infof("List %s: imported %d entries (sha256 %s) by %s", name, result.version().entryCount(),
                    result.version().sha256().substring(0, 12), actor.name());
            changed.fire(new ListsChanged(name, result.previousVersion(), result.versionId()));
        } else {
            Log.infof("List %s: identical to the active version, nothing changed", name);
        }
        return result;
    }

    /**
     * Adds {@code entry}, under its own list code and source id, to the list source {@code watchList}: a new version
     * holding every entry the active one held plus this one (replacing an older copy of it), so that it is still
     * matched if its publisher drops it. Unchanged when the list holds this very entry already.
     */
    public synchronized ImportResult addToWatchList(String watchList, ListEntry entry, Actor actor) {
        String name = SourceName.require(watchList);
        List<ListEntry> entries = new ArrayList<>(QuarkusTransaction.requiringNew().call(() ->
                ListImport.active(name).map(active -> em.createQuery("select r.entryJson from ListRecord r "
                                + "where r.importId = :id order by r.listCode, r.sourceId", String.class)
                        .setParameter("id", active.id).getResultList().stream().map(EntryCodec::fromJson).toList())
                        .orElse(List.of())));
        entries.removeIf(e -> e.source().equals(entry.source()) && e.sourceId().equals(entry.sourceId()));
        entries.add(entry);
        // The version's hash is over what it holds, in a fixed order: the same entries always give the same version.
        String content = entries.stream().map(e -> e.source() + "\u001F" + e.sourceId() + "\u001F" + EntryCodec.contentHash(e))
                .sorted().collect(java.util.stream.Collectors.joining("\n"));
        ListSnapshot snapshot = ListSnapshot.of(ListFormat.CUSTOM_CSV, FileHash.sha256(
                content.getBytes(java.nio.charset.StandardCharsets.UTF_8)), null, entries);
        ImportResult result = QuarkusTransaction.requiringNew().call(() ->
                store(name, snapshot, Path.of(name), ImportProgress.NONE, actor, true));
        if (result.changed()) {
            Log.infof("List %s: %s %s added by %s", name, entry.source(), entry.sourceId(), actor.name());
            changed.fire(new ListsChanged(name, result.previousVersion(), result.versionId()));
        }
        return result;
    }

    private ImportResult store(String name, ListSnapshot snapshot, Path file, ImportProgress progress, Actor actor,
                               boolean allowShrink) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ListImport active = ListImport.active(name).orElse(null);
        if (active != null && active.sha256.equals(snapshot.version().sha256())) {
            return new ImportResult(ImportResult.Status.UNCHANGED, ListVersionView.of(active, now), active.id, active.id);
        }
        if (active != null && !allowShrink) {
            refuseGutting(name, active, snapshot);
        }
        ListSource listSource = ListSource.findById(name);
        if (listSource == null) {
            listSource = new ListSource();
            listSource.name = name;
            listSource.createdAt = now;
            listSource.format = snapshot.version().format();
            listSource.persist();
        } else {
            listSource.format = snapshot.version().format();
        }
        ListImport version = new ListImport();
        version.id = UUID.randomUUID();
        version.source = name;
        version.format = snapshot.version().format();
        version.sha256 = snapshot.version().sha256();
        version.publishedOn = snapshot.version().publishedOn();
        version.importedAt = now;
        version.entryCount = snapshot.entries().size();
        version.fileName = file.getFileName() == null ? null : file.getFileName().toString();
        version.active = false;
        version.importedBy = actor.name();
        version.persist();
        List<ListEntry> entries = snapshot.entries();
        for (int i = 0; i < entries.size(); i++) {
            record(version.id, entries.get(i)).persist();
            if ((i + 1) % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
                progress.update("storing", i + 1, entries.size());
            }
        }
        em.flush();
        em.clear();
        progress.update("storing", entries.size(), entries.size());
        // Swap: the new version becomes the only active one. Superseded versions keep their entries, so that any
        // screening can be replayed against the lists it saw (docs/operations.md, retention).
        ListImport.update("active = false where source = ?1 and id <> ?2", name, version.id);
        ListImport.update("active = true where id = ?1", version.id);
        version.active = true;
        audit.append(actor, AuditAction.LIST_IMPORTED, name + "@" + version.id, version.sha256);
        return new ImportResult(ImportResult.Status.IMPORTED, ListVersionView.of(version, now),
                active == null ? null : active.id, version.id);
    }

    /**
     * A file with far fewer entries than the active version is refused: a truncated download or a wrong file would
     * otherwise clear listed parties. Counts, not ids, so that a publisher renumbering its entries is not "shrinking".
     */
    private void refuseGutting(String name, ListImport active, ListSnapshot snapshot) {
        int current = active.entryCount;
        long dropped = Math.max(0, current - snapshot.entries().size());
        if (current > 0 && (double) dropped / current > config.maxShrinkShare()) {
            throw new ListShrinkRefusedException(name, dropped, current, snapshot.entries().size(), config.maxShrinkShare());
        }
    }

    private static ListRecord record(UUID importId, ListEntry entry) {
        ListRecord record = new ListRecord();
        record.id = UUID.randomUUID();
        record.importId = importId;
        record.listCode = entry.source();
        record.sourceId = entry.sourceId();
        record.entityType = entry.type();
        record.primaryName = entry.primaryName();
        record.countries = entry.allCountries().isEmpty() ? null : String.join(",", new java.util.TreeSet<>(entry.allCountries()));
        record.programs = entry.programs().isEmpty() ? null : String.join("; ", entry.programs());
        record.entryJson = EntryCodec.toJson(entry);
        record.contentHash = FileHash.sha256(record.entryJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.names.add(RecordName.of(entry.primaryName(), false));
        entry.aliases().forEach(alias -> record.names.add(RecordName.of(alias.name(), alias.weak())));
        MatchableIdentifier.of(entry).forEach(identifier -> record.identifiers.add(RecordIdentifier.of(identifier)));
        return record;
    }
}
