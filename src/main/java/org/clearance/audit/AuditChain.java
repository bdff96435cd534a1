package org.clearance.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit tables through plain JDBC, on the caller's connection and transaction: appending locks the chain head
 * row ({@code SELECT … FOR UPDATE}) so that every thread and every process sharing the database extends one chain;
 * the lock is held until the caller's transaction ends.
 */
public final class AuditChain {

    private AuditChain() {
    }

    /** Appends one record after the current head and moves the head; call inside the transaction of the change. */
    public static AuditRecord append(Connection connection, String actor, String action, String subject,
                                     String contentHash) throws SQLException {
        return appendAll(connection, actor, List.of(new Entry(action, subject, contentHash))).get(0);
    }

    /** One record to append: what was done to which subject, and the hash of the subject's content (may be null). */
    public record Entry(String action, String subject, String contentHash) {
    }

    /**
     * Appends one record per entry, in order, after the current head and moves the head once: a chunk of stored
     * screenings costs three statements, not three per screening. Call inside the transaction of the change.
     */
    public static List<AuditRecord> appendAll(Connection connection, String actor, List<Entry> entries)
            throws SQLException {
        long previousSeq;
        String previousChain;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT seq, chain FROM audit_chain_head WHERE id = 1 FOR UPDATE");
             ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("audit_chain_head has no row: the audit migration did not run");
            }
            previousSeq = row.getLong(1);
            previousChain = row.getString(2);
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS); // what both databases keep
        List<AuditRecord> records = new ArrayList<>(entries.size());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_event "
                + "(seq, at, actor, action, subject, content_hash, chain) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (Entry entry : entries) {
                AuditRecord record = new AuditRecord(previousSeq + 1, at, actor, entry.action(), entry.subject(),
                        entry.contentHash(), null);
                record = record.withChain(record.expectedChain(previousChain));
                insert.setLong(1, record.seq());
                insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                insert.setString(3, record.actor());
                insert.setString(4, record.action());
                insert.setString(5, record.subject());
                insert.setString(6, record.contentHash());
                insert.setString(7, record.chain());
                insert.addBatch();
                records.add(record);
                previousSeq = record.seq();
                previousChain = record.chain();
            }
            insert.executeBatch();
        }
        try (PreparedStatement move = connection.prepareStatement(
                "UPDATE audit_chain_head SET seq = ?, chain = ? WHERE id = 1")) {
            move.setLong(1, previousSeq);
            move.setString(2, previousChain);
            move.executeUpdate();
        }
        return records;
    }

    /** Reads one record from a row of {@code SELECT seq, at, actor, action, subject, content_hash, chain}. */
    static AuditRecord read(ResultSet row) throws SQLException {
        return new AuditRecord(row.getLong(1), instant(row, 2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7));
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        Object value = row.getObject(column);
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** The head row: the last appended seq and chain value, as the database holds them. */
    static AuditRecord head(Connection connection) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement("SELECT seq, chain FROM audit_chain_head WHERE id = 1");
             ResultSet row = head.executeQuery()) {
            return row.next() ? new AuditRecord(row.getLong(1), null, null, null, null, null, row.getString(2)) : null;
        }
    }
}
