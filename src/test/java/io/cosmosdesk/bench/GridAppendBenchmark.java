package io.cosmosdesk.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * What JavaFX itself costs per page appended below the viewport, without a server (so the figure is CPU, which
 * load changes far less than items/s): a shown TableView of four columns in the app's theme takes a page of rows
 * per frame, and the UI thread's and the renderer's CPU per page are printed, for table variants side by side in
 * interleaved rounds. Args: {@code [pages=30] [pageSize=1000] [rounds=5]}.
 */
public final class GridAppendBenchmark {

    private GridAppendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int pageSize = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        System.out.printf("[append] load average at start: %.2f%n", load());
        Random random = new Random(42);
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < pages * pageSize; i++) {
            items.add(BrowseBenchmark.order(i, random));
        }
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false); // each pass closes its window
        List<String> names = List.of("plain", "fixed cell size");
        List<Consumer<TableView<ObjectNode>>> variants = List.of(table -> { }, table -> table.setFixedCellSize(28));
        double[][] fxPerPage = new double[names.size()][rounds + 1];
        double[][] renderPerPage = new double[names.size()][rounds + 1];
        for (int r = 0; r <= rounds; r++) {
            for (int k = 0; k < names.size(); k++) {
                int v = (k + r) % names.size();
                System.gc();
                Thread.sleep(300);
                double[] cpu = pass(items, pageSize, variants.get(v));
                fxPerPage[v][r] = cpu[0] / pages;
                renderPerPage[v][r] = cpu[1] / pages;
                System.out.printf(Locale.ROOT, "[append] round %d %-16s UI thread %.1f ms/page, renderer %.1f ms/page%s%n",
                        r, names.get(v), fxPerPage[v][r], renderPerPage[v][r], r == 0 ? " (warm-up)" : "");
            }
        }
        for (int v = 0; v < names.size(); v++) {
            System.out.printf(Locale.ROOT, "[append] %-16s median UI thread %.1f ms/page, renderer %.1f ms/page%n",
                    names.get(v), median(fxPerPage[v]), median(renderPerPage[v]));
        }
        System.out.printf("[append] load average at the end: %.2f%n", load());
        Platform.exit();
        System.exit(0);
    }

    /** {UI-thread CPU ms, renderer CPU ms} of appending every page, one per frame, to a fresh shown table. */
    private static double[] pass(List<ObjectNode> items, int pageSize, Consumer<TableView<ObjectNode>> variant)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        double[] result = new double[2];
        Platform.runLater(() -> {
            ObservableList<ObjectNode> rows = FXCollections.observableArrayList();
            TableView<ObjectNode> table = new TableView<>(rows);
            table.getColumns().addAll(List.of(column("id", "/id"), column("customerId", "/customerId"),
                    column("/customer/name", "/customer/name"), column("/total", "/total")));
            variant.accept(table);
            Stage stage = new Stage();
            stage.setScene(BenchScenes.styled(table, 1200, 800));
            stage.show();
            new AnimationTimer() {
                private int frame;
                private int next;
                private long fxStart;
                private long renderStart;

                @Override
                public void handle(long now) {
                    frame++;
                    if (frame == 5) { // shown and painted: start
                        fxStart = Threads.fxCpu();
                        renderStart = Threads.cpuOf("QuantumRenderer");
                    }
                    if (frame >= 5 && next < items.size()) {
                        rows.addAll(items.subList(next, Math.min(items.size(), next + pageSize)));
                        next += pageSize;
                    } else if (frame >= 5 && next >= items.size() && frame > 5 + items.size() / pageSize + 2) {
                        stop();
                        result[0] = (Threads.fxCpu() - fxStart) / 1e6;
                        result[1] = (Threads.cpuOf("QuantumRenderer") - renderStart) / 1e6;
                        stage.close();
                        done.countDown();
                    }
                }
            }.start();
        });
        done.await();
        return result;
    }

    private static TableColumn<ObjectNode, String> column(String title, String pointer) {
        TableColumn<ObjectNode, String> column = new TableColumn<>(title);
        column.setPrefWidth(180);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().at(pointer).asText()));
        return column;
    }

    private static double median(double[] withWarmUp) {
        double[] values = java.util.Arrays.copyOfRange(withWarmUp, 1, withWarmUp.length);
        java.util.Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static double load() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Thread CPU by name. */
    static final class Threads {
        private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory
                .getThreadMXBean();

        static long fxCpu() {
            return MX.getCurrentThreadCpuTime();
        }

        static long cpuOf(String prefix) {
            long sum = 0;
            for (java.lang.management.ThreadInfo info : MX.getThreadInfo(MX.getAllThreadIds())) {
                if (info != null && info.getThreadName().startsWith(prefix)) {
                    sum += Math.max(0, MX.getThreadCpuTime(info.getThreadId()));
                }
            }
            return sum;
        }
    }
}
