package org.clearance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.clearance.security.Actor;
import org.hibernate.Session;

/**
 * The only writer of audit records. Each append joins the caller's transaction, so a record exists exactly when the
 * change it describes was committed; appends from every thread and process form one chain ({@link AuditChain}).
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;
    private final TransactionManager transactions;

    AuditLog(EntityManager em, TransactionManager transactions) {
        this.em = em;
        this.transactions = transactions;
    }

    /** Records that {@code actor} did {@code action} on {@code subject}; throws unless a transaction is active. */
    public AuditRecord append(Actor actor, String action, String subject, String contentHash) {
        requireTransaction();
        return em.unwrap(Session.class).doReturningWork(
                connection -> AuditChain.append(connection, actor.name(), action, subject, contentHash));
    }

    /** Records that {@code actor} did each entry's action, in order, in one step of the chain. */
    public java.util.List<AuditRecord> appendAll(Actor actor, java.util.List<AuditChain.Entry> entries) {
        requireTransaction();
        if (entries.isEmpty()) {
            return java.util.List.of();
        }
        return em.unwrap(Session.class).doReturningWork(
                connection -> AuditChain.appendAll(connection, actor.name(), entries));
    }

    /** The content hashes of screenings written in this transaction, read back from the database after a flush. */
    public Map<UUID, String> screeningHashes(Collection<UUID> ids) {
        requireTransaction();
        em.flush();
        return em.unwrap(Session.class).doReturningWork(connection -> ScreeningContent.hashes(connection, ids));
    }

    private void requireTransaction() {
        try {
            if (transactions.getStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("an audit record must be written in the transaction of the change it describes");
            }
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }
}
