package org.clearance.licences;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A screened order marked shipped, once per screening (append-only). */
@Entity
@Table(name = "shipment")
public class Shipment extends PanacheEntityBase {

    @Id
    @Column(name = "screening_id")
    public UUID screeningId;

    @Column(name = "shipped_at", nullable = false)
    public Instant shippedAt;

    @Column(name = "shipped_by", nullable = false)
    public String shippedBy;
}
