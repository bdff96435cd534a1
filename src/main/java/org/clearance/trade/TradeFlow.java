package org.clearance.trade;

/** Direction of a trade statistic as the reporter declares it; Comtrade's {@code flowCode} X and M. */
public enum TradeFlow {
    EXPORT("X"), IMPORT("M");

    private final String comtradeCode;

    TradeFlow(String comtradeCode) {
        this.comtradeCode = comtradeCode;
    }

    public String comtradeCode() {
        return comtradeCode;
    }
}
