package org.clearance.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An officer's conclusion about one finding or party match of a case; the latest per subject counts. Never updated. */
@Entity
@Table(name = "case_disposition")
public class CaseDisposition extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    /** The {@link CaseSubject#key()} of the finding or match. */
    @Column(nullable = false, length = 2000)
    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public DispositionType disposition;

    @Column(nullable = false, length = 8000)
    public String reason;

    @Column(length = 128)
    public String authorisation;

    @Column(name = "decided_by", nullable = false, length = 600)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    @Column(name = "dismissal_id")
    public UUID dismissalId;
}
