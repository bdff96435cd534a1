package org.clearance.trade;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/** A stored trade statistic (table {@code trade_statistic}, one row per {@link TradeRow.Key}). */
@Entity
@Table(name = "trade_statistic")
public class TradeStatistic extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String reporter;

    @Column(nullable = false)
    public String partner;

    @Column(name = "hs_code", nullable = false)
    public String hsCode;

    @Column(name = "period_year", nullable = false)
    public int periodYear;

    @Column(name = "period_month", nullable = false)
    public int periodMonth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TradeFlow flow;

    @Column(name = "value_usd", nullable = false, precision = 18, scale = 2)
    public BigDecimal valueUsd;

    @Column(name = "imported_at", nullable = false)
    public Instant importedAt;

    static TradeStatistic of(TradeRow row, Instant now) {
        TradeStatistic s = new TradeStatistic();
        s.id = UUID.randomUUID();
        s.reporter = row.reporter();
        s.partner = row.partner();
        s.hsCode = row.hsCode();
        s.periodYear = row.month().getYear();
        s.periodMonth = row.month().getMonthValue();
        s.flow = row.flow();
        s.valueUsd = row.valueUsd();
        s.importedAt = now;
        return s;
    }

    TradeRow row() {
        return new TradeRow(reporter, partner, hsCode, YearMonth.of(periodYear, periodMonth), flow, valueUsd);
    }
}
