package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemPageStream;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.ServerCursors;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the Items tab's SDK CPU goes, without any UI (figures printed): the grid's page stream (the service's
 * query shape, with and without read-ahead) against the raw SDK loop BrowseBenchmark times, on the same container,
 * passes interleaved. Per pass: items/s, this JVM's CPU, the SDK's response threads' CPU, the server's CPU and its
 * cursor hits (each a query execution continued on the server).
 *
 * <p>Args: {@code [items=100000] [pageSize=1000] [rounds=3]}.
 */
public final class PageStreamCpuBenchmark {

    private PageStreamCpuBenchmark() {
    }

    private enum Kind { RAW, STREAM, STREAM_READ_AHEAD }

    private record Pass(int items, double seconds, long cpuNanos, String cpu, long hits) {
    }

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // the editor benchmark's start (JavaFX idles: nothing here shows a window)
        EditorBenchmark.withServer((server, client) -> run(server, client, items, pageSize, rounds));
        System.exit(0);
    }

    private static void run(LocalCosmosServer server, CosmosAsyncClient client, int items, int pageSize, int rounds)
            throws Exception {
        ThreadCpu.alsoCount(server.pid());
        ServerCursors cursors = new ServerCursors(server);
        CosmosAsyncContainer container = BrowseBenchmark.seedOrders(client, items);
        CosmosConnection connection = new CosmosConnection(
                ConnectionProfile.create("Bench", AuthKind.EMULATOR, server.endpoint()), client);
        ContainerHandle handle = new ContainerHandle(connection,
                new ContainerInfo(new ContainerRef("bench", "orders"), List.of("/customerId"), false, null));
        ItemQueryService service = new ItemQueryService(io.cosmosdesk.testing.TestAudit.writes());
        Map<Kind, List<Pass>> passes = new EnumMap<>(Kind.class);
        for (int r = 0; r <= rounds; r++) {
            List<Kind> order = new ArrayList<>(List.of(Kind.values()));
            java.util.Collections.rotate(order, -(r % order.size()));
            for (Kind kind : order) {
                System.gc();
                Thread.sleep(300);
                long hitsBefore = cursors.stats().hits();
                ThreadCpu cpu = ThreadCpu.start();
                long start = System.nanoTime();
                int count = switch (kind) {
                    case RAW -> BrowseBenchmark.rawPass(container, pageSize, items).items();
                    case STREAM -> stream(service, handle, pageSize, items, false);
                    case STREAM_READ_AHEAD -> stream(service, handle, pageSize, items, true);
                };
                double seconds = (System.nanoTime() - start) / 1e9;
                String report = cpu.report();
                Pass pass = new Pass(count, seconds, cpu.totalNanos(), report, cursors.stats().hits() - hitsBefore);
                print("round %d %s: %,d items in %.2f s = %,.0f items/s; CPU JVM+server %,d ms; %d cursor hits%s", r,
                        kind, count, seconds, count / seconds, pass.cpuNanos() / 1_000_000, pass.hits(),
                        r == rounds ? report : "");
                if (r > 0) {
                    passes.computeIfAbsent(kind, k -> new ArrayList<>()).add(pass);
                }
            }
        }
        for (Kind kind : Kind.values()) {
            List<Pass> list = passes.get(kind);
            print("%s: median %,.0f items/s, CPU %,.0f ms", kind,
                    median(list.stream().mapToDouble(p -> p.items() / p.seconds()).toArray()),
                    median(list.stream().mapToDouble(p -> p.cpuNanos() / 1e6).toArray()));
        }
    }

    private static int stream(ItemQueryService service, ContainerHandle handle, int pageSize, int limit,
            boolean readAhead) {
        int count = 0;
        try (ItemPageStream stream = service.openItemPages(handle, ItemQuery.all(), null, pageSize)) {
            ItemPage page;
            do {
                page = stream.next();
                if (readAhead) {
                    stream.readAhead();
                }
                count += page.items().size();
            } while (page.continuationToken() != null && count < limit);
        }
        return count;
    }

    private static double median(double[] values) {
        java.util.Arrays.sort(values);
        int n = values.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static void print(String format, Object... args) {
        System.out.println("[pagecpu] " + String.format(Locale.ROOT, format, args));
    }
}
