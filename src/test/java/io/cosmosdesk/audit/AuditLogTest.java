package io.cosmosdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.files.PrivateFiles;
import io.cosmosdesk.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:15:30Z");

    @TempDir
    Path home;

    private static AuditEntry entry(String id, String operation) {
        return new AuditEntry(NOW.toString(), "ann", "Orders", "https://acct.documents.azure.com:443/", "retail",
                "orders", id, PartitionKeyValue.of("c1").toJsonArray(), operation, "ok", null, 200, null, "\"e1\"",
                "\"e2\"", Json.MAPPER.createObjectNode().put("id", id).put("n", 1),
                Json.MAPPER.createObjectNode().put("id", id).put("n", 2), null);
    }

    private AuditLog log(Path folder, int retentionDays, Instant now) {
        return new AuditLog(folder, () -> retentionDays, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void entriesGoToOneFilePerUtcDayAndReadBackNewestFirst() {
        Path folder = home.resolve("audit");
        try (AuditLog log = log(folder, 90, NOW)) {
            log.append(entry("a", "create"));
            log.append(List.of(entry("b", "replace"), entry("c", "delete")));
            assertThat(folder.resolve("2026-12-06.jsonl")).exists();
            assertThat(log.read(e -> true, 10)).extracting(AuditEntry::id).containsExactly("c", "b", "a");
            assertThat(log.read(e -> e.operation().equals("replace"), 10)).extracting(AuditEntry::id)
                    .containsExactly("b");
            assertThat(log.read(e -> true, 2)).extracting(AuditEntry::id).containsExactly("c", "b");
        }
    }

    @Test
    void appendsAtTheSameTimeLandWholeAndShareSyncs() throws Exception {
        Path folder = home.resolve("audit");
        try (AuditLog log = log(folder, 90, NOW)) {
            int threads = 8;
            int batches = 25;
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<Thread> appenders = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread appender = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int batch = 0; batch < batches; batch++) {
                        log.append(List.of(entry("t" + thread + "-" + batch + "-1", "move-copy"),
                                entry("t" + thread + "-" + batch + "-2", "move-copy")));
                    }
                });
                appender.start();
                appenders.add(appender);
            }
            go.countDown();
            for (Thread appender : appenders) {
                appender.join();
            }
            List<AuditEntry> all = log.read(e -> true, 10_000);
            assertThat(all).hasSize(threads * batches * 2);
            // each append's two lines stay together and in order
            List<AuditEntry> oldestFirst = new java.util.ArrayList<>(all);
            java.util.Collections.reverse(oldestFirst);
            for (int i = 0; i < oldestFirst.size(); i += 2) {
                String first = oldestFirst.get(i).id();
                assertThat(first).endsWith("-1");
                assertThat(oldestFirst.get(i + 1).id()).isEqualTo(first.substring(0, first.length() - 1) + "2");
            }
            assertThat(log.syncs()).isBetween(1L, (long) threads * batches);
        }
    }

    @Test
    void aBatchLineWithItsBodiesSplicedInReadsBackAsTheEntry() throws Exception {
        var before = Json.MAPPER.createObjectNode().put("id", "x").put("n", 1).put("_etag", "\"e1\"").put("_ts", 5);
        before.putObject("nested").putArray("list").add("ü").add(2);
        var after = Json.MAPPER.createObjectNode().put("id", "x").put("n", 2).put("_rid", "r");
        // known before the write is sent: who, where, which item, operation, ETag before, job
        AuditEntry known = new AuditEntry(null, "ann", "Orders", "https://a/", "retail", "orders", "x",
                PartitionKeyValue.of("c1").toJsonArray(), "move-copy", null, null, 0, null, "\"e1\"", null, null, null,
                "job-1");
        var knownFields = Json.MAPPER.<com.fasterxml.jackson.databind.node.ObjectNode>valueToTree(known);
        knownFields.remove("status");
        byte[] head = AuditLines.members(Json.MAPPER.writeValueAsBytes(knownFields));
        // what the answer decides
        AuditEntry answer = new AuditEntry(NOW.toString(), null, null, null, null, null, null, null, null, "ok", null,
                201, null, null, "\"e2\"", null, null, null);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        AuditLines.line(out, answer, head, AuditLines.body(before), AuditLines.body(after));
        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).endsWith("}\n").doesNotContain("\"_etag\"").doesNotContain("_rid").doesNotContain("_ts");
        AuditEntry read = AuditLog.parse(line.strip());
        AuditEntry whole = new AuditEntry(NOW.toString(), "ann", "Orders", "https://a/", "retail", "orders", "x",
                PartitionKeyValue.of("c1").toJsonArray(), "move-copy", "ok", null, 201, null, "\"e1\"", "\"e2\"",
                io.cosmosdesk.cosmos.ItemContent.withoutSystemProperties(before),
                Json.MAPPER.createObjectNode().put("id", "x").put("n", 2), "job-1");
        assertThat(read).isEqualTo(whole);
        // and without bodies (a delete that was done): no before/after keys at all
        java.io.ByteArrayOutputStream none = new java.io.ByteArrayOutputStream();
        AuditLines.line(none, answer, head, null, null);
        assertThat(AuditLog.parse(none.toString(StandardCharsets.UTF_8).strip()))
                .isEqualTo(new AuditEntry(whole.time(), whole.user(), whole.connection(), whole.endpoint(),
                        whole.database(), whole.container(), whole.id(), whole.partitionKey(), whole.operation(),
                        whole.outcome(), null, 201, null, whole.etagBefore(), whole.etagAfter(), null, null, "job-1"));
    }

    @Test
    void theNewestEntriesAreReadWithoutParsingTheRestOfTheDay() {
        Path folder = home.resolve("audit");
        try (AuditLog log = log(folder, 90, NOW)) {
            for (int batch = 0; batch < 20; batch++) {
                List<AuditEntry> entries = new java.util.ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    entries.add(entry("e-" + (batch * 100 + i), "create"));
                }
                log.append(entries);
            }
            AtomicInteger looked = new AtomicInteger();
            assertThat(log.read(e -> looked.incrementAndGet() > 0, 10)).extracting(AuditEntry::id)
                    .containsExactly("e-1999", "e-1998", "e-1997", "e-1996", "e-1995", "e-1994", "e-1993", "e-1992",
                            "e-1991", "e-1990");
            // the 10 newest of 2,000 lines: read from the end, the other 1,990 are never parsed
            assertThat(looked.get()).isEqualTo(10);

            List<List<String>> pages = new java.util.ArrayList<>();
            log.read(e -> true, 250, 20, 100, page -> pages.add(page.stream().map(AuditEntry::id).toList()));
            assertThat(pages).extracting(List::size).containsExactly(20, 100, 100, 30);
            assertThat(pages.get(0).get(0)).isEqualTo("e-1999");
            assertThat(pages.get(3).get(29)).isEqualTo("e-1750");
        }
    }

    @Test
    void aTornLastLineIsSkippedAndTheNextEntryStartsOnALineOfItsOwn() throws Exception {
        Path folder = home.resolve("audit");
        try (AuditLog log = log(folder, 90, NOW)) {
            log.append(entry("a", "create"));
        }
        Path file = folder.resolve("2026-12-06.jsonl");
        // a crash in the middle of a write: half a line, no newline
        Files.writeString(file, "{\"time\":\"2026-12-06T10:16:00Z\",\"id\":\"torn\",\"bef", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);

        try (AuditLog restarted = log(folder, 90, NOW)) {
            assertThat(restarted.read(e -> true, 10)).extracting(AuditEntry::id).containsExactly("a");
            restarted.append(entry("b", "replace"));
            assertThat(restarted.read(e -> true, 10)).extracting(AuditEntry::id).containsExactly("b", "a");
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).endsWith("\"bef");
        assertThat(AuditLog.parse(lines.get(2)).id()).isEqualTo("b");
    }

    @Test
    void daysOlderThanTheRetentionAreDeleted() throws Exception {
        Path folder = Files.createDirectories(home.resolve("audit"));
        for (String day : List.of("2026-12-01", "2026-12-03", "2026-12-04", "2026-12-05")) {
            Files.writeString(folder.resolve(day + ".jsonl"), "");
        }
        Files.writeString(folder.resolve("notes.txt"), "not ours");
        AtomicInteger retention = new AtomicInteger(3);
        try (AuditLog log = new AuditLog(folder, retention::get, Clock.fixed(NOW, ZoneOffset.UTC))) {
            log.append(entry("a", "create"));
        }
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("2026-12-04.jsonl", "2026-12-05.jsonl", "2026-12-06.jsonl", "notes.txt");
        }
    }

    @Test
    void theLogIsReadableByTheUserAlone() throws Exception {
        assumeTrue(PrivateFiles.posix());
        Path folder = home.resolve("data").resolve("audit");
        try (AuditLog log = log(folder, 90, NOW)) {
            log.append(entry("a", "create"));
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.getParent())))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("2026-12-06.jsonl"))))
                .isEqualTo("rw-------");
    }

    @Test
    void anEndpointIsLoggedWithoutCredentials() {
        assertThat(AuditEntries.safeEndpoint("https://user:secret@acct.documents.azure.com:443/?sig=abc"))
                .isEqualTo("https://acct.documents.azure.com:443/");
        assertThat(AuditEntries.safeEndpoint("AccountEndpoint=x;AccountKey=y")).isEqualTo("(not a URL)");
    }
}
