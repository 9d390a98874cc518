package io.cosmosdesk.bench;

import io.cosmosdesk.app.Theme;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.scene.Parent;
import javafx.scene.Scene;

/** Scenes styled as the app styles its window (AtlantaFX Primer Light + our sheet), so CSS costs what it costs. */
final class BenchScenes {

    private BenchScenes() {
    }

    /** FX thread. Without env {@code BENCH_MODENA=true}, the app's theme; with it, JavaFX's own Modena alone. */
    static Scene styled(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        if (!"true".equals(System.getenv("BENCH_MODENA"))) {
            Theme.LIGHT.apply();
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
        }
        return scene;
    }

    /**
     * Prints each CSS + layout pass of the scene that takes more than 20 ms of UI-thread CPU, and the CPU the
     * UI thread spent between passes (our listeners, tasks' callbacks) when that is more than 20 ms: which of
     * the two a stall is made of.
     */
    static void reportLongPasses(Scene scene, String tag) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long started = System.nanoTime();
        long[] last = {threads.getCurrentThreadCpuTime(), 0, 0}; // CPU at the end of the last pass; pass count
        scene.addPreLayoutPulseListener(() -> {
            long now = threads.getCurrentThreadCpuTime();
            long between = now - last[0];
            if (between > 20_000_000L && last[1] > 0) {
                System.out.printf("[%s]   between passes #%d and #%d: %d ms UI-thread CPU (+%d ms)%n", tag, last[1],
                        last[1] + 1, between / 1_000_000, (System.nanoTime() - started) / 1_000_000);
            }
            last[2] = now;
        });
        scene.addPostLayoutPulseListener(() -> {
            long now = threads.getCurrentThreadCpuTime();
            long pass = now - last[2];
            last[1]++;
            if (pass > 20_000_000L) {
                System.out.printf("[%s]   pass #%d: %d ms UI-thread CPU in CSS + layout (+%d ms, ended %s)%n", tag, last[1],
                        pass / 1_000_000, (System.nanoTime() - started) / 1_000_000, java.time.LocalTime.now());
            }
            last[0] = now;
        });
    }
}
