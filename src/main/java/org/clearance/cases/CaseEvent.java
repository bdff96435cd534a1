package org.clearance.cases;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a case's timeline: who did what, when, why, and the status it left. Never updated. */
@Entity
@Table(name = "case_event")
public class CaseEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false, length = 600)
    public String actor;

    /** A {@link CaseAction} label, or {@code opened}, {@code screening_attached}, {@code disposition}. */
    @Column(nullable = false, length = 32)
    public String action;

    @Column(length = 8000)
    public String reason;

    @Column(length = 8000)
    public String detail;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_after", nullable = false, length = 16)
    public CaseStatus statusAfter;
}
