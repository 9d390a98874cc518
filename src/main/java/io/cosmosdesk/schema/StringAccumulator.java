package io.cosmosdesk.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Length range, distinct count and most frequent values of the strings of one field, in bounded memory: counts
 * are exact up to {@link #EXACT_DISTINCT} distinct values; past that the distinct count comes from a HyperLogLog and
 * the frequent values from a Misra-Gries summary of {@link #SUMMARY_SIZE} counters (counts become lower bounds).
 * Values longer than {@link #KEPT_LENGTH} characters are kept as their start plus a hash of the whole.
 */
final class StringAccumulator {

    static final int EXACT_DISTINCT = 10_000;
    static final int SUMMARY_SIZE = 1_000;
    static final int KEPT_LENGTH = 200;
    static final int TOP = 10;

    private int minLength = Integer.MAX_VALUE;
    private int maxLength;
    /** Strings added: no estimate of how many were distinct may pass it. */
    private long added;
    private final Map<String, long[]> counts = new HashMap<>();
    private HyperLogLog distinctEstimate; // null while counts are exact

    void add(String value) {
        added++;
        int length = value.length() < 64 ? lengthOfShort(value) : value.codePointCount(0, value.length());
        minLength = Math.min(minLength, length);
        maxLength = Math.max(maxLength, length);
        String key = keyOf(value);
        long[] count = counts.get(key);
        if (count != null) {
            count[0]++;
        } else if (distinctEstimate == null && counts.size() < EXACT_DISTINCT) {
            counts.put(key, new long[] {1});
        } else {
            if (distinctEstimate == null) {
                distinctEstimate = new HyperLogLog();
                counts.keySet().forEach(k -> distinctEstimate.add(HyperLogLog.hash(k)));
                shrink(SUMMARY_SIZE);
            }
            if (counts.size() >= 2 * SUMMARY_SIZE) {
                shrink(SUMMARY_SIZE);
            }
            counts.put(key, new long[] {1});
        }
        if (distinctEstimate != null) {
            distinctEstimate.add(HyperLogLog.hash(key));
        }
    }

    /** Surrogate pairs are rare: count code points without a second pass for the common case. */
    private static int lengthOfShort(String value) {
        int length = value.length();
        for (int i = 0; i < value.length(); i++) {
            if (Character.isHighSurrogate(value.charAt(i))) {
                length--;
            }
        }
        return length;
    }

    private static String keyOf(String value) {
        if (value.length() <= KEPT_LENGTH) {
            return value;
        }
        return value.substring(0, KEPT_LENGTH) + "…" + Long.toHexString(HyperLogLog.hash(value));
    }

    private static String display(String key) {
        int cut = key.length() > KEPT_LENGTH ? key.lastIndexOf('…') : -1;
        return cut > 0 ? key.substring(0, cut + 1) : key;
    }

    /**
     * Misra-Gries: take the count of the {@code keep}-th most frequent value off every counter and drop those
     * left at zero, so at most {@code keep} remain and any value more frequent than n/keep is still there.
     */
    private void shrink(int keep) {
        if (counts.size() <= keep) {
            return;
        }
        long[] all = counts.values().stream().mapToLong(c -> c[0]).sorted().toArray();
        long cut = all[all.length - keep - 1] ;
        counts.values().forEach(c -> c[0] -= cut);
        counts.values().removeIf(c -> c[0] <= 0);
    }

    TypeSummary.Strings summary() {
        PriorityQueue<Map.Entry<String, long[]>> top = new PriorityQueue<>(TOP + 1,
                (a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(a.getValue()[0], b.getValue()[0])
                        : b.getKey().compareTo(a.getKey()));
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
            top.add(entry);
            if (top.size() > TOP) {
                top.poll();
            }
        }
        List<TypeSummary.ValueCount> values = new ArrayList<>();
        while (!top.isEmpty()) {
            Map.Entry<String, long[]> entry = top.poll();
            values.add(0, new TypeSummary.ValueCount(display(entry.getKey()), entry.getValue()[0]));
        }
        boolean exact = distinctEstimate == null;
        // the estimate errs either way (1.6 %): past the exact range, but never more than the values seen
        long distinct = exact ? counts.size()
                : Math.min(added, Math.max(distinctEstimate.estimate(), EXACT_DISTINCT + 1L));
        return new TypeSummary.Strings(minLength == Integer.MAX_VALUE ? 0 : minLength, maxLength, distinct, exact,
                values);
    }
}
