package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.collections.transformation.FilteredList;

/**
 * Runs a Live changes tab's reading path over made-up change-feed pages while the tab starts, on a background thread,
 * so the JIT has compiled it before the first real changes arrive: the SDK's parsing of a page (its own Jackson mapper
 * over the response bytes, then its item deserialiser), the tracker (keys, sizes, the diff of two versions, the rows)
 * and the tab's row list (the ring and the filtered list over it; not the table, which {@link TableWarmUp} warms).
 * Without it the JVM compiled that code in the first second or two after Live, when the changes first poured in:
 * about 1.9 s of compiling on a 2-core machine in the 0.6-2 s after Live (session 16's flight recording, of which
 * ~450 ms Jackson's parser and ~70 ms {@link ChangeTracker#estimatedChars}), while the UI thread waited for a core.
 *
 * <p>It reads nothing and writes nothing: the pages are text made here, parsed into a tracker and rows of its own
 * that nothing else sees, then dropped. It gives up as soon as {@code giveUp} says so (the tab stopped or closed, or
 * real rows arrived, whose own reading compiles the same code), and after {@link #MAX_MILLIS} whatever it got to.
 * Compiled code is the JVM's, not a tab's: once it has run to its end, later tabs skip it ({@link #claim}).
 */
final class FeedWarmUp {

    /** How a change-feed response body becomes items: the SDK's way ({@link ChangeFeedService#itemsOfPage}). */
    @FunctionalInterface
    interface PageParser {
        List<ObjectNode> items(byte[] body);
    }

    /** Items a made-up page holds (~1 KB each): a page ends soon enough for the warm-up to stop when told. */
    static final int ITEMS_PER_PAGE = 250;
    /**
     * Items a page holds while it waits for the JIT: enough to keep the compiled methods running, little to allocate.
     * Allocating at the first pages' pace for seconds made the collector grow the young generation to ~200 MB before
     * Live (against ~25 MB without the warm-up; a flight recording's heap summaries), and its first collection after
     * Live then copied more of the tab's rows (85 ms against 38 ms).
     */
    static final int ITEMS_WHILE_WAITING = 25;
    /** Pages parsed and tracked at once, before it watches the JIT: each item's next version from the second on. */
    static final int PAGES = Integer.getInteger("cosmosdesk.feedWarmUp.pages", 8);
    /** The longest it runs: on a machine too busy for it, the tab says Live after this all the same. */
    static final long MAX_MILLIS = Long.getLong("cosmosdesk.feedWarmUp.maxMillis", 3_000);
    /** The JIT is done with what was queued once its total compile time has not grown for this long. */
    static final long QUIET_MILLIS = Long.getLong("cosmosdesk.feedWarmUp.quietMillis", 150);
    /** Between pages while it waits for the JIT, at least: the methods it compiles keep running, at a small cost. */
    private static final long PAUSE_MILLIS = 20;
    /** The made-up items' partition key: the tracker's path code is the same for any path. */
    private static final List<String> KEY_PATHS = List.of("/tenantId");
    /** Rows the made-up list keeps: fewer than the pages bring, so it drops the oldest as a long-running tab does. */
    private static final int ROWS_KEPT = 1_000;
    /**
     * Versions its tracker remembers: fewer than the pages bring, so it forgets the oldest as a long-running tab's does,
     * and what it keeps stays small (the tab's 20,000 versions of ~1 KB would be tens of MB the collector copies).
     */
    private static final int VERSIONS_KEPT = 1_000;

    /** The warm-up of an app without one (tests): finished before it began, so no tab runs it. */
    static final FeedWarmUp NONE = new FeedWarmUp(body -> List.of(), true);

    private final PageParser parser;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean finished;

    FeedWarmUp(PageParser parser) {
        this(parser, false);
    }

    private FeedWarmUp(PageParser parser, boolean finished) {
        this.parser = parser;
        this.finished = finished;
    }

    /** The app's: pages parsed as the SDK parses a change-feed response. */
    static FeedWarmUp sdk() {
        return new FeedWarmUp(ChangeFeedService::itemsOfPage);
    }

