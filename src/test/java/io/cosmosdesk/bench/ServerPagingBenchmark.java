package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.ModelBridgeInternal;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.ServerCursors;
import java.util.Locale;
import java.util.Random;

/**
 * The local server's query paging through the raw SDK (figures printed, not asserted): items/s paging the whole
 * container with continuation tokens, the server keeping a cursor per continuation ("after") against the same
 * pass with every cursor dropped before each page, so that every page runs the query over the whole container
 * again as the server did before cursors ("before"). Same container, same query, same page size, one run. Besides
 * the items/s the client sees, the server's own query time per pass is summed from the query metrics it reports
 * (measured on the server), which the load of a shared machine disturbs far less.
 *
 * <p>Args: {@code [items=100000] [pageSize=1000] [query="SELECT * FROM c"]}.
 */
public final class ServerPagingBenchmark {

    private ServerPagingBenchmark() {
    }

    /** A pass as the client saw it, and the server's own query time as its query metrics report it. */
    private record Pass(int items, int pages, double seconds, double serverQuerySeconds) {
        double rate() {
            return items / seconds;
        }

        double serverRate() {
            return items / serverQuerySeconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        String query = args.length > 2 ? args[2] : "SELECT * FROM c";
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient client = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
            try {
                run(new ServerCursors(server), client, items, pageSize, query);
            } finally {
                client.close();
            }
        } catch (Throwable e) {
            e.printStackTrace();
        }
        System.exit(0);
    }

    private static void run(ServerCursors cursors, CosmosAsyncClient client, int items, int pageSize, String query) {
        long seedStart = System.nanoTime();
        CosmosAsyncContainer container = BrowseBenchmark.seedOrders(client, items);
        print("seeded %,d items (~%d bytes each) in %.1f s; query %s, page size %,d", items,
                BrowseBenchmark.order(0, new Random(1)).toString().length(), seconds(seedStart), query, pageSize);

        // after (also the warm-up) / before / after
        Pass after = report("after  (cursor per continuation)   ", pass(container, cursors, query, pageSize, false));
        Pass before = report("before (query re-run for each page)", pass(container, cursors, query, pageSize, true));
        Pass again = report("after, again                       ", pass(container, cursors, query, pageSize, false));
        print("speed-up through the SDK: %.2fx; of the server's query time: %.1fx; server cursors now: %s",
                Math.max(after.rate(), again.rate()) / before.rate(),
                before.serverQuerySeconds() / Math.min(after.serverQuerySeconds(), again.serverQuerySeconds()),
                cursors.stats());
        // a write after every page (as a move or a user editing while paging does): the cursors survive writes
        long missesBefore = cursors.stats().misses();
        Pass writing = report("while writing (a replace per page)  ",
                pass(container, cursors, query, pageSize, false, true));
        print("while writing: %,d of %d pages ran the query over the whole container again (target: at most 2, i.e."
                + " linear); items/s %.2f of the pass without writes", cursors.stats().misses() - missesBefore,
                writing.pages(), writing.rate() / Math.max(after.rate(), again.rate()));
    }

    private static Pass report(String label, Pass pass) {
        print("%s: %,d items, %d pages in %.2f s = %,.0f items/s through the SDK; server query time %.2f s"
                + " (%,.0f items/s)", label, pass.items(), pass.pages(), pass.seconds(), pass.rate(),
                pass.serverQuerySeconds(), pass.serverRate());
        return pass;
    }

    private static Pass pass(CosmosAsyncContainer container, ServerCursors cursors, String query, int pageSize,
            boolean dropCursorsBeforeEachPage) {
        return pass(container, cursors, query, pageSize, dropCursorsBeforeEachPage, false);
    }

    /** {@code writeAfterEachPage}: replaces the page's first item (unchanged) before asking for the next page. */
    private static Pass pass(CosmosAsyncContainer container, ServerCursors cursors, String query, int pageSize,
            boolean dropCursorsBeforeEachPage, boolean writeAfterEachPage) {
        long start = System.nanoTime();
        int count = 0;
        int pages = 0;
        double serverSeconds = 0;
        String token = null;
        do {
            if (dropCursorsBeforeEachPage) {
                cursors.dropAll();
            }
            FeedResponse<ObjectNode> page = container.queryItems(query, new CosmosQueryRequestOptions(),
                    ObjectNode.class).byPage(token, pageSize).blockFirst();
            count += page.getResults().size();
            pages++;
            serverSeconds += ModelBridgeInternal.queryMetricsMap(page).values().stream()
                    .mapToDouble(m -> m.getTotalQueryExecutionTime().toNanos() / 1e9).sum();
            token = page.getContinuationToken();
            if (writeAfterEachPage && !page.getResults().isEmpty()) {
                container.upsertItem(page.getResults().get(0)).block();
            }
        } while (token != null);
        return new Pass(count, pages, seconds(start), serverSeconds);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("[server-paging] " + String.format(Locale.ROOT, format, args));
    }
}
