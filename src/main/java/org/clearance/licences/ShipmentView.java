package org.clearance.licences;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.clearance.facts.Jurisdiction;

/** A recorded shipment and what it used of each licence the order cites, with what is left afterwards. */
public record ShipmentView(UUID screeningId, Instant shippedAt, String shippedBy, List<Usage> licences) {

    /** What the shipment used of one licence (null: the licence does not limit it) and what is left. */
    public record Usage(UUID licenceId, Jurisdiction jurisdiction, String reference, BigDecimal quantity,
                        String quantityUnit, BigDecimal quantityRemaining, BigDecimal value, String valueCurrency,
                        BigDecimal valueRemaining) {
    }
}
