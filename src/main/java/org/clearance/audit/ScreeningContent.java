package org.clearance.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a stored screening says, read back from its rows with plain SQL and hashed in canonical JSON: the order as
 * received, the decision, the four verdicts, every finding and risk factor in order, the rule pack, the list
 * versions and what else the rules were given (the country risk list it names, the buyer history, the register's
 * licences the order cites). The same code hashes a screening when it is stored and when the chain is verified, so any
 * change to those rows changes the hash.
 * The country risk list is named by its own SHA-256, which verification checks ({@link AuditVerifier}).
 */
public final class ScreeningContent {

    private static final int CHUNK = 200;

    private ScreeningContent() {
    }

    /** The content hash of each screening in {@code ids} that exists; a missing id has no entry. */
    public static Map<UUID, String> hashes(Connection connection, Collection<UUID> ids) throws SQLException {
        return hashes(connection, ids, true);
    }

    /**
     * As {@link #hashes(Connection, Collection)}; {@code context} false for a database older than the context columns
     * (a migration). A screening without a recorded context has no context keys, so it hashes the same either way:
     * screenings stored before the context (or the cited licences) was recorded still verify.
     */
    public static Map<UUID, String> hashes(Connection connection, Collection<UUID> ids, boolean context)
            throws SQLException {
        Map<UUID, String> hashes = new LinkedHashMap<>();
        List<UUID> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            read(connection, chunk, context).forEach((id, node) -> hashes.put(id, CanonicalJson.sha256(node)));
        }
        return hashes;
    }

    static Map<UUID, ObjectNode> read(Connection connection, List<UUID> ids, boolean context) throws SQLException {
        Map<UUID, ObjectNode> contents = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return contents;
        }
        String in = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement("SELECT id, order_id, source, decision, verdict_us, "
                + "verdict_eu, verdict_uk, verdict_jp, rule_pack, rule_pack_version_id, as_of, screened_at, order_json, "
                + "risk_score, risk_review_score, list_versions"
                + (context ? ", country_risk_set, buyer_history, cited_licences" : "")
                + " FROM screening WHERE id IN (" + in + ")")) {
            bind(select, ids);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ObjectNode node = CanonicalJson.object();
                    UUID id = row.getObject(1, UUID.class);
                    node.put("id", id.toString());
                    node.put("order_id", row.getString(2));
                    node.put("source", row.getString(3));
                    node.put("decision", row.getString(4));
                    ObjectNode verdicts = node.putObject("verdicts");
                    verdicts.put("US", row.getString(5));
                    verdicts.put("EU", row.getString(6));
                    verdicts.put("UK", row.getString(7));
                    verdicts.put("JP", row.getString(8));
                    node.put("rule_pack", row.getString(9));
                    node.put("rule_pack_version_id", row.getLong(10));
                    node.put("as_of", row.getObject(11, java.time.LocalDate.class).toString());
                    node.put("screened_at", AuditChain.instant(row, 12).toString());
                    node.set("order", CanonicalJson.parse(row.getString(13)));
                    putNullable(node, "risk_score", (Integer) row.getObject(14, Integer.class));
                    putNullable(node, "risk_review_score", (Integer) row.getObject(15, Integer.class));
                    node.put("list_versions", row.getString(16));
                    if (context && row.getString(17) != null) { // absent, not null: older screenings keep their hash
                        node.put("country_risk_set", row.getString(17));
                    }
                    if (context && row.getString(18) != null) {
                        node.set("buyer_history", CanonicalJson.parse(row.getString(18)));
                    }
                    if (context && row.getString(19) != null) {
                        node.set("cited_licences", CanonicalJson.parse(row.getString(19)));
                    }
                    node.putArray("findings");
                    node.putArray("risk_factors");
                    contents.put(id, node);
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT screening_id, position, rule_id, jurisdiction, "
                + "severity, citation, confidence, message, subject_pointer, subject_label, override_note FROM screening_finding "
                + "WHERE screening_id IN (" + in + ") ORDER BY screening_id, position")) {
            bind(select, ids);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ObjectNode screening = contents.get(row.getObject(1, UUID.class));
                    if (screening == null) {
                        continue;
                    }
                    ObjectNode finding = ((ArrayNode) screening.get("findings")).addObject();
                    finding.put("position", row.getInt(2));
                    finding.put("rule_id", row.getString(3));
                    finding.put("jurisdiction", row.getString(4));
                    finding.put("severity", row.getString(5));
                    finding.put("citation", row.getString(6));
                    finding.put("confidence", row.getString(7));
                    finding.put("message", row.getString(8));
                    finding.put("subject_pointer", row.getString(9));
                    finding.put("subject_label", row.getString(10));
                    if (row.getString(11) != null) { // absent rather than null: hashes of earlier screenings stay valid
                        finding.put("override", row.getString(11));
                    }
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT screening_id, position, factor, points, "
                + "explanation FROM screening_risk_factor WHERE screening_id IN (" + in + ") ORDER BY screening_id, position")) {
            bind(select, ids);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    ObjectNode screening = contents.get(row.getObject(1, UUID.class));
                    if (screening == null) {
                        continue;
                    }
                    ObjectNode factor = ((ArrayNode) screening.get("risk_factors")).addObject();
                    factor.put("position", row.getInt(2));
                    factor.put("factor", row.getString(3));
                    factor.put("points", row.getInt(4));
                    factor.put("explanation", row.getString(5));
                }
            }
        }
        return contents;
    }

    private static void putNullable(ObjectNode node, String name, Integer value) {
        if (value == null) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static void bind(PreparedStatement statement, List<UUID> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setObject(i + 1, ids.get(i));
        }
    }
}
