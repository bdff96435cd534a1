package org.clearance.licences;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.audit.CanonicalJson;
import org.clearance.facts.CitedAuthorisation;
import org.clearance.facts.Line;
import org.clearance.facts.Order;
import org.clearance.order.OrderDocument;
import org.clearance.order.OrderInput;
import org.clearance.order.OrderParser;
import org.clearance.order.ParsedOrder;
import org.clearance.screening.Decision;
import org.clearance.screening.Screening;
import org.clearance.security.Actor;

/**
 * Marks a screened order shipped and takes what it ships off the licences it cites, in one transaction: the shipment
 * row (one per screening), one conditional decrement per licence ({@code remaining = remaining - n where remaining >= n},
 * so concurrent shipments never take a licence below zero), a usage row each, and the audit records. When anything is
 * refused, nothing changes.
 */
@ApplicationScoped
public class Shipments {

    private final AuditLog audit;
    private final EntityManager em;

    Shipments(AuditLog audit, EntityManager em) {
        this.audit = audit;
        this.em = em;
    }

    /** One licence the order cites, and what the cited lines take of it. */
    private record Take(Licence licence, BigDecimal quantity, BigDecimal value) {
    }

    public ShipmentView ship(UUID screeningId, Actor by) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            return QuarkusTransaction.requiringNew().call(() -> record(screeningId, by, now));
        } catch (ShipmentRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            // A concurrent request shipped the same screening first: the shipment's primary key refused this one.
            if (QuarkusTransaction.requiringNew().call(() -> Shipment.findById(screeningId) != null)) {
                throw new ShipmentRefusedException("Screening " + screeningId + " is already marked shipped; usage is unchanged.");
            }
            throw e;
        }
    }

    private ShipmentView record(UUID screeningId, Actor by, Instant now) {
        Screening screening = Screening.findById(screeningId);
        Shipment earlier = Shipment.findById(screeningId);
        if (earlier != null) {
            throw new ShipmentRefusedException("Screening " + screeningId + " was already marked shipped on "
                    + earlier.shippedAt + " by " + earlier.shippedBy + "; usage is unchanged.");
        }
        if (screening.decision == Decision.BLOCK) {
            throw new ShipmentRefusedException("Screening " + screeningId + " decided BLOCK: the order must not ship. "
                    + "Screen it again once it is authorised.");
        }
        Shipment shipment = new Shipment();
        shipment.screeningId = screeningId;
        shipment.shippedAt = now;
        shipment.shippedBy = by.name();
        shipment.persist();
        em.flush(); // the primary key refuses a concurrent second shipment here, before any licence changes
        List<ShipmentView.Usage> usages = new ArrayList<>();
        for (Take take : takes(order(screening))) {
            usages.add(use(take, screeningId, by, now));
        }
        ObjectNode content = CanonicalJson.object();
        content.put("screening_id", screeningId.toString());
        content.put("shipped_at", now.toString());
        content.put("shipped_by", by.name());
        ArrayNode used = content.putArray("licences");
        usages.forEach(u -> used.add(u.licenceId().toString()));
        audit.append(by, AuditAction.SCREENING_SHIPPED, screeningId.toString(), CanonicalJson.sha256(content));
        return new ShipmentView(screeningId, now, by.name(), usages);
    }

    private static Order order(Screening screening) {
        OrderInput.Json json = OrderInput.readJson("screening " + screening.id, screening.orderJson);
        ParsedOrder parsed = OrderParser.parse(new OrderDocument("screening " + screening.id, "", json.node()),
                screening.asOf, screening.asOf);
        if (!parsed.valid()) {
            throw new IllegalStateException("the stored order of screening " + screening.id + " no longer validates");
        }
        return parsed.order();
    }

    /** The registered licences the order cites, in id order (so that concurrent shipments lock them in one order). */
    private static List<Take> takes(Order order) {
        List<Take> takes = new ArrayList<>();
        for (CitedAuthorisation cited : order.authorisations()) {
            if (!cited.type().registered()) {
                continue; // general licences and exceptions have no register entry to use up
            }
            Licence licence = Licence.<Licence>find("jurisdiction = ?1 and referenceKey = ?2", cited.jurisdiction().name(),
                    cited.reference().toUpperCase(Locale.ROOT)).firstResult();
            if (licence == null) {
                throw new ShipmentRefusedException("The order cites " + cited.jurisdiction() + " licence "
                        + cited.reference() + ", which is not in the licence register.");
            }
            List<Line> lines = order.lines().stream().filter(l -> cited.citedFor(l.index())).toList();
            takes.add(new Take(licence, amount(licence, licence.quantityRemaining,
                    AuthorisationResolver.requestedQuantity(lines, licence.quantityUnit), "quantity in " + licence.quantityUnit),
                    amount(licence, licence.valueRemaining,
                            AuthorisationResolver.requestedValue(lines, licence.valueCurrency), "value in " + licence.valueCurrency)));
        }
        takes.sort(Comparator.comparing(t -> t.licence().id));
        return takes;
    }

    /** What the lines take of a limited licence (null when it has no such limit). */
    private static BigDecimal amount(Licence licence, BigDecimal remaining, BigDecimal requested, String what) {
        if (remaining == null) {
            return null;
        }
        if (requested == null) {
            throw new ShipmentRefusedException("Licence " + licence.jurisdiction + " " + licence.reference + " limits the "
                    + what + ", and a line it is cited for does not state it; usage is unchanged.");
        }
        return requested;
    }

    private ShipmentView.Usage use(Take take, UUID screeningId, Actor by, Instant now) {
        Licence licence = take.licence();
        if (take.quantity() != null && Licence.update("quantityRemaining = quantityRemaining - ?1 where id = ?2 "
                + "and quantityRemaining >= ?1", take.quantity(), licence.id) == 0) {
            throw tooLittleLeft(licence, "quantity", take.quantity(), licence.quantityUnit);
        }
        if (take.value() != null && Licence.update("valueRemaining = valueRemaining - ?1 where id = ?2 "
                + "and valueRemaining >= ?1", take.value(), licence.id) == 0) {
            throw tooLittleLeft(licence, "value", take.value(), licence.valueCurrency);
        }
        em.refresh(licence);
        LicenceUsage usage = new LicenceUsage();
        usage.id = UUID.randomUUID();
        usage.licenceId = licence.id;
        usage.screeningId = screeningId;
        usage.quantity = take.quantity();
        usage.amount = take.value();
        usage.usedAt = now;
        usage.usedBy = by.name();
        usage.persist();
        ObjectNode content = CanonicalJson.object();
        content.put("licence_id", licence.id.toString());
        content.put("screening_id", screeningId.toString());
        content.put("quantity", plain(take.quantity()));
        content.put("value", plain(take.value()));
        content.put("quantity_remaining", plain(licence.quantityRemaining));
        content.put("value_remaining", plain(licence.valueRemaining));
        audit.append(by, AuditAction.LICENCE_USED, licence.id.toString(), CanonicalJson.sha256(content));
        return new ShipmentView.Usage(licence.id, org.clearance.facts.Jurisdiction.valueOf(licence.jurisdiction),
                licence.reference, LicenceView.exact(take.quantity()), licence.quantityUnit,
                LicenceView.exact(licence.quantityRemaining), LicenceView.exact(take.value()), licence.valueCurrency,
                LicenceView.exact(licence.valueRemaining));
    }

    /** The licence has less left than the shipment takes (now, after any concurrent shipment): nothing changes. */
    private ShipmentRefusedException tooLittleLeft(Licence licence, String what, BigDecimal needed, String unit) {
        em.refresh(licence);
        BigDecimal left = what.equals("quantity") ? licence.quantityRemaining : licence.valueRemaining;
        return new ShipmentRefusedException("Licence " + licence.jurisdiction + " " + licence.reference + " has "
                + plain(left) + " " + unit + " of " + what + " left; this shipment needs " + plain(needed) + " " + unit
                + ". Nothing was recorded and usage is unchanged.");
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros().toPlainString();
    }
}
