package org.clearance.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

/** Verifies and exports the audit trail on a connection of its own (read only, outside any transaction). */
@ApplicationScoped
public class AuditService {

    private final AgroalDataSource dataSource;

    AuditService(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public VerifyReport verify(Anchor anchor) {
        try (Connection connection = dataSource.getConnection()) {
            return AuditVerifier.verify(connection, anchor);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

    /** The records whose time is in [from, to), with the chain value just before the first of them. */
    public AuditExport.Range range(Instant from, Instant to) {
        try (Connection connection = dataSource.getConnection()) {
            return AuditExport.range(connection, from, to);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit trail: " + e.getMessage(), e);
        }
    }

}
