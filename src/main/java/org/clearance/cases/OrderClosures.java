package org.clearance.cases;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.clearance.audit.AuditAction;
import org.clearance.audit.AuditLog;
import org.clearance.audit.CanonicalJson;
import org.clearance.security.Actor;

/**
 * Marks orders shipped or cancelled, which ends their re-screening. Shipping an order on hold or rejected is refused:
 * only a CLEAR or released order ships.
 */
@ApplicationScoped
public class OrderClosures {

    public static final String SHIPPED = "shipped";
    public static final String CANCELLED = "cancelled";

    private final CaseService cases;
    private final AuditLog audit;

    OrderClosures(CaseService cases, AuditLog audit) {
        this.cases = cases;
        this.audit = audit;
    }

    /** Closes the order as {@code state}; {@code submittedBy} limits a screener to its own orders (null: any). */
    public OrderClosure close(String orderId, String state, String submittedBy, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OrderStatus status = cases.orderStatus(orderId, submittedBy);
            OrderClosure existing = OrderClosure.findById(orderId);
            if (existing != null) {
                throw new CaseConflictException("order-closed", "Order " + orderId + " was marked " + existing.state
                        + " at " + existing.closedAt + " by " + existing.closedBy + ".");
            }
            if (SHIPPED.equals(state) && (status.status() == OrderStatus.State.HOLD
                    || status.status() == OrderStatus.State.REJECTED)) {
                throw new CaseConflictException("order-not-released", "Order " + orderId + " is "
                        + status.status().label() + ": only a clear or released order ships"
                        + (status.caseId() == null ? "." : " (case " + status.caseId() + ")."));
            }
            OrderClosure closure = new OrderClosure();
            closure.orderId = orderId;
            closure.state = state;
            closure.closedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            closure.closedBy = actor.name();
            closure.persist();
            var content = CanonicalJson.object().put("order_id", orderId).put("state", state)
                    .put("closed_at", closure.closedAt.toString()).put("closed_by", closure.closedBy);
            audit.append(actor, "order." + state, orderId, CanonicalJson.sha256(content));
            return closure;
        });
    }
}
