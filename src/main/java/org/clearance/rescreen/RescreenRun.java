package org.clearance.rescreen;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One re-screening run: its cause, how many orders were open, how many the change could affect (considered), how many
 * were screened again, and how many of those changed and were stored.
 */
@Entity
@Table(name = "rescreen_run")
public class RescreenRun extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 1000)
    public String cause;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    @Column(name = "open_orders", nullable = false)
    public int openOrders;

    @Column(nullable = false)
    public int considered;

    @Column(nullable = false)
    public int rescreened;

    @Column(nullable = false)
    public int changed;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    @Column(name = "triggered_by", nullable = false, length = 600)
    public String triggeredBy;
}