    /**
     * Parses and tracks made-up pages (background thread): {@link #PAGES} at once, then one every
     * {@link #PAUSE_MILLIS} until the JIT has compiled what they asked for, or {@code giveUp}, or {@link #MAX_MILLIS};
     * returns the pages it got through. Runs nothing when it has run to its end before, or runs now for another tab.
     *
     * <p>Why it goes on after the first pages: they run in a fraction of a second, interpreted and in C1's profiling
     * code, and the server compiler (C2) only takes a method once its profiled code has run enough, then compiles it
     * while the queue (and, on a busy machine, the cores) allow. Stopped after a fixed number of pages, the warm-up
     * left its C2 compilations to the first second after Live all the same (a flight recording under load: Jackson's
     * tree deserialiser and JsonPath.toString at level 3 only, compiled at level 4 at +470 and +600 ms after Live).
     * It is done once the JIT's total compile time has not grown for {@link #QUIET_MILLIS} (the table's warm-up
     * compiles meanwhile too: this waits for those as well).
     */
    int run(BooleanSupplier giveUp) {
        if (finished || !running.compareAndSet(false, true)) {
            return 0;
        }
        long deadline = System.nanoTime() + MAX_MILLIS * 1_000_000L;
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        int pages = 0;
        try {
            ChangeTracker tracker = new ChangeTracker(KEY_PATHS, VERSIONS_KEPT, ChangeTracker.DEFAULT_REMEMBERED_CHARS);
            CapturedRows rows = new CapturedRows(ROWS_KEPT, CapturedRows.MAX_BODY_CHARS);
            FilteredList<ChangeRow> shown = new FilteredList<>(rows.rows()); // listens to the ring as the tab's does
            long compiled = -1;
            long quietSince = 0;
            while (!giveUp.getAsBoolean() && System.nanoTime() < deadline) {
                long pageStart = System.nanoTime();
                List<ObjectNode> items = parser.items(page(pages, pages < PAGES ? ITEMS_PER_PAGE : ITEMS_WHILE_WAITING));
                List<ChangeRow> batch = new ArrayList<>(items.size());
                for (ObjectNode item : items) {
                    batch.add(tracker.track(item));
                }
                rows.add(batch);
                pages++;
                // at most half a core: the tab's first layout and drawing, and the JIT, need the others meanwhile
                long pageMillis = (System.nanoTime() - pageStart) / 1_000_000L;
                if (pages < PAGES) {
                    Thread.sleep(pageMillis);
                    continue;
                }
                long now = jitTimed ? jit.getTotalCompilationTime() : 0;
                if (now != compiled) {
                    compiled = now;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= QUIET_MILLIS * 1_000_000L) {
                    finished = true;
                    break;
                }
                Thread.sleep(Math.max(PAUSE_MILLIS, pageMillis));
            }
            java.lang.ref.Reference.reachabilityFence(shown); // it listened (weakly held) to every page's change
            return pages;
        } catch (InterruptedException cancelled) {
            Thread.currentThread().interrupt();
            return pages;
        } finally {
            running.set(false);
        }
    }

    /** Whether it has run to its end: later tabs skip it. */
    boolean isFinished() {
        return finished;
    }

    /**
     * A change-feed response body as the service sends it: {@code {"_rid":…,"Documents":[…],"_count":N}}, each item
     * with the system properties and a mix of what items hold (strings, some empty, escaped or not ASCII; whole
     * numbers small and beyond an int, negative and decimal ones, one with an exponent; booleans, null, nested and
     * empty objects and arrays; field names of every length from 1 to 20 bytes, which the parser reads by length).
     * Half the items of page {@code number} are new, half the next version of an item of the page before (all new on
     * the first page): both the tracker's "new" and its diff. A branch the pages never took is one the compiled code
     * gives up at later: the JIT compiles it as never taken, then throws the code away and compiles it again when
     * real items take it (a flight recording: the parser's code for 9-12-byte names at +522 ms after Live).
     */
    static byte[] page(int number) {
        return page(number, ITEMS_PER_PAGE);
    }

