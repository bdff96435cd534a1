package org.clearance.ownership;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One import of an ownership file: its hash, row count, when and by whom. At most one is active. */
@Entity
@Table(name = "ownership_import")
public class OwnershipImport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "file_name")
    public String fileName;

    @Column(name = "link_count", nullable = false)
    public int linkCount;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "imported_by", nullable = false)
    public String importedBy;

    @Column(nullable = false)
    public boolean active;

    public static Optional<OwnershipImport> active() {
        return find("active = true").firstResultOptional();
    }
}
