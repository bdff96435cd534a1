package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.clearance.audit.AppendOnlyTables;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditChain;
import org.clearance.audit.ScreeningContent;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives every screening stored before the audit trail existed its audit record (in the order they were stored, by
 * {@code system:migration}), then makes the audit, screening and rule pack content tables append-only with triggers
 * (PL/pgSQL on PostgreSQL, a Java trigger on H2). Java, because the two databases need different trigger DDL.
 */
public class V7_1__Append_only_tables extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM screening ORDER BY screened_at, id");
             ResultSet row = select.executeQuery()) {
            while (row.next()) {
                ids.add(row.getObject(1, UUID.class));
            }
        }
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            // Without the context columns: they come with V12, and a screening without them hashes the same either way.
            Map<UUID, String> hashes = ScreeningContent.hashes(connection, chunk, false);
            for (UUID id : chunk) {
                AuditChain.append(connection, "system:migration", AuditAction.SCREENING_STORED, id.toString(), hashes.get(id));
            }
        }
        // The tables of this version; later ones are protected by the migration that creates them.
        AppendOnlyTables.protect(connection, List.of("audit_event", "screening", "screening_finding",
                "screening_risk_factor", "rule_file", "rule_pack_content"));
    }
}
