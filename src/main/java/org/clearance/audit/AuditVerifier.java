package org.clearance.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Walks the audit chain in sequence order and the screenings it covers: recomputes every chain value, every
 * screening's content hash and the hash of every country risk list screenings name, and finds screenings that no
 * record covers. Reads through plain SQL, so that it sees
 * exactly what the database holds.
 */
public final class AuditVerifier {

    /** Problems reported at most; the first is what matters, the rest help to see how much was touched. */
    static final int MAX_PROBLEMS = 100;
    private static final int PAGE = 1000;

    private AuditVerifier() {
    }

    public static VerifyReport verify(Connection connection, Anchor anchor) throws SQLException {
        List<AuditProblem> problems = new ArrayList<>();
        AuditRecord head = AuditChain.head(connection);
        long headSeq = head == null ? 0 : head.seq();
        String previousChain = AuditRecord.GENESIS;
        long expectedSeq = 1;
        long records = 0;
        long screenings = 0;
        boolean anchorSeen = anchor == null || anchor.seq() == 0;
        if (anchor != null && anchor.seq() == 0 && !AuditRecord.GENESIS.equals(anchor.chain())) {
            add(problems, new AuditProblem(AuditProblem.Kind.ANCHOR_MISMATCH, 0, null,
                    "the anchor kept outside names record #0 with a chain value other than the start of every chain"));
        }
        long after = 0;
        AuditRecord last = null;
        while (true) {
            List<AuditRecord> page = page(connection, after, headSeq);
            if (page.isEmpty()) {
                break;
            }
            Map<UUID, AuditRecord> screeningRecords = new HashMap<>();
            for (AuditRecord record : page) {
                records++;
                boolean gap = record.seq() != expectedSeq;
                if (gap) {
                    add(problems, new AuditProblem(AuditProblem.Kind.RECORD_MISSING, expectedSeq, null, record.seq() > expectedSeq
                            ? "audit record #" + expectedSeq + (record.seq() - expectedSeq > 1 ? " to #" + (record.seq() - 1) : "")
                                    + " missing: deleted from the audit trail (the next record present is #" + record.seq() + ")"
                            : "audit record #" + record.seq() + " out of sequence after #" + (expectedSeq - 1)));
                }
                if (!gap && !record.chain().equals(record.expectedChain(previousChain))) {
                    add(problems, new AuditProblem(AuditProblem.Kind.RECORD_CHANGED, record.seq(), record.subject(),
                            "audit record #" + record.seq() + " (" + record.action() + " " + record.subject() + ", "
                                    + record.at() + ", " + record.actor() + ") does not follow from #" + (record.seq() - 1)
                                    + ": it was changed, inserted or moved"));
                }
                if (anchor != null && record.seq() == anchor.seq()) {
                    anchorSeen = true;
                    if (!record.chain().equals(anchor.chain())) {
                        add(problems, new AuditProblem(AuditProblem.Kind.ANCHOR_MISMATCH, record.seq(), record.subject(),
                                "audit record #" + record.seq() + " has chain " + abbreviate(record.chain())
                                        + " but the anchor kept outside says " + abbreviate(anchor.chain())
                                        + ": the chain was rewritten up to here"));
                    }
                }
                if (AuditAction.SCREENING_STORED.equals(record.action())) {
                    UUID id = parseUuid(record.subject());
                    if (id != null) {
                        screeningRecords.put(id, record);
                    }
                }
                previousChain = record.chain();
                expectedSeq = record.seq() + 1;
                after = record.seq();
                last = record;
            }
            screenings += checkScreenings(connection, screeningRecords, problems);
        }
        if (last == null ? headSeq != 0 : last.seq() != headSeq || !last.chain().equals(head.chain())) {
            add(problems, new AuditProblem(AuditProblem.Kind.HEAD_MISMATCH, headSeq, null, "the chain head is record #"
                    + headSeq + " but the last record present is #" + (last == null ? 0 : last.seq())
                    + ": records at the end of the audit trail were deleted or the head was moved"));
        }
        AuditRecord headNow = AuditChain.head(connection);
        try (PreparedStatement beyond = connection.prepareStatement("SELECT seq FROM audit_event WHERE seq > ? ORDER BY seq "
                + "FETCH FIRST 10 ROWS ONLY")) {
            beyond.setLong(1, headNow == null ? 0 : Math.max(headNow.seq(), headSeq));
            try (ResultSet row = beyond.executeQuery()) {
                while (row.next()) {
                    add(problems, new AuditProblem(AuditProblem.Kind.RECORD_CHANGED, row.getLong(1), null, "audit record #"
                            + row.getLong(1) + " lies beyond the chain head: it was inserted without Clearance"));
                }
            }
        }
        if (!anchorSeen) {
            add(problems, new AuditProblem(AuditProblem.Kind.ANCHOR_MISMATCH, anchor.seq(), null,
                    "audit record #" + anchor.seq() + ", which the anchor kept outside names, is missing"));
        }
        uncovered(connection, problems);
        countryRiskSets(connection, problems);
        return new VerifyReport(problems.isEmpty(), records, screenings, headSeq, head == null ? null : head.chain(), problems);
    }

