package org.clearance.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.clearance.screening.Decision;

/**
 * A case as it stands now. Every change to it is also a {@link CaseEvent} and an audit record, written in the same
 * transaction; {@code version} makes two officers acting at once fail rather than overwrite each other.
 */
@Entity
@Table(name = "compliance_case")
public class ComplianceCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false, length = 512)
    public String orderId;

    /** The order id while the case is open, null once closed: the database allows one open case per order. */
    @Column(name = "open_order_id", length = 512)
    public String openOrderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Decision decision;

    @Column(name = "risk_score")
    public Integer riskScore;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public Priority priority;

    @Column(length = 600)
    public String assignee;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "release_proposed_by", length = 600)
    public String releaseProposedBy;

    @Column(name = "release_proposed_at")
    public Instant releaseProposedAt;

    @Version
    public long version;

    void setStatus(CaseStatus next, Instant at) {
        status = next;
        updatedAt = at;
        closedAt = next.closed() ? at : null;
        openOrderId = next.closed() ? null : orderId;
    }
}
