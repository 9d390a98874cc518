package io.cosmosdesk.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.CompactJson;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The Items tab's row making alone (figures printed): a page of BrowseBenchmark's order items made into rows one mapper
 * call per item ({@link ItemRow#ofParsed}, as before session 19) against one converter for the stream's pages
 * ({@link ItemRow#ofPage}), in one JVM, alternating, each timed by this thread's CPU and allocation, so the figure
 * does not move with the machine's load as a whole pass's does. Args: {@code [pages=100] [pageSize=1000] [rounds=8]}.
 */
public final class RowConversionBenchmark {

    private RowConversionBenchmark() {
    }

    public static void main(String[] args) {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Random random = new Random(42);
        List<ObjectNode> page = new ArrayList<>();
        for (int i = 0; i < pageSize; i++) {
            page.add(BrowseBenchmark.order(i, random));
        }
        List<JsonPath> keyPaths = ItemRow.parsePaths(List.of("/customerId"));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        System.out.printf(Locale.ROOT, "[rows] load average at start %.2f; %d pages of %d items per pass%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), pages, pageSize);
        long sink = 0;
        for (int r = 0; r <= rounds; r++) {
            for (int side = 0; side < 2; side++) {
                boolean perItem = (side == 0) == (r % 2 == 0); // ABBA...
                long cpu = threads.getCurrentThreadCpuTime();
                long bytes = threads.getThreadAllocatedBytes(self);
                CompactJson compact = new CompactJson();
                for (int p = 0; p < pages; p++) {
                    List<ItemRow> rows;
                    if (perItem) {
                        rows = new ArrayList<>(page.size());
                        for (ObjectNode item : page) {
                            rows.add(ItemRow.ofParsed(item, keyPaths));
                        }
                    } else {
                        rows = ItemRow.ofPage(page, keyPaths, compact);
                    }
                    sink += rows.get(rows.size() - 1).sizeInBytes();
                }
                long cpuNanos = threads.getCurrentThreadCpuTime() - cpu;
                long allocated = threads.getThreadAllocatedBytes(self) - bytes;
                System.out.printf(Locale.ROOT, "[rows] round %d%s %-22s CPU %,5d ms = %.2f us per item; allocated %,d MB%n",
                        r, r == 0 ? " (warm-up)" : "", perItem ? "mapper call per item" : "one converter (ofPage)",
                        cpuNanos / 1_000_000, cpuNanos / 1e3 / (pages * (double) pageSize), allocated >> 20);
            }
        }
        System.out.println("[rows] (" + sink + ")");
    }
}
