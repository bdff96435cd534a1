package org.clearance.trade;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One trade statistic: what {@code reporter} declared it exported to or imported from {@code partner} (ISO 3166-1
 * alpha-2) of HS-6 code {@code hsCode} in one month, in US dollars.
 */
public record TradeRow(String reporter, String partner, String hsCode, YearMonth month, TradeFlow flow,
                       BigDecimal valueUsd) {

    /** The identity of a statistic: a re-import of the same key replaces the value. */
    public record Key(String reporter, String partner, String hsCode, YearMonth month, TradeFlow flow) {
    }

    public Key key() {
        return new Key(reporter, partner, hsCode, month, flow);
    }
}
