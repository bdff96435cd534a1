package org.clearance.screening;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A stored screening: the order as received, what was decided, why, and under which rule pack. */
@Entity
@Table(name = "screening")
public class Screening extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false, length = 512)
    public String orderId;

    /** Where the order came from: a file (and position), or "api". */
    @Column(length = 10000)
    public String source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict_us", nullable = false)
    public Decision verdictUs;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict_eu", nullable = false)
    public Decision verdictEu;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict_uk", nullable = false)
    public Decision verdictUk;

    @Enumerated(EnumType.STRING)
    @Column(name = "verdict_jp", nullable = false)
    public Decision verdictJp;

    @Column(name = "rule_pack", nullable = false)
    public String rulePack;

    /** The rule_pack_version row of the pack that screened this order (GET /api/v1/rules/versions). */
    @Column(name = "rule_pack_version_id", nullable = false)
    public Long rulePackVersionId;

    /** The list versions parties were matched against (list_import ids, sorted, comma-separated); null: none. */
    @Column(name = "list_versions", length = 4000)
    public String listVersions;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(name = "screened_at", nullable = false)
    public Instant screenedAt;

    /** Who submitted it: the authenticated principal, or {@code cli:<user>}; a screener reads only its own. */
    @Column(name = "submitted_by")
    public String submittedBy;

    /** Why each regime applies or not, as JSON (regime → {@link NexusView}); null for older screenings. */
    @Column(name = "applicability", columnDefinition = "text")
    public String applicability;

    @Column(name = "order_json", nullable = false, columnDefinition = "text")
    public String orderJson;

    /**
     * The country risks the rules were given: the SHA-256 naming a {@code country_risk_set} row ({@link CountryRiskSets}).
     * Null for screenings stored before they were recorded, which a replay says.
     */
    @Column(name = "country_risk_set", length = 64)
    public String countryRiskSet;

    /** The buyer history the rules were given, as JSON ({@link ScreeningContext}); null when none was given. */
    @Column(name = "buyer_history", columnDefinition = "text")
    public String buyerHistory;

    /**
     * What the licence register said about the licences the order cites, as JSON ({@link
     * org.clearance.licences.RecordedLicences}); null when the order cites no authorisation, or for screenings stored
     * before it was recorded.
     */
    @Column(name = "cited_licences", columnDefinition = "text")
    public String citedLicences;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "screening_finding", joinColumns = @JoinColumn(name = "screening_id"))
    @OrderColumn(name = "position")
    public List<StoredFinding> findings = new ArrayList<>();

    /** The risk score (null for screenings stored before risk scoring) and the score that calls for review. */
    @Column(name = "risk_score")
    public Integer riskScore;

    @Column(name = "risk_review_score")
    public Integer riskReviewScore;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "screening_risk_factor", joinColumns = @JoinColumn(name = "screening_id"))
    @OrderColumn(name = "position")
    public List<StoredRiskFactor> riskFactors = new ArrayList<>();

    /** The party names and countries and route countries the list is searched by; lazy, as only queries read them. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "screening_search_term", joinColumns = @JoinColumn(name = "screening_id"))
    @OrderColumn(name = "position")
    public List<SearchTerm> searchTerms = new ArrayList<>();

    /** The party matches the rules were given: what an officer's disposition of a match refers to. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "screening_party_match", joinColumns = @JoinColumn(name = "screening_id"))
    @OrderColumn(name = "position")
    public List<StoredPartyMatch> partyMatches = new ArrayList<>();
}
