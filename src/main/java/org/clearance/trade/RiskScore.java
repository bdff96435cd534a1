package org.clearance.trade;

/**
 * Turns the three signals of docs/trade.md into a 0–100 score. The weights follow trade-baselines.md §5: the surge
 * of CHP exports to Russia and its neighbours is the main signal (up to 60 points, full at five times the baseline,
 * the order of Turkey's 5.6×); rising CHP imports from the G7 (up to 20, full at +60%, Turkey's figure) and a mirror
 * gap (up to 20, full when partners report less than half of what the reporter says it sent) corroborate it.
 */
public final class RiskScore {

    static final int SURGE_MAX = 60;
    static final int G7_MAX = 20;
    static final int MIRROR_MAX = 20;
    /** Surge points per unit of ratio above 1 (ratio 5 → 60). */
    static final double SURGE_PER_RATIO = 15.0;
    /** G7 import growth that earns the full 20 points. */
    static final double G7_FULL = 0.60;
    /** Mirror gap share that earns the full 20 points. */
    static final double MIRROR_FULL = 0.50;

    private RiskScore() {
    }

    /** The points from each signal; {@code total()} is the score. */
    public record Parts(int surge, int g7Imports, int mirrorGap) {
        public int total() {
            return surge + g7Imports + mirrorGap;
        }
    }

    /**
     * @param exportRatio period / baseline exports; null when the baseline is zero
     * @param newFlow     exports in the period where the baseline had none
     */
    static Parts of(Double exportRatio, boolean newFlow, Double g7Change, Double mirrorGap) {
        int surge = newFlow ? SURGE_MAX : exportRatio == null ? 0 : points((exportRatio - 1) * SURGE_PER_RATIO, SURGE_MAX);
        int g7 = g7Change == null ? 0 : points(g7Change / G7_FULL * G7_MAX, G7_MAX);
        int mirror = mirrorGap == null ? 0 : points(mirrorGap / MIRROR_FULL * MIRROR_MAX, MIRROR_MAX);
        return new Parts(surge, g7, mirror);
    }

    private static int points(double raw, int max) {
        return (int) Math.max(0, Math.min(max, Math.round(raw)));
    }
}