    private static List<AuditRecord> page(Connection connection, long after, long upTo) throws SQLException {
        List<AuditRecord> page = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, at, actor, action, subject, content_hash, "
                + "chain FROM audit_event WHERE seq > ? AND seq <= ? ORDER BY seq FETCH FIRST " + PAGE + " ROWS ONLY")) {
            select.setLong(1, after);
            select.setLong(2, upTo);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    page.add(AuditChain.read(row));
                }
            }
        }
        return page;
    }

    private static long checkScreenings(Connection connection, Map<UUID, AuditRecord> records,
                                        List<AuditProblem> problems) throws SQLException {
        Map<UUID, String> hashes = ScreeningContent.hashes(connection, records.keySet());
        List<AuditRecord> inOrder = new ArrayList<>(records.values());
        inOrder.sort(java.util.Comparator.comparingLong(AuditRecord::seq));
        for (AuditRecord record : inOrder) {
            UUID id = UUID.fromString(record.subject());
            String actual = hashes.get(id);
            if (actual == null) {
                add(problems, new AuditProblem(AuditProblem.Kind.SCREENING_DELETED, record.seq(), record.subject(),
                        "screening " + record.subject() + " (audit record #" + record.seq() + ") was deleted"));
            } else if (!actual.equals(record.contentHash())) {
                add(problems, new AuditProblem(AuditProblem.Kind.SCREENING_CHANGED, record.seq(), record.subject(),
                        "screening " + record.subject() + " was changed after it was stored: its decision, verdicts, "
                                + "findings, order or pack no longer match audit record #" + record.seq()));
            }
        }
        return hashes.size();
    }

    private static void uncovered(Connection connection, List<AuditProblem> problems) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT s.id, s.order_id FROM screening s WHERE NOT EXISTS "
                + "(SELECT 1 FROM audit_event e WHERE e.action = ? AND e.subject = CAST(s.id AS VARCHAR(36))) "
                + "ORDER BY s.screened_at FETCH FIRST " + MAX_PROBLEMS + " ROWS ONLY")) {
            select.setString(1, AuditAction.SCREENING_STORED);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String id = row.getObject(1, UUID.class).toString();
                    add(problems, new AuditProblem(AuditProblem.Kind.SCREENING_NOT_AUDITED, 0, id, "screening " + id
                            + " (order " + row.getString(2) + ") has no audit record: it was inserted without Clearance"));
                }
            }
        }
    }

    /**
     * A screening's content hash covers the name of its country risk list, which is the list's SHA-256: a list that
     * still hashes to its name is the one its screenings were given. Few rows (one per trade import or so).
     */
    private static void countryRiskSets(Connection connection, List<AuditProblem> problems) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT sha256, content FROM country_risk_set ORDER BY sha256");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                String sha = row.getString(1);
                if (!CanonicalJson.sha256(row.getString(2)).equals(sha)) {
                    add(problems, new AuditProblem(AuditProblem.Kind.COUNTRY_RISKS_CHANGED, 0, sha, "the country risks "
                            + "kept as " + abbreviate(sha) + " were changed after screenings were given them: they no "
                            + "longer hash to that name"));
                }
            }
        }
    }

    private static void add(List<AuditProblem> problems, AuditProblem problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    private static UUID parseUuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String abbreviate(String chain) {
        return chain == null ? "(none)" : chain.substring(0, Math.min(12, chain.length()));
    }
}
