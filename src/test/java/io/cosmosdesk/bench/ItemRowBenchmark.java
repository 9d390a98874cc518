package io.cosmosdesk.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemRow;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Making the grid's rows from a page's items, no server: {@link ItemRow#of} per item (a key path parse and a new
 * JSON writer per row) against one {@link ItemRow.Maker} per 1,000-item page, alternating in one JVM, BrowseBenchmark's
 * ~400-byte orders. Prints the thread CPU and bytes allocated per 100,000 rows, medians and spreads of the rounds.
 *
 * <p>Args: {@code [items=100000] [rounds=15]}.
 */
public final class ItemRowBenchmark {

    private ItemRowBenchmark() {
    }

    public static void main(String[] args) {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Random random = new Random(42);
        List<ObjectNode> orders = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            orders.add(BrowseBenchmark.order(i, random));
        }
        List<String> keyPaths = List.of("/customerId");
        double[][] cpu = new double[2][rounds];
        double[][] alloc = new double[2][rounds];
        long sink = 0;
        for (int r = -3; r < rounds; r++) { // 3 warm-up rounds
            for (int k = 0; k < 2; k++) {
                int kind = (r + k) % 2 == 0 ? 0 : 1; // alternate which runs first
                System.gc();
                long c0 = threads.getCurrentThreadCpuTime();
                long a0 = threads.getCurrentThreadAllocatedBytes();
                for (int from = 0; from < items; from += 1_000) {
                    List<ObjectNode> page = orders.subList(from, Math.min(items, from + 1_000));
                    if (kind == 0) {
                        for (ObjectNode item : page) {
                            sink += ItemRow.of(item, keyPaths).sizeInBytes();
                        }
                    } else {
                        ItemRow.Maker maker = new ItemRow.Maker(keyPaths);
                        for (ObjectNode item : page) {
                            sink += maker.make(item).sizeInBytes();
                        }
                    }
                }
                if (r >= 0) {
                    cpu[kind][r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6 * 100_000 / items;
                    alloc[kind][r] = (threads.getCurrentThreadAllocatedBytes() - a0) / 1e6 * 100_000 / items;
                }
            }
        }
        print("%,d rows of ~400-byte orders, %d rounds alternating, load average %.2f (sink %d)", items, rounds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), sink % 10);
        print("ItemRow.of per item:    CPU per 100,000 rows median %.0f ms (%.0f-%.0f), allocated %.0f MB", median(cpu[0]),
                min(cpu[0]), max(cpu[0]), median(alloc[0]));
        print("ItemRow.Maker per page: CPU per 100,000 rows median %.0f ms (%.0f-%.0f), allocated %.0f MB", median(cpu[1]),
                min(cpu[1]), max(cpu[1]), median(alloc[1]));
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = cpu[1][r] / cpu[0][r];
        }
        print("Maker / of, CPU per round: median %.2f (%.2f-%.2f)", median(ratio), min(ratio), max(ratio));
        System.exit(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    private static void print(String format, Object... args) {
        System.out.println("[item-rows] " + String.format(Locale.ROOT, format, args));
    }
}
