package org.clearance.licences;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A registered licence or approval. The remaining quantity and value change only through the conditional decrement
 * of {@link Shipments}; every other column is written once, when the licence is registered.
 */
@Entity
@Table(name = "licence")
public class Licence extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String reference;

    @Column(name = "reference_key", nullable = false)
    public String referenceKey;

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    @Column(name = "holder_country", nullable = false)
    public String holderCountry;

    /** JSON array of item patterns. */
    @Column(nullable = false)
    public String items;

    /** JSON array of ISO country codes; empty: any destination. */
    @Column(nullable = false)
    public String destinations;

    /** JSON array of {name, country}; empty: any consignee. */
    @Column(nullable = false)
    public String consignees;

    @Column(name = "end_users", nullable = false)
    public String endUsers;

    @Column(name = "quantity_limit")
    public BigDecimal quantityLimit;

    @Column(name = "quantity_unit")
    public String quantityUnit;

    @Column(name = "quantity_remaining")
    public BigDecimal quantityRemaining;

    @Column(name = "value_limit")
    public BigDecimal valueLimit;

    @Column(name = "value_currency")
    public String valueCurrency;

    @Column(name = "value_remaining")
    public BigDecimal valueRemaining;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    public String conditions;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;
}
