package org.clearance.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** H2's row trigger on the append-only tables: refuses every UPDATE and DELETE (PostgreSQL uses a PL/pgSQL function). */
public class AppendOnlyTrigger implements Trigger {

    private String table;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("table " + table + " is append-only: " + (newRow == null ? "DELETE" : "UPDATE")
                + " refused (docs/operations.md, retention)", "42501");
    }
}
