package org.clearance.history;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.clearance.facts.BuyerHistory;
import org.clearance.facts.Order;
import org.clearance.parties.PartyKey;
import org.clearance.rules.RulePack;

/**
 * Customer history from the database: reads a buyer's earlier orders before a batch is screened and records each
 * screened order's CHP volume afterwards. A buyer is its normalised name and country ({@link PartyKey}); "earlier"
 * means another order id with an as-of date on or before this order's, so replaying an old order or
 * re-screening the same order gives the same history. The history is summed from {@code buyer_day} (one row per
 * buyer and day, kept with every change to {@code buyer_order}), so its cost does not grow with the buyer's orders.
 * Callers hold the transaction (ScreeningService).
 */
@ApplicationScoped
public class StoredBuyerHistory implements BuyerHistorySource {

    private final EntityManager entities;

    StoredBuyerHistory(EntityManager entities) {
        this.entities = entities;
    }

    /** Each order's history from what is stored: the orders of the same list do not see each other. */
    @Override
    public List<BuyerHistory> before(List<Order> orders) {
        return histories(orders, null);
    }

    /**
     * A source whose orders also see the orders before them in the same list, as if each had been stored before the
     * next was screened: a batch or a streamed run gives the same histories however it is cut into chunks.
     * {@code chpCodes} are the pack's CHP codes, to measure the orders not yet stored.
     */
    public BuyerHistorySource countingEarlierInBatch(Set<String> chpCodes) {
        return orders -> histories(orders, chpCodes);
    }

    /** The figures one stored order, or a day of a buyer's orders, adds to a history. */
    private record Volume(LocalDate asOf, int orders, int chpOrders, BigDecimal chpQuantity) {

        static Volume of(Order order, Set<String> chpCodes) {
            ChpVolume volume = ChpVolume.of(order, chpCodes);
            return new Volume(order.date(), 1, volume.lines() > 0 ? 1 : 0, volume.quantity());
        }
    }

    /** A history being summed. */
    private static final class Sum {
        int orders;
        int chpOrders;
        BigDecimal chpQuantity = BigDecimal.ZERO;

        void add(Volume volume, int sign) {
            orders += sign * volume.orders();
            chpOrders += sign * volume.chpOrders();
            chpQuantity = sign > 0 ? chpQuantity.add(volume.chpQuantity()) : chpQuantity.subtract(volume.chpQuantity());
        }
    }

