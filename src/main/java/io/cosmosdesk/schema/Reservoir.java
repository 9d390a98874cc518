package io.cosmosdesk.schema;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform random sample of at most {@link #CAPACITY} doubles out of any number offered (Vitter's algorithm R),
 * so a histogram can be drawn from a bounded amount of memory whatever the number of values.
 */
final class Reservoir {

    static final int CAPACITY = 1_024;

    private final double[] values = new double[CAPACITY];
    private final SplittableRandom random;
    private long seen;

    Reservoir(long seed) {
        this.random = new SplittableRandom(seed);
    }

    void offer(double value) {
        if (seen < CAPACITY) {
            values[(int) seen] = value;
        } else {
            long slot = random.nextLong(seen + 1);
            if (slot < CAPACITY) {
                values[(int) slot] = value;
            }
        }
        seen++;
    }

    long seen() {
        return seen;
    }

    /** The kept values (a copy). */
    double[] values() {
        return Arrays.copyOf(values, (int) Math.min(seen, CAPACITY));
    }

    /**
     * Up to {@code maxBins} equal bins from {@code min} to {@code max}, counts scaled to all values seen; whole-number
     * data with a small range gets one bin per number.
     */
    Histogram histogram(double min, double max, int maxBins, boolean wholeNumbers) {
        double[] kept = values();
        if (kept.length == 0 || !Double.isFinite(min) || !Double.isFinite(max)) {
            return Histogram.EMPTY;
        }
        int bins;
        double width;
        if (max <= min) {
            bins = 1;
            width = 0;
        } else if (wholeNumbers && max - min + 1 <= maxBins) {
            bins = (int) (max - min + 1);
            width = 1;
        } else {
            bins = maxBins;
            width = (max - min) / bins;
        }
        long[] counts = new long[bins];
        for (double value : kept) {
            int bin = width == 0 ? 0 : (int) Math.floor((value - min) / width);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        double scale = (double) seen / kept.length;
        Histogram.Bin[] result = new Histogram.Bin[bins];
        for (int i = 0; i < bins; i++) {
            double from = min + i * width;
            double to = width == 0 ? max : (wholeNumbers && width == 1 ? from : from + width);
            result[i] = new Histogram.Bin(from, to, Math.round(counts[i] * scale));
        }
        return new Histogram(Arrays.asList(result), kept.length < seen);
    }
}
