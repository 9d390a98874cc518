package io.cosmosdesk.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.CompactJson;
import io.cosmosdesk.json.Json;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What a Load all's results cost the JVM beyond the SDK's own paging, without a server: each page's JSON is parsed to
 * trees as the SDK does (its garbage drives the young collections), converted to the tab's results and KEPT for the
 * pass, as the tab keeps 100,000. "before": each result with its own array and its item reference read at once
 * (session 12's QueryResult); "after": a page's results share one array and read their item reference when asked.
 * "parse only": the trees and nothing kept, as the raw SDK pass. Passes alternate before, after, parse only, parse
 * only, after, before in each round, each after the same settling (full GC, 300 ms idle);
 * printed per pass: wall, this JVM's CPU, GC count and time. Args: {@code [items=100000] [pageSize=1000] [rounds=3]}.
 * Run with {@code -Dbench.main=io.cosmosdesk.query.QueryResultRetentionBenchmark}.
 */
public final class QueryResultRetentionBenchmark {

    private QueryResultRetentionBenchmark() {
    }

    /** Session 12's result: its own array and its item reference, read as it was made. */
    private record Before(byte[] json, ItemRef itemRef) {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<byte[]> pages = new ArrayList<>();
        Random random = new Random(1);
        for (int from = 0; from < items; from += pageSize) {
            ArrayNode page = JsonNodeFactory.instance.arrayNode();
            for (int i = from; i < Math.min(items, from + pageSize); i++) {
                page.add(order(i, random));
            }
            pages.add(Json.MAPPER.writeValueAsBytes(page));
        }
        List<JsonPath> keyPaths = List.of(JsonPath.fromPointer("/customerId"));
        print("%,d items of ~%d bytes in pages of %,d; passes before, after, parse only, parse only, after, before in each round, each after a "
                + "full GC and 300 ms idle; load %.1f", items, pages.get(0).length / pageSize, pageSize, load());
        pass(pages, keyPaths, false); // warm-up of both
        pass(pages, keyPaths, true);
        List<double[]> before = new ArrayList<>();
        List<double[]> after = new ArrayList<>();
        List<double[]> parseOnly = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            before.add(pass(pages, keyPaths, false));
            after.add(pass(pages, keyPaths, true));
            parseOnly.add(pass(pages, keyPaths, null));
            parseOnly.add(pass(pages, keyPaths, null));
            after.add(pass(pages, keyPaths, true));
            before.add(pass(pages, keyPaths, false));
        }
        String[] what = {"wall ms", "JVM CPU ms", "GCs", "GC ms"};
        for (int f = 0; f < what.length; f++) {
            int field = f;
            print("median %-10s parse only (as the raw SDK pass) %,8.0f | before %,8.0f | after %,8.0f | parse only "
                    + "%s | before %s | after %s", what[f], median(parseOnly.stream().map(a -> a[field]).toList()),
                    median(before.stream().map(a -> a[field]).toList()), median(after.stream().map(a -> a[field])
                            .toList()), format(parseOnly, field), format(before, field), format(after, field));
        }
        print("load %.1f", load());
    }

    /** {@code after}: true, false (before), or null: the trees only, nothing converted or kept (the raw pass). */
    private static double[] pass(List<byte[]> pages, List<JsonPath> keyPaths, Boolean after) throws Exception {
        System.gc();
        Thread.sleep(300);
        long gcCount = gcCount();
        long gcMillis = gcMillis();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        List<Object> kept = new ArrayList<>();
        for (byte[] json : pages) {
            List<JsonNode> values = new ArrayList<>();
            Json.MAPPER.readTree(json).forEach(values::add); // the SDK's trees: the garbage of every page
            if (after == null) {
                kept.add(values.size());
                continue;
            }
            try (CompactJson compact = new CompactJson()) {
                if (after) {
                    kept.addAll(QueryResult.ofPage(values, keyPaths, compact));
                } else {
                    for (JsonNode value : values) {
                        kept.add(new Before(compact.bytes(value), new ItemRef(value.get("id").textValue(),
                                PartitionKeyValue.fromItemAt(value, keyPaths))));
                    }
                }
            }
        }
        double[] figures = {(System.nanoTime() - start) / 1e6, (processCpuNanos() - cpu) / 1e6,
            gcCount() - gcCount, gcMillis() - gcMillis};
        if (kept.isEmpty()) { // kept, and so live, to the end of the pass, as the tab keeps its results
            throw new IllegalStateException("nothing kept");
        }
        return figures;
    }

    private static ObjectNode order(int i, Random random) {
        int customer = random.nextInt(5_000);
        ObjectNode order = JsonNodeFactory.instance.objectNode()
                .put("id", String.format(Locale.ROOT, "order-%07d", i)).put("type", "order")
                .put("customerId", "cust-" + customer);
        order.putObject("customer").put("name", "Customer " + customer).put("email", "c" + customer + "@example.com")
                .putObject("address").put("city", "City " + customer % 50).put("country", "NL");
        order.put("status", random.nextBoolean() ? "delivered" : "shipped");
        ArrayNode lines = order.putArray("lineItems");
        for (int l = 0; l < 2; l++) {
            lines.addObject().put("sku", "SKU-" + random.nextInt(400)).put("quantity", 1 + random.nextInt(3))
                    .put("price", random.nextInt(10_000) / 100.0);
        }
        order.put("total", random.nextInt(100_000) / 100.0).put("_rid", "rid" + i).put("_etag", "\"e" + i + "\"")
                .put("_ts", 1_700_000_000 + i);
        return order;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<double[]> passes, int field) {
        return passes.stream().map(a -> String.format(Locale.ROOT, "%.0f", a[field])).toList().toString();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void print(String format, Object... args) {
        System.out.println("[QueryResultRetentionBenchmark] " + String.format(Locale.ROOT, format, args));
    }
}
