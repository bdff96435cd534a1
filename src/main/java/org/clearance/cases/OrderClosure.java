package org.clearance.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An order that is no longer open: shipped or cancelled, by whom and when. Its orders are not re-screened. */
@Entity
@Table(name = "order_closure")
public class OrderClosure extends PanacheEntityBase {

    @Id
    @Column(name = "order_id", length = 512)
    public String orderId;

    @Column(nullable = false, length = 16)
    public String state;

    @Column(name = "closed_at", nullable = false)
    public Instant closedAt;

    @Column(name = "closed_by", nullable = false, length = 600)
    public String closedBy;
}
