package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.browse.ColumnSettingsStore;
import io.cosmosdesk.browse.ItemsTab;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemPageStream;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.testing.PagesInMemory;
import io.cosmosdesk.ui.FxTaskRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * What the real Items tab's UI thread costs per page appended, without a server: the tab (view-model, FX task
 * runner, FXML view, shown in the app's theme) reads pages made in memory beforehand (an {@link ItemPageStream}
 * over a list), one page per frame as scrolling to the end asks for them, and the UI thread's CPU per page is printed
 * per stretch of pages: a cost that grows with the rows already loaded shows as later stretches costing more. The
 * plain floor is {@link GridAppendBenchmark}. Env BENCH_ALWAYS=1 also prints where the UI thread was (1 ms samples).
 *
 * <p>Args: {@code [pages=100] [pageSize=1000] [stretch=10]}.
 */
public final class TabAppendBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TabAppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int stretch = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        System.out.printf(Locale.ROOT, "[tab-append] load average at start: %.2f%n", load());
        List<String> keys = List.of("/customerId");
        Random random = new Random(42);
        List<ItemPage> made = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            List<ItemRow> rows = new ArrayList<>(pageSize);
            for (int i = 0; i < pageSize; i++) {
                rows.add(ItemRow.of(BrowseBenchmark.order(p * pageSize + i, random), keys));
            }
            made.add(new ItemPage(rows, p + 1 < pages ? "page-" + (p + 1) : null, 1.0, Duration.ofMillis(1), "a"));
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false); // each pass closes its window: the toolkit must outlive the first
        FxLateSampler sampler = new FxLateSampler();
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT
            long[] perPage = run(made, keys, pass == 1 ? sampler : null);
            StringBuilder line = new StringBuilder();
            for (int from = 0; from < perPage.length; from += stretch) {
                long sum = 0;
                int n = 0;
                for (int p = from; p < Math.min(perPage.length, from + stretch); p++) {
                    sum += perPage[p];
                    n++;
                }
                line.append(String.format(Locale.ROOT, " %d-%d: %.1f", from + 1, from + n, sum / 1e6 / n));
            }
            System.out.printf(Locale.ROOT, "[tab-append] pass %d%s, UI-thread CPU ms per page by pages:%s%n", pass,
                    pass == 0 ? " (warm-up)" : "", line);
        }
        sampler.stop();
        if ("1".equals(System.getenv("BENCH_ALWAYS"))) {
            System.out.println("[tab-append] where the UI thread was:" + sampler.report());
        }
        System.out.printf(Locale.ROOT, "[tab-append] load average at the end: %.2f%n", load());
        Platform.exit();
        System.exit(0);
    }

    /** UI-thread CPU (ns) from each page's load asked for until the next one is asked for. */
    private static long[] run(List<ItemPage> made, List<String> keys, FxLateSampler sampler) throws Exception {
        long[] perPage = new long[made.size()];
        CountDownLatch done = new CountDownLatch(1);
        java.nio.file.Path home = Files.createTempDirectory("tab-append");
        Platform.runLater(() -> {
            FxTaskRunner tasks = new FxTaskRunner();
            CosmosConnection connection = new CosmosConnection(
                    ConnectionProfile.create("Bench", AuthKind.EMULATOR, "https://localhost:8081"),
                    org.mockito.Mockito.mock(CosmosAsyncClient.class));
            ContainerHandle handle = new ContainerHandle(connection,
                    new ContainerInfo(new ContainerRef("bench", "orders"), keys, false, null));
            ItemsViewModel vm = new ItemsViewModel(handle, new PagesInMemory(made), tasks,
                    new BrowseBenchmark.NoDialogs(), new ColumnSettingsStore(home));
            vm.pageSizeProperty().set(made.get(0).items().size());
            vm.addColumn("/customer/name");
            vm.addColumn("/total");
            ItemsTab tab = ItemsTab.load(vm);
            Stage stage = new Stage();
            stage.setScene(BenchScenes.styled(tab.view(), 1200, 800));
            stage.show();
            if (sampler != null) {
                sampler.start();
            }
            new AnimationTimer() {
                private int page = 1; // the first page came with the load
                private long cpu = THREADS.getCurrentThreadCpuTime();

                @Override
                public void handle(long now) {
                    if (vm.busyProperty().get()) {
                        return;
                    }
                    long at = THREADS.getCurrentThreadCpuTime();
                    perPage[page - 1] = at - cpu;
                    cpu = at;
                    if (vm.hasMoreProperty().get()) {
                        page++;
                        vm.loadMore();
                    } else {
                        stop();
                        stage.close();
                        vm.close();
                        tasks.shutdown();
                        done.countDown();
                    }
                }
            }.start();
        });
        done.await();
        return perPage;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
