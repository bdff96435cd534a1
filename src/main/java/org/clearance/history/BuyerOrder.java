package org.clearance.history;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One screened order of a buyer and its CHP volume: the row customer history is computed from. */
@Entity
@Table(name = "buyer_order")
public class BuyerOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The buyer's normalised name and country ({@link org.clearance.parties.PartyKey}). */
    @Column(name = "buyer_key", nullable = false)
    public String buyerKey;

    @Column(name = "order_id", nullable = false)
    public String orderId;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    /** How many lines of the order are CHP items (0 for an order without any). */
    @Column(name = "chp_lines", nullable = false)
    public int chpLines;

    /** The summed quantity of the order's CHP lines, in the units ordered. */
    @Column(name = "chp_quantity", nullable = false)
    public BigDecimal chpQuantity;

    @Column(name = "screening_id", nullable = false)
    public UUID screeningId;
}
