package org.clearance.rules.active;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one row naming the pack every server runs (V17); {@link RulePackActivation} is its only writer. */
@Entity
@Table(name = "active_rule_pack")
public class ActiveRulePack extends PanacheEntityBase {

    /** Always 1: there is one active pack per database. */
    static final int ROW_ID = 1;

    @Id
    public Integer id;

    /** Grows by one with each change of pack. */
    @Column(nullable = false)
    public long activation;

    @Column(name = "pack_hash", nullable = false)
    public String packHash;

    @Column(name = "rule_pack_version_id", nullable = false)
    public long rulePackVersionId;

    /** The actor who activated it ({@code cli:<os user>}, a caller of the API, {@code system:watch}). */
    @Column(name = "activated_by", nullable = false)
    public String activatedBy;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    /** The folder it was activated from, on the activating machine. */
    public String directory;

    ActivePack view() {
        return new ActivePack(activation, packHash, rulePackVersionId, activatedBy, activatedAt, directory);
    }
}
