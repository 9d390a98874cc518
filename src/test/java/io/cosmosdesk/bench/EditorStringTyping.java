package io.cosmosdesk.bench;

import io.cosmosdesk.editor.JsonCodeArea;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** EditorBenchmark's second typing figure: keys typed inside a string value of the open item. */
final class EditorStringTyping {

    private EditorStringTyping() {
    }

    /**
     * A second figure beside the first (which types into a line's indentation, where each key changes the line's
     * tokens): 30 keys typed inside a string value, the common case, where a typed character keeps its token's
     * colour.
     */
    static void run(io.cosmosdesk.editor.ItemEditorController controller, long fxThread,
            EditorGcPauses gc) throws Exception {
        int[] at = EditorBenchmark.onFx(() -> {
            JsonCodeArea area = controller.codeArea();
            for (int par = 20; par < area.getParagraphs().size(); par++) {
                int col = area.getParagraph(par).getText().indexOf("Item number");
                if (col >= 0) {
                    return new int[] {par, col + 6};
                }
            }
            return new int[] {20, 4};
        });
        gc.reset();
        FxStackLog stacks = new FxStackLog();
        stacks.start();
        List<Long> latencies = new ArrayList<>();
        List<long[]> windows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            AtomicLong done = new AtomicLong();
            long keyUptime = EditorGcPauses.uptimeMs();
            long keyCpu = EditorBenchmark.ALLOCATION.getThreadCpuTime(fxThread);
            long t0 = System.nanoTime();
            int column = at[1] + i;
            EditorBenchmark.onFx(() -> {
                JsonCodeArea area = controller.codeArea();
                area.requestFocus();
                area.moveTo(at[0], column);
                Runnable[] listener = new Runnable[1];
                listener[0] = () -> {
                    done.set(System.nanoTime());
                    area.getScene().removePostLayoutPulseListener(listener[0]);
                };
                area.getScene().addPostLayoutPulseListener(listener[0]);
                area.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, "y", "y", KeyCode.UNDEFINED, false, false, false,
                        false));
                Platform.requestNextPulse();
                return null;
            });
            EditorBenchmark.waitFor(() -> done.get() != 0);
            latencies.add((done.get() - t0) / 1_000_000);
            windows.add(new long[] {keyUptime, keyUptime + (done.get() - t0) / 1_000_000 + 1,
                    (EditorBenchmark.ALLOCATION.getThreadCpuTime(fxThread) - keyCpu) / 1_000_000});
            Thread.sleep(40);
        }
        stacks.stop();
        System.out.println("inside a string value (line " + (at[0] + 1) + "): "
                + EditorBenchmark.slowKeys(latencies, windows, gc, stacks));
        long[] cpu = windows.stream().mapToLong(w -> w[2]).sorted().toArray();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "keystroke-to-layout typing inside a string in the 2 MB item: median %d ms, "
                + "p90 %d ms, max %d ms; UI CPU per key median %d ms, max %d ms (30 keys)%n", sorted.get(15),
                sorted.get(26), sorted.get(29), cpu[15], cpu[29]);
    }
}
