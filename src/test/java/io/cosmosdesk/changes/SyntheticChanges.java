package io.cosmosdesk.changes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Live changes tab over a feed that makes its changes up (benchmarks only): {@code rate} new orders a second, each
 * carrying {@code writtenAtMillis}, the moment it "was written". Measures the tab itself (reading loop, diff, table)
 * with no server and no writing client competing for the machine's cores.
 */
public final class SyntheticChanges extends ChangeFeedService {

    private final int rate;
    private volatile long startedNanos = -1;
    private long startedMillis;
    private final AtomicLong produced = new AtomicLong();
    private volatile long limit = Long.MAX_VALUE;

    private SyntheticChanges(int rate) {
        this.rate = rate;
    }

    /** The tab (not yet opened) and its made-up feed. */
    public record Bench(ChangesTab tab, SyntheticChanges feed) {
    }

    public static Bench tab(ContainerHandle handle, Path dataFolder, TaskRunner taskRunner, int rate) {
        SyntheticChanges feed = new SyntheticChanges(rate);
        LiveChangesViewModel viewModel = new LiveChangesViewModel(handle, feed, new FeedPositions(dataFolder),
                taskRunner, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
        return new Bench(new ChangesTab(viewModel, item -> { }), feed);
    }

    /** No more changes after {@code count} in all (the "writer" stops). */
    public void stopAfter(long count) {
        limit = count;
    }

    public long produced() {
        return produced.get();
    }

    @Override
    public List<FeedCursor> openCursors(ContainerHandle handle) {
        return List.of(new FeedCursor("synthetic", null));
    }

    @Override
    public AllVersionsSupport probeAllVersions(ContainerHandle handle) {
        return AllVersionsSupport.unavailable("A made-up feed.");
    }

    @Override
    public List<ChangePage> readPages(ContainerHandle handle, List<FeedCursor> cursors, ChangeFeedStart start,
            int pageSize, FeedMode mode) {
        if (startedNanos < 0) { // the first read starts "from now": the writer starts with it
            startedMillis = System.currentTimeMillis();
            startedNanos = System.nanoTime();
        }
        long due = Math.min(limit, (System.nanoTime() - startedNanos) * rate / 1_000_000_000L);
        long from = produced.get();
        int count = (int) Math.max(0, Math.min(pageSize, due - from));
        List<ObjectNode> items = new ArrayList<>(count);
        for (long i = from; i < from + count; i++) {
            // the moment this change was due, as a writer on schedule would have written it
            long writtenAt = startedMillis + i * 1000 / rate;
            ObjectNode item = JsonNodeFactory.instance.objectNode()
                    .put("id", String.format("order-%07d", i))
                    .put("customerId", "cust-" + (i % 200))
                    .put("status", i % 3 == 0 ? "open" : "paid")
                    .put("total", 10 + i % 500)
                    .put("writtenAtMillis", writtenAt)
                    .put("_ts", writtenAt / 1000)
                    .put("_etag", "\"" + Long.toHexString(i) + "\"");
            item.putObject("customer").put("name", "Customer " + (i % 200)).put("city", "Oslo");
            items.add(item);
        }
        produced.addAndGet(count);
        FeedCursor cursor = cursors.get(0);
        return List.of(new ChangePage(items, cursor.advancedTo("after-" + (from + count)), count == pageSize));
    }
}
