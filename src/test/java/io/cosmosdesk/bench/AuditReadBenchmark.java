package io.cosmosdesk.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditEntry;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditViewModel;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Reading the audit log for the viewer (figures printed, not asserted): a day file of N entries with item bodies
 * before and after (~1 KB each, like a move's), read as the viewer reads it (newest first from the file's end, the
 * first 100 shown at once, up to 5,000) and, in the same run, as it was read before session 10 (the whole day file
 * parsed from its start, then reversed). Prints the median of 5 of each, and the load.
 *
 * <p>Args: {@code [entries=5000,50000]} (comma-separated day sizes).
 */
public final class AuditReadBenchmark {

    private static final Instant DAY = Instant.parse("2026-12-06T08:00:00Z");

    private AuditReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String sizes = args.length > 0 ? args[0] : "5000,50000";
        System.out.println("uptime at start: " + ChangesBenchmark.uptime());
        for (String size : sizes.split(",")) {
            run(Integer.parseInt(size.strip()));
        }
        System.out.println("uptime at the end: " + ChangesBenchmark.uptime());
    }

    private static void run(int count) throws Exception {
        Path folder = Files.createTempDirectory("audit-read-bench").resolve("audit");
        try (AuditLog log = new AuditLog(folder, () -> 90, Clock.fixed(DAY, ZoneOffset.UTC))) {
            List<AuditEntry> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(entry(i));
                if (batch.size() == 500) {
                    log.append(batch);
                    batch.clear();
                }
            }
            log.append(batch);
            Path file = folder.resolve("2026-12-06.jsonl");
            long bytes = Files.size(file);
            List<Long> first = new ArrayList<>();
            List<Long> all = new ArrayList<>();
            List<Long> old = new ArrayList<>();
            for (int round = 0; round < 6; round++) {
                long start = System.nanoTime();
                long[] firstAt = {0};
                int[] read = {0};
                log.read(e -> true, AuditViewModel.LIMIT + 1, 100, 1_000, page -> {
                    if (firstAt[0] == 0) {
                        firstAt[0] = System.nanoTime();
                    }
                    read[0] += page.size();
                    return true;
                });
                long end = System.nanoTime();
                long oldStart = System.nanoTime();
                int oldRead = readWholeDayThenReverse(file, AuditViewModel.LIMIT + 1);
                long oldEnd = System.nanoTime();
                if (round > 0) { // the first round warms the JIT and the page cache
                    first.add((firstAt[0] - start) / 1_000_000);
                    all.add((end - start) / 1_000_000);
                    old.add((oldEnd - oldStart) / 1_000_000);
                }
                if (read[0] != oldRead) {
                    throw new IllegalStateException(read[0] + " vs " + oldRead);
                }
            }
            System.out.println(String.format(Locale.ROOT, "%,d entries in one day file (%,.1f MB): newest 100 shown "
                    + "after %d ms, %,d shown (the viewer caps at 5,000) in %d ms (medians of 5; %,d read: the "
                    + "viewer reads one entry past its cap to know whether to say there are older ones); before "
                    + "session 10 (whole day parsed, then reversed): %d ms", count, bytes / 1e6, median(first),
                    Math.min(count, AuditViewModel.LIMIT), median(all), Math.min(count, AuditViewModel.LIMIT + 1),
                    median(old)));
        }
    }

    /** How the viewer read before: every line of the day parsed, then the newest {@code limit} kept. */
    private static int readWholeDayThenReverse(Path file, int limit) throws Exception {
        List<Object> ofDay = new ArrayList<>();
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                ofDay.add(Json.MAPPER.readValue(line, AuditEntry.class));
            }
        }
        Collections.reverse(ofDay);
        return Math.min(limit, ofDay.size());
    }

    private static AuditEntry entry(int i) {
        ObjectNode before = Json.MAPPER.createObjectNode().put("id", "order-" + i).put("customerId", "c-" + i % 97)
                .put("status", "open").put("total", i % 500);
        before.putObject("customer").put("name", "Customer " + i % 97).put("city", "Oslo")
                .put("notes", "x".repeat(600));
        ObjectNode after = before.deepCopy().put("status", "paid");
        return new AuditEntry(DAY.plusMillis(i).toString(), "ann", "Bench", "https://127.0.0.1:8081/", "bench",
                "orders", "order-" + i, PartitionKeyValue.of("c-" + i % 97).toJsonArray(), "replace", "ok", null,
                200, null, "\"e1\"", "\"e2\"", before, after, null);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
