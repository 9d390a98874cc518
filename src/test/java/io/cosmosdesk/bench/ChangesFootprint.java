package io.cosmosdesk.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.changes.ChangeRow;
import io.cosmosdesk.changes.ChangeTracker;
import io.cosmosdesk.changes.CapturedRows;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import javax.management.ObjectName;

/**
 * What a Live changes tab keeps alive after N changes shaped as ChangesBenchmark's writer writes them (parsed by the
 * SDK's own mapper, with the service's system properties): its {@link ChangeTracker} and its newest
 * {@link CapturedRows#MAX_ROWS} rows, measured after full collections as live heap and objects, with the top classes.
 * No server, no UI: {@code java -cp ... io.cosmosdesk.bench.ChangesFootprint [items=60000]}. Not a timing, so no lock.
 *
 * <p>Session 16: 60,000 items, 1.58 M objects and 53.7 MB in the whole JVM, of which about 1.56 KB a row's tree.
 * Keeping the tracker's versions as JSON bytes (fed5918, reverted) made it 1.11 M objects and 45.1 MB, but a young
 * pause copies the newest rows' trees, which the table keeps, not the tracker's older versions.
 */
public final class ChangesFootprint {

    private ChangesFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 60_000;
        var sdkMapper = com.azure.cosmos.implementation.Utils.getSimpleObjectMapper();
        ChangeTracker tracker = new ChangeTracker(List.of("/customerId"));
        ArrayDeque<ChangeRow> rows = new ArrayDeque<>();
        for (int i = 0; i < items; i++) {
            String json = String.format(Locale.ROOT, "{\"id\":\"order-%07d\",\"customerId\":\"cust-%d\",\"status\":\"%s\","
                    + "\"total\":%d,\"writtenAtMillis\":%d,\"customer\":{\"name\":\"Customer %d\",\"city\":\"Oslo\"},"
                    + "\"_rid\":\"AAAAAAAAAAAB%d==\",\"_self\":\"dbs/x/colls/y/docs/%d/\",\"_etag\":\"\\\"%08x-0000-0000-0000-"
                    + "000000000000\\\"\",\"_attachments\":\"attachments/\",\"_ts\":%d,\"_lsn\":%d}", i, i % 200,
                    i % 3 == 0 ? "open" : "paid", 10 + i % 500, System.currentTimeMillis(), i % 200, i, i, i,
                    1_796_650_000 + i / 2_000, i);
            rows.addLast(tracker.track((ObjectNode) sdkMapper.readTree(json)));
            if (rows.size() > CapturedRows.MAX_ROWS) {
                rows.removeFirst();
            }
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {null}, new String[] {String[].class.getName()});
        String[] lines = histogram.strip().split("\n");
        System.out.printf(Locale.ROOT, "%,d changes, %,d rows kept: heap used after full collections %,d KB; whole JVM: "
                + "%s (objects, bytes)%n", items, rows.size(), used >> 10, lines[lines.length - 1].strip());
        for (int i = 0; i < 12 && i < lines.length - 1; i++) {
            System.out.println(lines[i]);
        }
        System.out.println(tracker.hashCode() == 0 ? "" : "(tracker kept to the end)");
    }
}
