package org.clearance.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An export an auditor keeps outside the system: the records of a time range, the chain value before them (so the
 * range can be recomputed on its own), and the chain head at export time, signed with the configured anchor key
 * when there is one. A later {@code clearance audit verify --anchor FILE} proves the chain was not rewritten since.
 */
public final class AuditExport {

    public static final String FORMAT = "clearance-audit-export/1";

    private AuditExport() {
    }

    /** Records with {@code from <= at < to} in sequence order, the record before them and the chain head. */
    public record Range(AuditRecord before, List<AuditRecord> records, AuditRecord head) {
    }

    static Range range(Connection connection, Instant from, Instant to) throws SQLException {
        AuditRecord head = AuditChain.head(connection);
        List<AuditRecord> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, at, actor, action, subject, content_hash, "
                + "chain FROM audit_event WHERE at >= ? AND at < ? AND seq <= ? ORDER BY seq")) {
            select.setObject(1, java.time.OffsetDateTime.ofInstant(from, java.time.ZoneOffset.UTC));
            select.setObject(2, java.time.OffsetDateTime.ofInstant(to, java.time.ZoneOffset.UTC));
            select.setLong(3, head.seq());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    records.add(AuditChain.read(row));
                }
            }
        }
        AuditRecord before = null;
        long beforeSeq = records.isEmpty() ? 0 : records.get(0).seq() - 1;
        if (beforeSeq > 0) {
            try (PreparedStatement select = connection.prepareStatement("SELECT seq, at, actor, action, subject, "
                    + "content_hash, chain FROM audit_event WHERE seq = ?")) {
                select.setLong(1, beforeSeq);
                try (ResultSet row = select.executeQuery()) {
                    before = row.next() ? AuditChain.read(row) : null;
                }
            }
        }
        return new Range(before, records, head);
    }

    /** The export document; {@code key} signs the head when present. */
    public static ObjectNode document(Range range, Instant from, Instant to, Instant exportedAt, Optional<AnchorKey> key) {
        ObjectNode doc = CanonicalJson.object();
        doc.put("format", FORMAT);
        doc.put("exported_at", exportedAt.toString());
        doc.put("from", from.toString());
        doc.put("to", to.toString());
        doc.put("hash", "SHA-256 over previous chain (hex) followed by the record's canonical JSON (docs/operations.md)");
        ObjectNode previous = doc.putObject("previous");
        previous.put("seq", range.before() == null ? (range.records().isEmpty() ? 0 : range.records().get(0).seq() - 1) : range.before().seq());
        previous.put("chain", range.before() == null ? AuditRecord.GENESIS : range.before().chain());
        ArrayNode records = doc.putArray("records");
        for (AuditRecord record : range.records()) {
            ObjectNode node = records.addObject();
            node.put("seq", record.seq());
            node.put("at", record.at().toString());
            node.put("actor", record.actor());
            node.put("action", record.action());
            node.put("subject", record.subject());
            node.put("content_hash", record.contentHash());
            node.put("chain", record.chain());
        }
        ObjectNode head = doc.putObject("head");
        head.put("seq", range.head().seq());
        head.put("chain", range.head().chain());
        if (key.isPresent()) {
            String signed = signedText(range.head().seq(), range.head().chain(), exportedAt.toString());
            ObjectNode signature = doc.putObject("signature");
            signature.put("algorithm", "Ed25519");
            signature.put("signed", signed);
            signature.put("value", key.get().sign(signed));
            key.get().publicKeyPem().ifPresent(pem -> signature.put("public_key", pem));
        }
        return doc;
    }

    /** The canonical text the anchor signature covers. */
    static String signedText(long seq, String chain, String exportedAt) {
        ObjectNode node = CanonicalJson.object();
        node.put("head_seq", seq);
        node.put("head_chain", chain);
        node.put("exported_at", exportedAt);
        return CanonicalJson.write(node);
    }

    /** The anchor an export holds: its head. */
    public static Anchor anchor(JsonNode export) {
        JsonNode head = export.path("head");
        if (!FORMAT.equals(export.path("format").asText()) || !head.path("seq").canConvertToLong() || !head.path("chain").isTextual()) {
            throw new IllegalArgumentException("not a " + FORMAT + " file (no head seq and chain)");
        }
        return new Anchor(head.path("seq").asLong(), head.path("chain").asText());
    }
}
