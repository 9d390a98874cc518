package io.cosmosdesk.bench;

import io.cosmosdesk.app.Theme;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.query.SqlCodeArea;
import io.cosmosdesk.query.SqlCompletion;
import io.cosmosdesk.query.SqlEditorView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Figures for the query editor (printed, not asserted; headless JavaFX, no server): the time from a typed key
 * to the end of the pulse that shows its result, (1) a '.' after {@code c} opening the completion list over
 * 500 field paths, (2) a letter filtering the open list, (3) a plain keystroke in a 2,000-line query.
 * Target: completion under 50 ms.
 */
public final class QueryEditorBenchmark {

    private static final int RUNS = 40;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    /** UI-thread CPU time of the last {@link #keyToPulse}: what the user waits for on an idle machine. */
    private static final AtomicLong LAST_CPU = new AtomicLong();

    private QueryEditorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        List<JsonPath> paths = fieldPaths(500);
        String query = longQuery(2_000);
        SqlCodeArea[] area = new SqlCodeArea[1];
        SqlCompletion[] completion = new SqlCompletion[1];
        onFx(() -> {
            Theme.LIGHT.apply();
            area[0] = new SqlCodeArea(query);
            completion[0] = SqlCompletion.attach(area[0], paths);
            Stage stage = new Stage();
            Scene scene = new Scene(new SqlEditorView(area[0]), 1000, 700);
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
            stage.setScene(scene);
            stage.show();
            area[0].requestFocus();
            return null;
        });
        Thread.sleep(500);
        int line = 1_000; // the middle of the query: "  AND c" at the end of this line
        List<Long> open = new ArrayList<>();
        List<Long> filter = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        List<Long> openCpu = new ArrayList<>();
        List<Long> filterCpu = new ArrayList<>();
        List<Long> plainCpu = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            onFx(() -> {
                area[0].moveTo(line, area[0].getParagraph(line).length());
                area[0].requestFollowCaret();
                return null;
            });
            onFx(() -> null); // laid out with the caret on screen, as when a user types there
            open.add(keyToPulse(area[0], ".", () -> completion[0].isShowing()));
            openCpu.add(LAST_CPU.get());
            filter.add(keyToPulse(area[0], "c", () -> completion[0].isShowing()));
            filterCpu.add(LAST_CPU.get());
            int count = onFx(() -> completion[0].list().getItems().size());
            if (i == 0) {
                System.out.printf(Locale.ROOT, "list after 'c.': 500 paths offered, after 'c.c': %d%n", count);
            }
            onFx(() -> {
                completion[0].hide();
                int end = area[0].getCaretPosition();
                area[0].deleteText(end - 2, end);
                return null;
            });
            plain.add(keyToPulse(area[0], "x", () -> true));
            plainCpu.add(LAST_CPU.get());
            onFx(() -> {
                int end = area[0].getCaretPosition();
                area[0].deleteText(end - 1, end);
                return null;
            });
        }
        System.out.println("Query editor, " + query.lines().count() + " lines, " + paths.size() + " field paths, "
                + RUNS + " runs each (key event fired until the end of the next pulse):");
        System.out.printf(Locale.ROOT, "  (load average %.1f on %d cores: wall times include waiting for a core)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        print("'.' opens completion", open);
        print("  UI-thread CPU", openCpu);
        print("a letter filters it", filter);
        print("  UI-thread CPU", filterCpu);
        print("plain keystroke", plain);
        print("  UI-thread CPU", plainCpu);
        // the pure part alone: what SqlCompletion computes on each key while the list is open
        String text = onFx(() -> area[0].getText());
        int caret = text.indexOf("AND c\n", text.length() / 2) + 5;
        List<Long> pure = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            io.cosmosdesk.query.SqlCompletions.complete(text.substring(0, caret) + "." + text.substring(caret),
                    caret + 1, paths, false);
            pure.add(THREADS.getCurrentThreadCpuTime() - t0);
        }
        print("SqlCompletions alone", pure.subList(100, 200));
        Platform.exit();
    }

    private static void print(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "  %-22s median %5.1f ms   p95 %5.1f ms   max %5.1f ms%n", what,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.95)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }

    /** Fires a typed key on the FX thread; nanoseconds until the end of the next layout pulse after it. */
    private static long keyToPulse(SqlCodeArea area, String character, Supplier<Boolean> expected) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong start = new AtomicLong();
        AtomicLong cpuStart = new AtomicLong();
        AtomicLong cpuDone = new AtomicLong();
        onFx(() -> {
            Scene scene = area.getScene();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                done.set(System.nanoTime());
                cpuDone.set(THREADS.getCurrentThreadCpuTime());
                scene.removePostLayoutPulseListener(listener[0]);
            };
            scene.addPostLayoutPulseListener(listener[0]);
            start.set(System.nanoTime());
            cpuStart.set(THREADS.getCurrentThreadCpuTime());
            area.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, character, character, KeyCode.UNDEFINED, false, false,
                    false, false));
            Platform.requestNextPulse();
            return null;
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (done.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        // let the popup's own window lay out too before the next key
        onFx(() -> null);
        if (!onFx(expected::get)) {
            throw new IllegalStateException("the key '" + character + "' did not have its effect");
        }
        LAST_CPU.set(cpuDone.get() - cpuStart.get());
        return done.get() - start.get();
    }

    private static List<JsonPath> fieldPaths(int count) {
        List<JsonPath> paths = new ArrayList<>();
        for (int top = 0; paths.size() < count; top++) {
            paths.add(JsonPath.of(List.of("field" + top)));
            for (int child = 0; child < 9 && paths.size() < count; child++) {
                paths.add(JsonPath.of(List.of("field" + top, (child % 2 == 0 ? "customer" : "address") + child)));
            }
        }
        return paths;
    }

    private static String longQuery(int lines) {
        StringBuilder text = new StringBuilder("SELECT c.id, c.customer.name, COUNT(1) AS n -- a long query\n"
                + "FROM c JOIN l IN c.lines\nWHERE c.total > @min\n");
        while (text.chars().filter(ch -> ch == '\n').count() < lines - 1) {
            text.append("  AND (c.status = 'open' OR ARRAY_CONTAINS(c.tags, \"x\", true)) AND c.qty >= 12.5e2 AND c\n");
        }
        return text.append("GROUP BY c.id").toString();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(180, TimeUnit.SECONDS); // a loaded machine (load 50) took over 30 s to show the first window
    }
}