    private List<BuyerHistory> histories(List<Order> orders, Set<String> chpCodesOfBatch) {
        List<String> keys = orders.stream().map(StoredBuyerHistory::key).toList();
        Map<String, TreeMap<LocalDate, Volume>> days = days(keys.stream().distinct().toList());
        Map<String, List<Volume>> stored = storedRows(orders.stream().map(Order::id).distinct().toList());
        // The orders of this list seen so far, by buyer and order id: each replaces what is stored for its id.
        Map<String, Map<String, Volume>> earlierInBatch = new HashMap<>();
        List<BuyerHistory> histories = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            Order order = orders.get(i);
            String key = keys.get(i);
            LocalDate asOf = order.date();
            Sum sum = new Sum();
            days.getOrDefault(key, new TreeMap<>()).headMap(asOf, true).values().forEach(v -> sum.add(v, 1));
            subtractStored(sum, stored, key, order.id(), asOf); // never its own history
            Map<String, Volume> batch = earlierInBatch.computeIfAbsent(key, k -> new HashMap<>());
            batch.forEach((orderId, volume) -> {
                if (!orderId.equals(order.id())) {
                    subtractStored(sum, stored, key, orderId, asOf);
                    if (!volume.asOf().isAfter(asOf)) {
                        sum.add(volume, 1);
                    }
                }
            });
            if (chpCodesOfBatch != null) {
                batch.put(order.id(), Volume.of(order, chpCodesOfBatch));
            }
            histories.add(new BuyerHistory(order.id(), key, sum.orders, sum.chpOrders, sum.chpQuantity));
        }
        return histories;
    }

    private static void subtractStored(Sum sum, Map<String, List<Volume>> stored, String key, String orderId,
                                       LocalDate asOf) {
        for (Volume row : stored.getOrDefault(rowKey(key, orderId), List.of())) {
            if (!row.asOf().isAfter(asOf)) {
                sum.add(row, -1);
            }
        }
    }

    /** The stored days of these buyers, by buyer and day. */
    private Map<String, TreeMap<LocalDate, Volume>> days(List<String> keys) {
        Map<String, TreeMap<LocalDate, Volume>> days = new HashMap<>();
        for (List<String> part : parts(keys)) {
            List<Object[]> rows = entities.createNativeQuery("""
                    SELECT buyer_key, as_of, orders, chp_orders, chp_quantity FROM buyer_day WHERE buyer_key IN (:keys)""",
                    Object[].class).setParameter("keys", part).setFlushMode(FlushModeType.COMMIT).getResultList();
            for (Object[] row : rows) {
                LocalDate day = localDate(row[1]);
                days.computeIfAbsent((String) row[0], k -> new TreeMap<>()).put(day, new Volume(day,
                        ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), new BigDecimal(row[4].toString())));
            }
        }
        return days;
    }

    /** The stored rows of these order ids, by buyer and order id (more than one after two re-screenings at once). */
    private Map<String, List<Volume>> storedRows(List<String> orderIds) {
        Map<String, List<Volume>> rows = new HashMap<>();
        for (StoredRow row : storedRowsOf(orderIds)) {
            rows.computeIfAbsent(rowKey(row.buyerKey(), row.orderId()), k -> new ArrayList<>()).add(row.volume());
        }
        return rows;
    }

    /** One row of buyer_order. */
    private record StoredRow(UUID id, String buyerKey, String orderId, Volume volume) {
    }

    private List<StoredRow> storedRowsOf(List<String> orderIds) {
        List<StoredRow> rows = new ArrayList<>();
        for (List<String> part : parts(orderIds)) {
            entities.createQuery("""
                    select b.id, b.buyerKey, b.orderId, b.asOf, b.chpLines, b.chpQuantity
                    from BuyerOrder b where b.orderId in :ids""", Object[].class)
                    .setParameter("ids", part).setFlushMode(FlushModeType.COMMIT).getResultList()
                    .forEach(row -> rows.add(new StoredRow((UUID) row[0], (String) row[1], (String) row[2],
                            new Volume((LocalDate) row[3], 1, ((Number) row[4]).intValue() > 0 ? 1 : 0,
                                    (BigDecimal) row[5]))));
        }
        return rows;
    }

    /**
     * The history as a screening stored at {@code storedBefore} saw it: only rows of screenings stored before then
     * (for replaying it). A row replaced by a later re-screening of the same order is not seen.
     */
    public BuyerHistorySource asOf(Instant storedBefore) {
        return orders -> {
            List<BuyerHistory> histories = new ArrayList<>(orders.size());
            for (Order order : orders) {
                String key = key(order);
                // One row per earlier order: two concurrent re-screenings of one order may both have recorded it.
                List<Object[]> earlier = entities.createQuery("""
                        select b.orderId, max(b.chpLines), max(b.chpQuantity)
                        from BuyerOrder b, Screening s where s.id = b.screeningId and s.screenedAt < :storedBefore
                        and b.buyerKey = :key and b.orderId <> :orderId and b.asOf <= :asOf
                        group by b.orderId""", Object[].class)
                        .setParameter("key", key).setParameter("orderId", order.id()).setParameter("asOf", order.date())
                        .setParameter("storedBefore", storedBefore).getResultList();
                int chpOrders = 0;
                BigDecimal chpQuantity = BigDecimal.ZERO;
                for (Object[] row : earlier) {
                    chpOrders += ((Number) row[1]).intValue() > 0 ? 1 : 0;
                    chpQuantity = chpQuantity.add(new BigDecimal(row[2].toString()));
                }
                histories.add(new BuyerHistory(order.id(), key, earlier.size(), chpOrders, chpQuantity));
            }
            return histories;
        };
    }

    /** Records (or replaces, when the order was screened before) the CHP volume of a screened order. */
    public void record(Order order, UUID screeningId, Set<String> chpCodes) {
        recordAll(List.of(new Screened(order, screeningId)), chpCodes);
    }

    /** An order as screened and stored, whose CHP volume is to be recorded. */
    public record Screened(Order order, UUID screeningId) {
    }

    /**
     * {@link #record} for the orders of one store chunk, in a few statements. The days the orders fall on are locked
     * first (in one order, so that two chunks cannot wait for each other), and only then are the rows these orders
     * already have read: two transactions re-screening one order at the same moment take turns, and the second sees
     * and replaces the first's row. Old rows are deleted in one statement, new ones inserted in JDBC batches, and the
     * buyers' days moved by the difference. No statement flushes the chunk's pending screenings first (that made
     * storing grow with the square of the chunk). An order that appears twice in the chunk is replaced in memory.
     */
    public void recordAll(List<Screened> screened, Set<String> chpCodes) {
        Map<DayKey, Sum> added = new TreeMap<>(DAY_ORDER);
        for (Screened s : screened) {
            change(added, key(s.order()), Volume.of(s.order(), chpCodes), 1);
        }
        moveDays(added, true); // locks the days
        Map<String, List<StoredRow>> existing = new HashMap<>();
        storedRowsOf(screened.stream().map(s -> s.order().id()).distinct().toList())
                .forEach(row -> existing.computeIfAbsent(rowKey(row.buyerKey(), row.orderId()), k -> new ArrayList<>()).add(row));
        Map<String, BuyerOrder> rows = new LinkedHashMap<>();
        List<UUID> deleted = new ArrayList<>();
        Map<DayKey, Sum> removed = new TreeMap<>(DAY_ORDER);
        for (Screened s : screened) {
            Order order = s.order();
            String key = key(order);
            String rowKey = rowKey(key, order.id());
            BuyerOrder earlier = rows.remove(rowKey);
            if (earlier != null) {
                change(removed, key, new Volume(earlier.asOf, 1, earlier.chpLines > 0 ? 1 : 0, earlier.chpQuantity), -1);
            }
            for (StoredRow row : existing.getOrDefault(rowKey, List.of())) {
                deleted.add(row.id());
                change(removed, key, row.volume(), -1);
            }
            existing.remove(rowKey);
            ChpVolume volume = ChpVolume.of(order, chpCodes);
            BuyerOrder row = new BuyerOrder();
            row.id = UUID.randomUUID();
            row.buyerKey = key;
            row.orderId = order.id();
            row.asOf = order.date();
            row.chpLines = volume.lines();
            row.chpQuantity = volume.quantity();
            row.screeningId = s.screeningId();
            rows.put(rowKey, row);
        }
        rows.values().forEach(entities::persist); // after the loop: a replaced row of this chunk is never inserted
        for (List<UUID> part : parts(deleted)) {
            entities.createQuery("delete from BuyerOrder where id in :ids").setParameter("ids", part)
                    .setFlushMode(FlushModeType.COMMIT).executeUpdate();
        }
        moveDays(removed, false);
    }

    /** Days in one fixed order: the order their rows are locked in. */
    private static final Comparator<DayKey> DAY_ORDER =
            Comparator.comparing(DayKey::buyerKey).thenComparing(DayKey::asOf);

    /** A buyer's day. */
    private record DayKey(String buyerKey, LocalDate asOf) {
    }

    private static void change(Map<DayKey, Sum> changes, String key, Volume volume, int sign) {
        changes.computeIfAbsent(new DayKey(key, volume.asOf()), k -> new Sum()).add(volume, sign);
    }

    /**
     * Adds each change to its buyer's day; the update locks the day's row until the commit. With {@code create}, the
     * rows are first made to exist, in a transaction of their own: two transactions inserting the same new day would
     * otherwise fail one of them, while two updates of one row simply wait for each other. A day left at zero by a
     * rolled-back chunk changes no sum. (A day a stored row counts in exists already.)
     */
    private void moveDays(Map<DayKey, Sum> changes, boolean create) {
        if (changes.isEmpty()) {
            return;
        }
        if (create) {
            List<DayKey> missing = missingDays(changes.keySet());
            if (!missing.isEmpty()) {
                createMissingDays(missing);
            }
        }
        entities.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE buyer_day SET orders = orders + ?, chp_orders = chp_orders + ?, chp_quantity = chp_quantity + ?
                    WHERE buyer_key = ? AND as_of = ?""")) {
                for (Map.Entry<DayKey, Sum> change : changes.entrySet()) { // in DAY_ORDER: see recordAll
                    update.setInt(1, change.getValue().orders);
                    update.setInt(2, change.getValue().chpOrders);
                    update.setBigDecimal(3, change.getValue().chpQuantity);
                    update.setString(4, change.getKey().buyerKey());
                    update.setObject(5, change.getKey().asOf());
                    update.addBatch();
                }
                update.executeBatch();
            }
        });
    }

    /** The days that have no row yet, read without locking. */
    private List<DayKey> missingDays(Collection<DayKey> days) {
        Map<String, TreeMap<LocalDate, Volume>> stored = days(days.stream().map(DayKey::buyerKey).distinct().toList());
        return days.stream()
                .filter(day -> !stored.getOrDefault(day.buyerKey(), new TreeMap<>()).containsKey(day.asOf()))
                .toList();
    }

    /**
     * Inserts, at zero, the days that have no row yet, in a transaction of its own (only when some are missing, so a
     * chunk of known buyers costs no second transaction); tried again when another process inserted one of them
     * meanwhile.
     */
    private void createMissingDays(List<DayKey> days) {
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    List<DayKey> missing = missingDays(days);
                    if (missing.isEmpty()) {
                        return;
                    }
                    entities.unwrap(org.hibernate.Session.class).doWork(connection -> {
                        try (PreparedStatement insert = connection.prepareStatement("""
                                INSERT INTO buyer_day (buyer_key, as_of, orders, chp_orders, chp_quantity)
                                VALUES (?, ?, 0, 0, 0)""")) {
                            for (DayKey day : missing) {
                                insert.setString(1, day.buyerKey());
                                insert.setObject(2, day.asOf());
                                insert.addBatch();
                            }
                            insert.executeBatch();
                        }
                    });
                });
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static String key(Order order) {
        return PartyKey.of(order.buyer().name(), order.buyer().country());
    }

    private static String rowKey(String buyerKey, String orderId) {
        return buyerKey + "\u0000" + orderId;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** Lists cut for IN clauses: a few hundred values per statement on any database. */
    private static <T> List<List<T>> parts(List<T> values) {
        List<List<T>> parts = new ArrayList<>();
        for (int from = 0; from < values.size(); from += 500) {
            parts.add(values.subList(from, Math.min(values.size(), from + 500)));
        }
        return parts;
    }
}
