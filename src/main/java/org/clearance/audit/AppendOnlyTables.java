package org.clearance.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tables that refuse UPDATE and DELETE for every database role, by trigger: the audit trail, stored screenings
 * with their findings and risk factors, the country risk lists they name, kept rule pack files, shipments and what each
 * used of a licence (the licence row itself changes: its remaining quantity and value go down), and the timeline and
 * dispositions of cases (the case row itself changes: its status). Nothing in
 * Clearance updates or deletes them; the hash chain detects whoever drops the triggers first.
 */
public final class AppendOnlyTables {

    public static final List<String> TABLES = List.of("audit_event", "screening", "screening_finding",
            "screening_risk_factor", "rule_file", "rule_pack_content", "country_risk_set", "shipment", "licence_usage",
            "case_event", "case_disposition", "screening_party_match");

    private AppendOnlyTables() {
    }

    /** Creates the triggers (and on PostgreSQL the function they call). */
    public static void protect(Connection connection) throws SQLException {
        protect(connection, TABLES);
    }

    /** Creates the triggers of {@code tables} only: a migration protects the tables that exist at its version. */
    public static void protect(Connection connection, List<String> tables) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : createStatements(postgres(connection), tables)) {
                statement.execute(sql);
            }
        }
    }

    /** Drops the triggers: what an owner of the database can always do, and what the hash chain then detects. */
    public static void unprotect(Connection connection) throws SQLException {
        boolean postgres = postgres(connection);
        try (Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DROP TRIGGER IF EXISTS " + table + "_append_only" + (postgres ? " ON " + table : ""));
                if (postgres) {
                    statement.execute("DROP TRIGGER IF EXISTS " + table + "_no_truncate ON " + table);
                }
            }
        }
    }

    static List<String> createStatements(boolean postgres, List<String> tables) {
        List<String> statements = new ArrayList<>();
        if (postgres) {
            statements.add("CREATE OR REPLACE FUNCTION clearance_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP "
                    + "USING ERRCODE = 'insufficient_privilege'; END $$");
            for (String table : tables) {
                statements.add("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE OR DELETE ON " + table
                        + " FOR EACH ROW EXECUTE FUNCTION clearance_append_only()");
                statements.add("CREATE TRIGGER " + table + "_no_truncate BEFORE TRUNCATE ON " + table
                        + " FOR EACH STATEMENT EXECUTE FUNCTION clearance_append_only()");
            }
        } else {
            for (String table : tables) {
                statements.add("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
                        + " FOR EACH ROW CALL '" + AppendOnlyTrigger.class.getName() + "'");
            }
        }
        return statements;
    }

    static boolean postgres(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
    }
}
