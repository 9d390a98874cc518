package io.cosmosdesk.bench;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.query.QueryGuards;
import io.cosmosdesk.query.QueryService;
import io.cosmosdesk.query.QueryTabViewModel;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The query tab's engine and view-model paging a whole container against the raw SDK's {@code byPage} on the same
 * query, same page size, same client, alternating in one run (figures printed, not asserted). The query tab pass is
 * what a user gets from Run then Load all: {@link QueryTabViewModel} over {@link QueryService} with a synchronous
 * task runner (no window); time to first row is Run until the first page is in the view-model's results, against
 * the raw SDK's first page. A third pass pages with Next only (one page per pull, nothing read ahead), as a user
 * clicking through pages.
 *
 * <p>Args: {@code [items=100000] [pageSize=1000] [rounds=3]}.
 */
public final class QueryBenchmark {

    private static final String QUERY = "SELECT * FROM c";

    private QueryBenchmark() {
    }

    private record Pass(long items, double seconds, double firstPageSeconds) {
        double rate() {
            return items / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient client = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
            try {
                run(server, client, items, pageSize, rounds);
            } finally {
                client.close();
            }
        } catch (Throwable e) {
            e.printStackTrace();
        }
        System.exit(0);
    }

    private static void run(LocalCosmosServer server, CosmosAsyncClient client, int items, int pageSize, int rounds) {
        long seedStart = System.nanoTime();
        CosmosAsyncContainer container = BrowseBenchmark.seedOrders(client, items);
        print("seeded %,d items in %.1f s; query %s, page size %,d; load average %.1f", items, seconds(seedStart),
                QUERY, pageSize, load());
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(ConnectionProfile.create("Local",
                AuthKind.EMULATOR, server.endpoint()), client), new ContainerInfo(new ContainerRef(
                container.getDatabase().getId(), container.getId()), List.of("/customerId"), false, null));

        raw(container, pageSize, false); // warm-up of both paths
        tab(handle, pageSize, true);
        List<Double> ratios = new ArrayList<>();
        List<Double> firstRatios = new ArrayList<>();
        List<Double> metricsRatios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Pass raw = raw(container, pageSize, false);
            Pass tab = tab(handle, pageSize, true);
            Pass next = tab(handle, pageSize, false);
            Pass rawMetrics = raw(container, pageSize, true);
            print("round %d: raw SDK byPage %,d items in %.2f s = %,.0f items/s, first page %.0f ms | query tab Load "
                    + "all %,d in %.2f s = %,.0f items/s, first row %.0f ms | query tab Next by Next %,.0f items/s "
                    + "| raw SDK byPage with query metrics on every page (the tab asks on the first only) %,.0f items/s | load %.1f", round,
                    raw.items(), raw.seconds(), raw.rate(), raw.firstPageSeconds() * 1000, tab.items(), tab.seconds(),
                    tab.rate(), tab.firstPageSeconds() * 1000, next.rate(), rawMetrics.rate(), load());
            metricsRatios.add(tab.rate() / rawMetrics.rate());
            ratios.add(tab.rate() / raw.rate());
            firstRatios.add(tab.firstPageSeconds() / raw.firstPageSeconds());
            if (tab.items() != raw.items() || next.items() != raw.items()) {
                print("MISMATCH: raw %,d, Load all %,d, Next %,d items", raw.items(), tab.items(), next.items());
            }
        }
        print("query tab / raw SDK items/s, median of %d rounds: %.2f (target >= 0.9); rounds %s", rounds,
                median(ratios), format(ratios));
        print("query tab / raw SDK with query metrics on, median: %.2f; rounds %s", median(metricsRatios),
                format(metricsRatios));
        print("time to first row / raw first page, median: %.2f (target <= 1.2); rounds %s", median(firstRatios),
                format(firstRatios));
    }

    private static Pass raw(CosmosAsyncContainer container, int pageSize, boolean metrics) {
        long start = System.nanoTime();
        long[] first = {0};
        long count = 0;
        for (FeedResponse<ObjectNode> page : container.queryItems(QUERY, new CosmosQueryRequestOptions()
                .setQueryMetricsEnabled(metrics), ObjectNode.class).byPage(pageSize).toIterable()) {
            if (first[0] == 0 && !page.getResults().isEmpty()) {
                first[0] = System.nanoTime();
            }
            count += page.getResults().size();
        }
        return new Pass(count, seconds(start), (first[0] - start) / 1e9);
    }

    private static Pass tab(ContainerHandle handle, int pageSize, boolean loadAll) {
        DialogService dialogs = mock(DialogService.class);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        QueryTabViewModel model = new QueryTabViewModel(handle, new QueryService(), new ItemService(io.cosmosdesk.testing.TestAudit.writes()),
                ImmediateTaskRunner.immediate(), dialogs, () -> new QueryGuards(0, Duration.ofMinutes(5), 9),
                (container, item) -> { });
        model.textProperty().set(QUERY);
        model.pageSizeProperty().set(pageSize);
        long start = System.nanoTime();
        model.run();
        double first = seconds(start);
        if (!model.errorProperty().get().isEmpty()) {
            throw new IllegalStateException(model.errorProperty().get());
        }
        if (loadAll) {
            model.loadAll();
        } else {
            while (model.canNextProperty().get()) {
                model.next();
            }
        }
        if (!model.errorProperty().get().isEmpty()) {
            throw new IllegalStateException(model.errorProperty().get());
        }
        double took = seconds(start);
        long count = model.totalsProperty().get().results();
        model.close();
        return new Pass(count, took, first);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList().toString();
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void print(String format, Object... args) {
        System.out.println("[QueryBenchmark] " + String.format(Locale.ROOT, format, args));
    }
}
