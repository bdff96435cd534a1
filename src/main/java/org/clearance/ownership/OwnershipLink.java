package org.clearance.ownership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/** One row of the active ownership file: {@code owner} holds {@code share} percent of {@code entity}. */
@Entity
@Table(name = "ownership_link")
public class OwnershipLink extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "import_id", nullable = false)
    public UUID importId;

    @Column(nullable = false)
    public int line;

    @Column(nullable = false)
    public String entity;

    @Column(name = "entity_key", nullable = false)
    public String entityKey;

    @Column(nullable = false)
    public String owner;

    @Column(nullable = false)
    public BigDecimal share;

    @Column(nullable = false)
    public String source;

    OwnershipRow row() {
        return new OwnershipRow(line, entity, owner, share, source);
    }
}
