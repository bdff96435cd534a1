package org.clearance.licences;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** What one shipment used of one licence (append-only); null quantity or amount: the licence does not limit it. */
@Entity
@Table(name = "licence_usage")
public class LicenceUsage extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "licence_id", nullable = false)
    public UUID licenceId;

    @Column(name = "screening_id", nullable = false)
    public UUID screeningId;

    public BigDecimal quantity;

    /** Value used, in the licence's currency. */
    public BigDecimal amount;

    @Column(name = "used_at", nullable = false)
    public Instant usedAt;

    @Column(name = "used_by", nullable = false)
    public String usedBy;
}
