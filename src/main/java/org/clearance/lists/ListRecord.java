package org.clearance.lists;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A stored list entry of one imported version. The searchable parts have columns; {@code entryJson} keeps the
 * whole {@link ListEntry} so the matcher is rebuilt from the database exactly as the reader produced it.
 */
@Entity
@Table(name = "list_record")
public class ListRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "import_id", nullable = false)
    public UUID importId;

    /** The list the entry is on, as the publisher names it ({@code US-OFAC-SDN}, {@code US-BIS-EL}…). */
    @Column(name = "list_code", nullable = false)
    public String listCode;

    @Column(name = "source_id", nullable = false)
    public String sourceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "entity_type", nullable = false)
    public EntityType entityType;

    @Column(name = "primary_name", nullable = false, length = 2000)
    public String primaryName;

    /** ISO codes, comma-separated. */
    @Column(length = 1000)
    public String countries;

    /** Programs or annexes, "; "-separated. */
    @Column(length = 4000)
    public String programs;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    @Column(name = "entry_json", nullable = false, columnDefinition = "text")
    public String entryJson;

    @ElementCollection
    @CollectionTable(name = "list_record_name", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    public List<RecordName> names = new ArrayList<>();

    /** The identifiers matched exactly, for look-ups by value (list_record_identifier, indexed by match key). */
    @ElementCollection
    @CollectionTable(name = "list_record_identifier", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "position")
    public List<RecordIdentifier> identifiers = new ArrayList<>();
}
