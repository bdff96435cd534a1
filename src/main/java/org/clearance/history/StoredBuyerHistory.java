package org.clearance.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;
import java.util.UUID;
import org.clearance.facts.BuyerHistory;
import org.clearance.facts.Order;
import org.clearance.parties.PartyKey;
import org.clearance.rules.RulePack;

/**
 * Customer history from the database: reads a buyer's earlier orders before a batch is screened and records each
 * screened order's CHP volume afterwards. A buyer is its normalised name and country ({@link PartyKey}); "earlier"
 * means another order id with an as-of date on or before this order's, so replaying an old order or
 * re-screening the same order gives the same history. Callers hold the transaction (ScreeningService).
 */
@ApplicationScoped
public class StoredBuyerHistory implements BuyerHistorySource {

    private final EntityManager entities;

    StoredBuyerHistory(EntityManager entities) {
        this.entities = entities;
    }

    @Override
    public List<BuyerHistory> before(List<Order> orders) {
        return before(orders, null);
    }

    /**
     * The history as a screening stored at {@code storedBefore} saw it: only rows of screenings stored before then
     * (for replaying it). A row replaced by a later re-screening of the same order is not seen.
     */
    public BuyerHistorySource asOf(java.time.Instant storedBefore) {
        return orders -> before(orders, storedBefore);
    }

    private List<BuyerHistory> before(List<Order> orders, java.time.Instant storedBefore) {
        List<BuyerHistory> histories = new ArrayList<>(orders.size());
        for (Order order : orders) {
            String key = PartyKey.of(order.buyer().name(), order.buyer().country());
            // One row per earlier order: two concurrent re-screenings of one order may both have recorded it.
            var query = entities.createQuery(storedBefore == null ? """
                    select b.orderId, max(b.chpLines), max(b.chpQuantity)
                    from BuyerOrder b where b.buyerKey = :key and b.orderId <> :orderId and b.asOf <= :asOf
                    group by b.orderId""" : """
                    select b.orderId, max(b.chpLines), max(b.chpQuantity)
                    from BuyerOrder b, Screening s where s.id = b.screeningId and s.screenedAt < :storedBefore
                    and b.buyerKey = :key and b.orderId <> :orderId and b.asOf <= :asOf
                    group by b.orderId""", Object[].class)
                    .setParameter("key", key).setParameter("orderId", order.id()).setParameter("asOf", order.date());
            if (storedBefore != null) {
                query.setParameter("storedBefore", storedBefore);
            }
            List<Object[]> earlier = query.getResultList();
            int chpOrders = 0;
            BigDecimal chpQuantity = BigDecimal.ZERO;
            for (Object[] row : earlier) {
                chpOrders += ((Number) row[1]).intValue() > 0 ? 1 : 0;
                chpQuantity = chpQuantity.add(new BigDecimal(row[2].toString()));
            }
            histories.add(new BuyerHistory(order.id(), key, earlier.size(), chpOrders, chpQuantity));
        }
        return histories;
    }

    /** Records (or replaces, when the order was screened before) the CHP volume of a screened order. */
    public void record(Order order, UUID screeningId, Set<String> chpCodes) {
        recordAll(List.of(new Screened(order, screeningId)), chpCodes);
    }

    /** An order as screened and stored, whose CHP volume is to be recorded. */
    public record Screened(Order order, UUID screeningId) {
    }

    /**
     * {@link #record} for the orders of one store chunk. Each earlier row of the same buyer and order is deleted
     * without flushing the chunk's pending screenings first: a flush before every statement made storing grow with
     * the square of the chunk. The rows this chunk adds are not in the database yet, so an order that appears twice
     * in the chunk is replaced here, in memory.
     */
    public void recordAll(List<Screened> screened, Set<String> chpCodes) {
        Map<String, BuyerOrder> added = new HashMap<>();
        for (Screened s : screened) {
            Order order = s.order();
            String key = PartyKey.of(order.buyer().name(), order.buyer().country());
            entities.createQuery("delete from BuyerOrder where buyerKey = ?1 and orderId = ?2")
                    .setParameter(1, key).setParameter(2, order.id())
                    .setFlushMode(FlushModeType.COMMIT).executeUpdate();
            BuyerOrder earlier = added.remove(key + "\u0000" + order.id());
            if (earlier != null) {
                entities.remove(earlier);
            }
            ChpVolume volume = ChpVolume.of(order, chpCodes);
            BuyerOrder row = new BuyerOrder();
            row.id = UUID.randomUUID();
            row.buyerKey = key;
            row.orderId = order.id();
            row.asOf = order.date();
            row.chpLines = volume.lines();
            row.chpQuantity = volume.quantity();
            row.screeningId = s.screeningId();
            entities.persist(row);
            added.put(key + "\u0000" + order.id(), row);
        }
    }
}
