package io.cosmosdesk.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Draws a sample spread over a container's key space and feeds it to {@link SchemaStatistics}. The reader offers
 * ranges: even slices of the partition-key hash space ({@link HashSlices}) where the keys are hashed evenly, else
 * the feed ranges (physical partitions) themselves. Each range gets an equal share, read a page at a time in turn
 * so the figures that fill in early already come from every range; a range that holds fewer items than its share
 * hands the rest to the others. Snapshots of the figures go to the listener at most every {@value #SNAPSHOT_MILLIS}
 * ms.
 */
final class SchemaSampler {

    static final long SNAPSHOT_MILLIS = 250;
    /** The first page of each range is small so the first figures come quickly from every range. */
    static final int FIRST_PAGE = 100;
    static final int PAGE = 1_000;

    private final RangeReader reader;

    SchemaSampler(RangeReader reader) {
        this.reader = Objects.requireNonNull(reader);
    }

    /**
     * Reads up to {@code target} items ({@link Long#MAX_VALUE}: all). Stops early, keeping what was read, when
     * {@code cancelled} turns true; the result says so.
     */
    SampleResult sample(long target, Consumer<SampleProgress> listener, BooleanSupplier cancelled) {
        int ranges = reader.rangeCount();
        long[] quota = new long[ranges];
        for (int i = 0; i < ranges; i++) {
            quota[i] = target == Long.MAX_VALUE ? Long.MAX_VALUE : target / ranges + (i < target % ranges ? 1 : 0);
        }
        String[] tokens = new String[ranges];
        boolean[] started = new boolean[ranges];
        boolean[] ended = new boolean[ranges];
        SchemaStatistics statistics = new SchemaStatistics();
        double charge = 0;
        long read = 0;
        long lastSnapshot = System.nanoTime();
        boolean stopped = false;
        try {
            boolean progressed = true;
            while (progressed) {
                progressed = false;
                for (int range = 0; range < ranges; range++) {
                    if (ended[range] || quota[range] <= 0) {
                        continue;
                    }
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException();
                    }
                    int max = (int) Math.min(started[range] ? PAGE : FIRST_PAGE, quota[range]);
                    RangeReader.Page page = reader.read(range, tokens[range], max);
                    started[range] = true;
                    progressed = true;
                    charge += page.requestCharge();
                    int taken = 0;
                    for (ObjectNode item : page.items()) {
                        if (taken >= quota[range]) {
                            break;
                        }
                        statistics.add(item);
                        taken++;
                    }
                    read += taken;
                    if (quota[range] != Long.MAX_VALUE) {
                        quota[range] -= taken;
                    }
                    tokens[range] = page.continuationToken();
                    if (tokens[range] == null) {
                        ended[range] = true;
                        handOn(quota, ended, range);
                    }
                    if (System.nanoTime() - lastSnapshot >= SNAPSHOT_MILLIS * 1_000_000) {
                        listener.accept(new SampleProgress(read, target, charge, statistics.summary()));
                        lastSnapshot = System.nanoTime();
                    }
                }
            }
        } catch (CancellationException e) {
            stopped = true;
        }
        SchemaSummary summary = statistics.summary();
        listener.accept(new SampleProgress(read, target, charge, summary));
        return new SampleResult(summary, read, charge, reader.feedRanges(),
                describe(target, read, ranges, reader.feedRanges(), reader.hashSlices(), stopped), stopped);
    }

    /** The unused share of an ended range goes, evenly, to the ranges still being read. */
    private static void handOn(long[] quota, boolean[] ended, int range) {
        long left = quota[range];
        quota[range] = 0;
        if (left == Long.MAX_VALUE || left <= 0) {
            return;
        }
        int open = 0;
        for (int i = 0; i < quota.length; i++) {
            if (!ended[i]) {
                open++;
            }
        }
        if (open == 0) {
            return;
        }
        int given = 0;
        for (int i = 0; i < quota.length; i++) {
            if (!ended[i]) {
                quota[i] += left / open + (given++ < left % open ? 1 : 0);
            }
        }
    }

    static String describe(long target, long read, int ranges, int feedRanges, boolean sliced, boolean stopped) {
        String items = String.format(Locale.ROOT, "%,d item%s", read, read == 1 ? "" : "s");
        String feeds = String.format(Locale.ROOT, "%d feed range%s", feedRanges, feedRanges == 1 ? "" : "s");
        String how;
        if (target == Long.MAX_VALUE) {
            how = !stopped ? "All " + items + " of the container"
                    : sliced ? String.format(Locale.ROOT, "%s of all, read in turn from %d even slices of the "
                            + "partition-key hash space (%s)", items, ranges, feeds)
                    : items + " of all, read " + (ranges == 1 ? "from the container's one feed range"
                            : String.format(Locale.ROOT, "in turn from its %d feed ranges", ranges));
        } else if (sliced) {
            how = String.format(Locale.ROOT, "%s from all over the partition-key space: an equal share from each "
                    + "of %d even slices of its hash range (%s), the first items of each slice in storage order; "
                    + "not a random sample", items, ranges, feeds);
        } else if (ranges == 1) {
            how = items + ": the first items of the container's one feed range (physical partition), in storage "
                    + "order; not a random sample";
        } else {
            how = String.format(Locale.ROOT, "%s: an equal share from each of the container's %d feed ranges "
                    + "(physical partitions), the first items of each in storage order; not a random sample",
                    items, ranges);
        }
        return stopped ? how + " (stopped before the end)." : how + ".";
    }
}