    private static byte[] page(int number, int size) {
        StringBuilder json = new StringBuilder(size * 1_200);
        json.append("{\"_rid\":\"d2FybXVw\",\"Documents\":[");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                json.append(',');
            }
            item(json, i % 2 == 0 ? "w" + number + "-" + i : "warm-up-" + i, i, number % 2);
        }
        return json.append("],\"_count\":").append(size).append('}').toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void item(StringBuilder json, String id, int i, int version) {
        long ts = 1_700_000_000L + i + version * 60L;
        String status = (i + version) % 3 == 0 ? "open" : (i + version) % 3 == 1 ? "paid" : "shipped";
        json.append("{\"id\":\"").append(id).append('"')
                .append(",\"tenantId\":\"tenant-").append(i % 37).append('"')
                .append(",\"status\":\"").append(status).append('"')
                .append(",\"total\":").append(10 + (i * 7 + version) % 900)
                .append(",\"price\":").append(i % 100).append('.').append(10 + (i + version) % 90)
                .append(",\"paid\":").append((i + version) % 2 == 0)
                .append(",\"updatedAt\":").append(1_765_000_000_000L + i * 1_000L + version)
                .append(",\"balance\":").append(i % 7 == 0 ? "-1.5e3" : "-" + (i % 40))
                .append(",\"code\":\"").append(i % 9 == 0 ? "" : "caf\\u00e9-" + i % 11).append('"')
                .append(",\"extra\":").append(i % 6 == 0 ? "{}" : i % 6 == 1 ? "[]" : "{\"k\":" + i % 3 + "}")
                .append(",\"note\":").append(i % 5 == 0 ? "null" : "\"line \\\"" + i + "\\\"\\n" + (version == 0
                        ? "first" : "again") + "\"")
                .append(",\"city\":\"").append(i % 4 == 0 ? "Tromsø" : "Oslo").append('"')
                .append(",\"orderDate\":\"2026-12-0").append(1 + i % 9).append('"')
                .append(",\"customerNo\":").append(100_000 + i)
                .append(",\"description\":\"").append(version == 0 ? "A made-up item" : "An item made up").append('"')
                .append(",\"shippingCost\":").append(4 + version).append(".95")
                .append(",\"warehouseCode\":\"W").append(i % 12).append('"')
                .append(",\"deliveryWindow\":\"").append(8 + i % 8).append("-").append(12 + i % 8).append('"')
                .append(",\"handlingMinutes\":").append(i % 60)
                .append(",\"estimatedArrival\":\"2026-12-1").append(i % 10).append('"')
                .append(",\"requiresSignature\":").append(i % 3 == 0)
                .append(",\"preferredCarrierId\":\"c").append(i % 5).append('"')
                .append(",\"shippingAddressLine\":\"Storgata ").append(i % 90).append('"')
                .append(",\"loyaltyProgramMember\":").append(i % 4 == 0)
                .append(",\"customer\":{\"name\":\"Customer ").append(i % 200)
                .append("\",\"tier\":").append((i + version) % 3)
                .append(",\"address\":{\"street\":\"Storgata ").append(i % 90)
                .append("\",\"zip\":\"0").append(100 + i % 800).append("\"}}")
                .append(",\"tags\":[\"a\",\"b").append(version).append("\"]")
                .append(",\"lines\":[{\"sku\":\"sku-").append(i % 50).append("\",\"qty\":").append(1 + version)
                .append("},{\"sku\":\"sku-").append(i % 30).append("\",\"qty\":2}]")
                .append(",\"_rid\":\"d2FybXVwAAAAAA").append(i).append("==\"")
                .append(",\"_self\":\"dbs/d2FybQ==/colls/d2FybXVw/docs/d2FybXVwAAAAAA").append(i).append("==/\"")
                .append(",\"_etag\":\"\\\"0000").append(Integer.toHexString(i * 31 + version))
                .append("-0000-0000-0000-000000000000\\\"\"")
                .append(",\"_attachments\":\"attachments/\"")
                .append(",\"_ts\":").append(ts)
                .append(",\"_lsn\":").append(ts - 1_699_999_000L)
                .append('}');
    }
}
