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
            Map<UUID, String> hashes = ScreeningContent.hashes(connection, chunk);
            for (UUID id : chunk) {
                AuditChain.append(connection, "system:migration", AuditAction.SCREENING_STORED, id.toString(), hashes.get(id));
            }
        }
        AppendOnlyTables.protect(connection);
    }
}
