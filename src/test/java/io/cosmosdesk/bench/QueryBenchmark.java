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
 * clicking through pages. Last, the first page alone is sampled many times, interleaved, with and without metrics
 * (see {@link #firstPages}).
 *
 * <p>Args: {@code [items=100000] [pageSize=1000] [rounds=3]} (rounds 0: the first-page samples only).
 */
public final class QueryBenchmark {

    private static final String QUERY = "SELECT * FROM c";
    private static final int FIRST_PAGE_SAMPLES = 15;

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
        if (rounds > 0) {
            print("query tab / raw SDK items/s, median of %d rounds: %.2f (target >= 0.9); rounds %s", rounds,
                    median(ratios), format(ratios));
            print("query tab / raw SDK with query metrics on, median: %.2f; rounds %s", median(metricsRatios),
                    format(metricsRatios));
            print("time to first row / raw first page, median: %.2f (target <= 1.2); rounds %s", median(firstRatios),
                    format(firstRatios));
        }
        firstPages(container, handle, pageSize, FIRST_PAGE_SAMPLES);
    }

    /**
     * Time to the first page alone, {@code samples} times each, interleaved: the raw SDK without metrics (the
     * reference), with query metrics, with query and index metrics (what the tab asks for on its first page), and
     * the query tab's Run. A first page on 100,000 items is ~0.3 s, so one sample per round is mostly noise on a busy
     * machine; the medians of many say where the time goes (server and SDK metrics vs the tab's own work).
     */
    private static void firstPages(CosmosAsyncContainer container, ContainerHandle handle, int pageSize, int samples) {
        ProcessHandle server = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("node")).orElse(false)).findFirst().orElse(null);
        String[] names = {"raw SDK", "raw with query metrics", "raw with query and index metrics",
            "query tab first row"};
        List<List<double[]>> samplesOf = new ArrayList<>();
        for (int v = 0; v < names.length; v++) {
            samplesOf.add(new ArrayList<>());
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            double raw = 0;
            for (int v = 0; v < names.length; v++) {
                long serverCpu = cpuNanos(server);
                long clientCpu = processCpuNanos();
                double wall = switch (v) {
                    case 0 -> rawFirstPage(container, pageSize, false, false);
                    case 1 -> rawFirstPage(container, pageSize, true, false);
                    case 2 -> rawFirstPage(container, pageSize, true, true);
                    default -> tabFirstRow(handle, pageSize);
                };
                samplesOf.get(v).add(new double[] {wall * 1000, (cpuNanos(server) - serverCpu) / 1e6,
                    (processCpuNanos() - clientCpu) / 1e6});
                if (v == 0) {
                    raw = wall;
                } else if (v == names.length - 1) {
                    ratios.add(wall / raw);
                }
            }
        }
        print("first page alone, medians of %d interleaved samples (wall ms / server CPU ms / client JVM CPU ms); "
                + "load %.1f:", samples, load());
        for (int v = 0; v < names.length; v++) {
            List<double[]> of = samplesOf.get(v);
            print("  %-34s %5.0f / %5.0f / %5.0f", names[v], median(of.stream().map(a -> a[0]).toList()),
                    median(of.stream().map(a -> a[1]).toList()), median(of.stream().map(a -> a[2]).toList()));
        }
        print("time to first row / raw first page, median of %d samples: %.2f (target <= 1.2)", samples,
                median(ratios));
    }

    private static long cpuNanos(ProcessHandle process) {
        return process == null ? 0 : process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double rawFirstPage(CosmosAsyncContainer container, int pageSize, boolean queryMetrics,
            boolean indexMetrics) {
        long start = System.nanoTime();
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions().setQueryMetricsEnabled(queryMetrics);
        if (indexMetrics) {
            options.setIndexMetricsEnabled(true);
        }
        FeedResponse<ObjectNode> page = container.queryItems(QUERY, options, ObjectNode.class).byPage(pageSize)
                .filter(p -> !p.getResults().isEmpty()).blockFirst();
        if (page == null) {
            throw new IllegalStateException("no first page");
        }
        return seconds(start);
    }

    private static double tabFirstRow(ContainerHandle handle, int pageSize) {
        QueryTabViewModel model = model(handle, pageSize);
        long start = System.nanoTime();
        model.run();
        double first = seconds(start);
        if (!model.errorProperty().get().isEmpty() || model.results().isEmpty()) {
            throw new IllegalStateException("no first row: " + model.errorProperty().get());
        }
        model.close();
        return first;
    }

    private static QueryTabViewModel model(ContainerHandle handle, int pageSize) {
        DialogService dialogs = mock(DialogService.class);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        QueryTabViewModel model = new QueryTabViewModel(handle, new QueryService(), new ItemService(io.cosmosdesk.testing.TestAudit.writes()),
                ImmediateTaskRunner.immediate(), dialogs, () -> new QueryGuards(0, Duration.ofMinutes(5), 9),
                (container, item) -> { });
        model.textProperty().set(QUERY);
        model.pageSizeProperty().set(pageSize);
        return model;
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
        QueryTabViewModel model = model(handle, pageSize);
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
