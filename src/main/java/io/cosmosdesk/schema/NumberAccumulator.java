package io.cosmosdesk.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Minimum, maximum, mean and a histogram of the numbers of one field. Min and max are kept exactly (a 30-digit
 * integer stays itself); the sum switches to exact decimals once a value is beyond what a double holds exactly,
 * so a mean never overflows to infinity.
 */
final class NumberAccumulator {

    private static final int HISTOGRAM_BINS = 12;

    private long count;
    private long outOfRange;
    private boolean integersOnly = true;
    private BigDecimal min;
    private BigDecimal max;
    private double minDouble = Double.POSITIVE_INFINITY;
    private double maxDouble = Double.NEGATIVE_INFINITY;
    private double sum;
    private double compensation;
    private BigDecimal exactSum;
    private final Reservoir reservoir;

    NumberAccumulator(long seed) {
        reservoir = new Reservoir(seed);
    }

    void add(JsonNode number) {
        double value = number.doubleValue();
        boolean big = number.isBigInteger() || number.isBigDecimal();
        if (!big && !Double.isFinite(value)) {
            outOfRange++; // a double that overflowed while the item was read: nothing exact is left of it
            return;
        }
        count++;
        if (integersOnly && !number.isIntegralNumber() && !(big && isWhole(number.decimalValue()))
                && !(number.isDouble() && value == Math.rint(value) && Math.abs(value) < 0x1p53)) {
            integersOnly = false;
        }
        if (value <= minDouble || min == null) {
            BigDecimal exact = number.decimalValue();
            if (min == null || exact.compareTo(min) < 0) {
                min = exact;
            }
            minDouble = min.doubleValue();
        }
        if (value >= maxDouble || max == null) {
            BigDecimal exact = number.decimalValue();
            if (max == null || exact.compareTo(max) > 0) {
                max = exact;
            }
            maxDouble = max.doubleValue();
        }
        if (exactSum == null && (big || Math.abs(value) >= 0x1p53)) {
            exactSum = new BigDecimal(sum + compensation);
        }
        if (exactSum != null) {
            exactSum = exactSum.add(number.decimalValue());
        } else { // Kahan summation: a long run of small values keeps its precision
            double y = value - compensation;
            double t = sum + y;
            compensation = (t - sum) - y;
            sum = t;
        }
        if (Double.isFinite(value)) {
            reservoir.offer(value);
        }
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
    }

    TypeSummary.Numbers summary() {
        double mean = count == 0 ? Double.NaN : exactSum != null
                ? exactSum.divide(BigDecimal.valueOf(count), MathContext.DECIMAL64).doubleValue() : sum / count;
        Histogram histogram = reservoir.histogram(clamp(minDouble), clamp(maxDouble), HISTOGRAM_BINS, integersOnly);
        return new TypeSummary.Numbers(min, max, mean, integersOnly, outOfRange, histogram);
    }

    private static double clamp(double value) {
        return Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, value));
    }
}
