package org.clearance.lists;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One version of a source as imported: file hash, publication date (if the file has one), when it was
 * imported and how many entries it has. At most one version per source is active.
 */
@Entity
@Table(name = "list_import")
public class ListImport extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ListFormat format;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    @Column(name = "entry_count", nullable = false)
    public int entryCount;

    @Column(name = "file_name", length = 1000)
    public String fileName;

    /** Who imported it: the authenticated caller, cli:&lt;user&gt;, or system:&lt;what&gt; for scheduled downloads. */
    @Column(name = "imported_by")
    public String importedBy;

    @Column(nullable = false)
    public boolean active;

    public static Optional<ListImport> active(String source) {
        return find("source = ?1 and active = true", source).firstResultOptional();
    }

    public static List<ListImport> allActive() {
        return list("active = true order by source");
    }

    public static List<ListImport> history(String source) {
        return list("source = ?1 order by importedAt desc", source);
    }

    /** Short label of this version for findings: first 12 hex digits of the hash, plus the publication date. */
    public String label() {
        return source + " " + sha256.substring(0, 12) + (publishedOn == null ? "" : " published " + publishedOn)
                + " imported " + importedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }
}
