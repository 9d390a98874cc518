import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * Diagnostic, never shipped (s18): starts the app ({@code Launcher.main}) and prints, for {@code show()} and each of
 * the main window's first 8 pulses, the UI thread's CPU in CSS and layout, the scene's and root's size, the nodes and
 * the tree cells ({@code probe: ...} lines on stderr). Compile it against an app image's jars and append its jar to
 * the launcher's class path (after the app's jars, so the AOT cache still maps), main class {@code PulseProbe}:
 * <pre>
 * javac --release 17 -cp "APP/lib/app/*:target/packaging/javafx/*" -d /tmp/probe packaging/linux/PulseProbe.java
 * jar cf /tmp/probe/pulse-probe.jar -C /tmp/probe .
 * sed -e "s#^\(    -cp .*\)' \\$#\1:/tmp/probe/pulse-probe.jar' \\#" \
 *     -e "s#'io.cosmosdesk.app.Launcher'#'PulseProbe'#" APP/bin/CosmosDesk &gt; APP/bin/CosmosDesk-probe
 * </pre>
 */
public class PulseProbe {
    static final ThreadMXBean T = ManagementFactory.getThreadMXBean();
    static int pulse;
    static long showStart;

    public static void main(String[] args) throws Exception {
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Platform.runLater(PulseProbe::hook);
                    return;
                } catch (IllegalStateException e) {
                    try { Thread.sleep(1); } catch (InterruptedException x) { return; }
                }
            }
        }, "probe");
        t.setDaemon(true);
        t.start();
        io.cosmosdesk.app.Launcher.main(args);
    }

    static long cpu() { return T.getCurrentThreadCpuTime() / 1_000_000; }

    static void hook() {
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) {
                for (Window w : c.getAddedSubList()) {
                    watch(w);
                }
            }
        });
    }

    static void watch(Window w) {
        Scene s = w.getScene();
        if (s == null || pulse > 0) return;
        showStart = cpu();
        log("show() begins", s);
        w.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> log("shown, show() cpu " + (cpu() - showStart), s));
        long[] at = new long[1];
        s.addPreLayoutPulseListener(() -> {
            pulse++;
            at[0] = cpu();
            if (pulse <= 8) {
                log("pulse " + pulse + " pre", s);
            }
        });
        s.addPostLayoutPulseListener(() -> {
            if (pulse <= 8) {
                log("pulse " + pulse + " css+layout cpu " + (cpu() - at[0]), s);
            }
        });
    }

    static int count(Node n) {
        int c = 1;
        if (n instanceof Parent p) for (Node k : p.getChildrenUnmodifiable()) c += count(k);
        return c;
    }

    static void log(String what, Scene s) {
        Parent r = s.getRoot();
        System.err.println("probe: " + what + " | scene " + s.getWidth() + "x" + s.getHeight() + " root "
                + r.getLayoutBounds().getWidth() + "x" + r.getLayoutBounds().getHeight() + " nodes " + count(r)
                + " treecells " + r.lookupAll(".tree-cell").size() + " cpu " + cpu());
    }
}
