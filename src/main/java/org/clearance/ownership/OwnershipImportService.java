package org.clearance.ownership;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.security.Actor;

/**
 * Imports an ownership file, replacing the previous ownership data atomically: the file is read and checked
 * completely first ({@link org.clearance.lists.ListFormatException} before anything is written), then the old rows
 * are deleted, the new ones written and the import audited in one transaction.
 */
@ApplicationScoped
public class OwnershipImportService {

    /** Rows flushed and detached per batch, so a large file does not fill the persistence context. */
    private static final int FLUSH_EVERY = 500;

    private final EntityManager em;
    private final AuditLog audit;

    OwnershipImportService(EntityManager em, AuditLog audit) {
        this.em = em;
        this.audit = audit;
    }

    /** Serialised: two imports at once must not both become active. */
    public synchronized OwnershipImportResult importFile(Path file, Actor actor) throws IOException {
        OwnershipCsvReader.Read read = new OwnershipCsvReader().read(file);
        long entities = read.rows().stream().map(r -> EntityKey.of(r.entity())).distinct().count();
        OwnershipImportResult result = QuarkusTransaction.requiringNew().call(() -> store(read, entities, actor));
        if (result.changed()) {
            Log.infof("Ownership: imported %d rows for %d entities (sha256 %s) by %s", result.rows(), entities,
                    read.sha256().substring(0, 12), actor.name());
        }
        return result;
    }

    private OwnershipImportResult store(OwnershipCsvReader.Read read, long entities, Actor actor) {
        OwnershipImport active = OwnershipImport.active().orElse(null);
        if (active != null && active.sha256.equals(read.sha256())) {
            return new OwnershipImportResult(false, read.sha256(), active.linkCount, entities);
        }
        // Only the active import's rows are kept: ownership is a current fact, and its history is the audit trail.
        em.createQuery("delete from OwnershipLink").executeUpdate();
        OwnershipImport.update("active = false where active = true");
        OwnershipImport version = new OwnershipImport();
        version.id = UUID.randomUUID();
        version.sha256 = read.sha256();
        version.fileName = read.file();
        version.linkCount = read.rows().size();
        version.importedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        version.importedBy = actor.name();
        version.active = true;
        version.persist();
        int stored = 0;
        for (OwnershipRow row : read.rows()) {
            OwnershipLink link = new OwnershipLink();
            link.id = UUID.randomUUID();
            link.importId = version.id;
            link.line = (int) row.line();
            link.entity = row.entity();
            link.entityKey = EntityKey.of(row.entity());
            link.owner = row.owner();
            link.share = row.share();
            link.source = row.source();
            link.persist();
            if (++stored % FLUSH_EVERY == 0) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
        audit.append(actor, AuditAction.OWNERSHIP_IMPORTED, "ownership@" + version.id, version.sha256);
        return new OwnershipImportResult(true, read.sha256(), read.rows().size(), entities);
    }
}
