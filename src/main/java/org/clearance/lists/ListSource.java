package org.clearance.lists;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named feed lists are imported from (e.g. {@code ofac-sdn}), with the format its files have. */
@Entity
@Table(name = "list_source")
public class ListSource extends PanacheEntityBase {

    @Id
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ListFormat format;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
