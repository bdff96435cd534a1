package org.clearance.webhooks;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A URL that receives case events, until an administrator disables it. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 2000)
    public String url;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 600)
    public String createdBy;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_by", length = 600)
    public String disabledBy;
}
