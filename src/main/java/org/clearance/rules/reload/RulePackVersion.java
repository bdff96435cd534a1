package org.clearance.rules.reload;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A rule pack that went live: its hash, when, what triggered it and how many rules it had. */
@Entity
@Table(name = "rule_pack_version")
public class RulePackVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String hash;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    /** A {@link ReloadTrigger} label. */
    @Column(name = "activated_by", nullable = false)
    public String activatedBy;

    /** Who made it live: the caller of POST /rules/reload, or system:&lt;trigger&gt; for startup and the watcher. */
    @Column(name = "triggered_by")
    public String triggeredBy;

    /** Null for backfilled versions, whose rules are unknown. */
    @Column(name = "rule_count")
    public Integer ruleCount;

    public String directory;
}
