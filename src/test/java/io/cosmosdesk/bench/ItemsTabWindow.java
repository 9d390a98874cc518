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
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.ui.FxTaskRunner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real Items tab (view-model, FX task runner, FXML view) in a shown window of the app's theme, kept open across
 * passes so every pass after the first runs on the same warm window. A pass runs the query again and pages on (as
 * scrolling to the end does) until {@code target} items are in; it is timed from the query's start on the UI thread to
 * the last page's rows in the list.
 */
final class ItemsTabWindow {

    /** One pass: items/s, time to the first rows in the list and to the whole first page in, CPU by thread group. */
    record Pass(int items, double seconds, long firstRowsNanos, long firstPageNanos, long longestPulseCpuNanos,
            String cpu, long cpuNanos, long waitNanos, int loads) {
        double rate() {
            return items / seconds;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final FxTaskRunner tasks = new FxTaskRunner();
    private ItemsViewModel viewModel;
    private final AtomicLong longestPulseCpu = new AtomicLong();
    private long windowOpenNanos;
    private javafx.scene.control.TableView<?> table;
    /** The grid's row height as the app styles it (fixed, or -1 when the table measures its rows). */
    private double styledCellSize;
    // the pass in progress (UI thread)
    private boolean measuring;
    private long passStart;
    private long firstRows;
    private long firstPage;
    private int target;
    private CountDownLatch passDone;
    /** UI thread: when the page now loading was asked for, and the time the pass spent waiting for pages. */
    private long askedAt;
    private long waitNanos;
    private int loads;

    private ItemsTabWindow() {
    }

    /** Opens the window and waits until its first show and paint are done (its own first query runs meanwhile). */
    static ItemsTabWindow open(LocalCosmosServer server, CosmosAsyncClient client, int pageSize)
            throws Exception {
        ItemsTabWindow window = new ItemsTabWindow();
        java.nio.file.Path home = Files.createTempDirectory("browse-bench");
        CosmosConnection connection = new CosmosConnection(
                ConnectionProfile.create("Bench", AuthKind.EMULATOR, server.endpoint()), client);
        ContainerHandle handle = new ContainerHandle(connection,
                new ContainerInfo(new ContainerRef("bench", "orders"), List.of("/customerId"), false, null));
        CountDownLatch shown = new CountDownLatch(1);
        Platform.runLater(() -> {
            long start = System.nanoTime();
            ItemsViewModel vm = new ItemsViewModel(handle,
                    new ItemQueryService(io.cosmosdesk.testing.TestAudit.writes()), window.tasks,
                    new BrowseBenchmark.NoDialogs(), new ColumnSettingsStore(home));
            window.viewModel = vm;
            vm.pageSizeProperty().set(pageSize);
            vm.addColumn("/customer/name");
            vm.addColumn("/total");
            vm.rows().addListener((ListChangeListener<ItemRow>) change -> {
                if (window.measuring && window.firstRows == 0 && !vm.rows().isEmpty()) {
                    window.firstRows = System.nanoTime() - window.passStart;
                }
                // the whole first page in the grid's list: it joins over a few frames, while the next page loads
                if (window.measuring && window.firstPage == 0 && vm.rows().size() >= Math.min(pageSize, window.target)) {
                    window.firstPage = System.nanoTime() - window.passStart;
                }
            });
            vm.busyProperty().addListener((obs, was, busy) -> window.busyChanged(busy));
            ItemsTab tab = ItemsTab.load(vm); // starts the first page
            Stage stage = new Stage();
            Scene scene = BenchScenes.styled(tab.view(), 1200, 800);
            stage.setScene(scene);
            long[] pulseStart = new long[2];
            scene.addPreLayoutPulseListener(() -> pulseStart[0] = THREADS.getCurrentThreadCpuTime());
            scene.addPostLayoutPulseListener(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime() - pulseStart[0];
                pulseStart[1]++;
                if (window.measuring) {
                    window.longestPulseCpu.accumulateAndGet(cpu, Math::max);
                }
            });
            BenchScenes.reportLongPasses(scene, "browse");
            stage.show();
            window.windowOpenNanos = System.nanoTime() - start;
            window.table = (javafx.scene.control.TableView<?>) scene.lookup("#itemsTable");
            window.styledCellSize = window.table.getFixedCellSize();
            new AnimationTimer() { // the window's first show and paint are not loading
                private int frames;

                @Override
                public void handle(long now) {
                    if (++frames >= 4 && pulseStart[1] >= 3 && !vm.busyProperty().get()) {
                        stop();
                        shown.countDown();
                    }
                }
            }.start();
        });
        if (!shown.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the Items tab's window did not show within 2 minutes");
        }
        return window;
    }

    /** The grid's fixed row height as styled (px), or -1 when it measures its rows. */
    double styledCellSize() {
        return styledCellSize;
    }

    long windowOpenNanos() {
        return windowOpenNanos;
    }

    /**
     * Runs the query again on the shown window and pages on until {@code items} are in. {@code watch} starts the
     * caller's stall watch on the UI thread just before the query starts.
     */
    Pass pass(int items, Runnable watch) throws InterruptedException {
        return pass(items, watch, false);
    }

    /**
     * As {@link #pass(int, Runnable)}; with {@code measuredRows} the grid measures each row's height as a stock
     * TableView does (no fixed cell size), for an A/B against the app's fixed row height in the same run.
     */
    Pass pass(int items, Runnable watch, boolean measuredRows) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ThreadCpu[] cpu = new ThreadCpu[1];
        Platform.runLater(() -> {
            table.setFixedCellSize(measuredRows ? -1 : styledCellSize);
            watch.run();
            target = items;
            passDone = done;
            firstRows = 0;
            firstPage = 0;
            longestPulseCpu.set(0);
            waitNanos = 0;
            loads = 0;
            measuring = true;
            cpu[0] = ThreadCpu.start();
            passStart = System.nanoTime();
            askedAt = passStart;
            viewModel.refresh(); // drops the rows shown, runs the query again
        });
        if (!done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the Items tab did not finish within 30 minutes");
        }
        double seconds = (System.nanoTime() - passStart) / 1e9;
        String report = cpu[0].report();
        return new Pass(rows(), seconds, firstRows, firstPage, longestPulseCpu.get(), report, cpu[0].totalNanos(),
                waitNanos, loads);
    }

    /**
     * UI thread: a page is in (busy off): page on, as scrolling to the end of the grid does, or end the pass. Only a
     * query's first page joins the list over a few frames (the next one may load meanwhile), so with more than one
     * page the pass ends with every row in the list.
     */
    private void busyChanged(boolean busy) {
        if (busy || !measuring) {
            return;
        }
        waitNanos += System.nanoTime() - askedAt; // from asking for the page to having it in hand
        loads++;
        askedAt = System.nanoTime();
        if (viewModel.hasMoreProperty().get() && viewModel.rows().size() < target) {
            viewModel.loadMore();
        } else {
            measuring = false;
            passDone.countDown();
        }
    }

    int rows() {
        return viewModel.rows().size();
    }

    long rowBytes() {
        return viewModel.rows().stream().mapToLong(ItemRow::sizeInBytes).sum();
    }

    void close() {
        tasks.shutdown();
    }
}
