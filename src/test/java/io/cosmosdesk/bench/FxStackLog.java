package io.cosmosdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Where the UI thread was, and when, while it was late: a 1 ms beat is posted to it, and while the last beat is more
 * than 8 ms old its stack is sampled every 2 ms and filed under what the editor's open does ({@link #phase}) with
 * the JVM uptime of the sample, so each stall can be told apart afterwards. Figures for benchmarks only.
 */
final class FxStackLog {

    /** One sample: JVM uptime ms, the phase, and the innermost frame of our own code or JavaFX's (for "other"). */
    record Sample(long uptimeMs, String phase, String frame) {
    }

    static final long SAMPLE_MS = 2;

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "fx-stack-log");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong lastBeat = new AtomicLong(System.nanoTime());
    private final List<Sample> samples = new ArrayList<>();
    private volatile Thread fxThread;

    void start() {
        Platform.runLater(() -> fxThread = Thread.currentThread());
        timer.scheduleAtFixedRate(() -> Platform.runLater(() -> lastBeat.set(System.nanoTime())), 1, 1,
                TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::sampleIfLate, 3, SAMPLE_MS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        timer.shutdownNow();
    }

    private void sampleIfLate() {
        Thread fx = fxThread;
        if (fx == null || System.nanoTime() - lastBeat.get() < 8_000_000L) {
            return;
        }
        Thread.State state = fx.getState();
        StackTraceElement[] stack = fx.getStackTrace();
        Sample sample = new Sample(EditorGcPauses.uptimeMs(), phase(stack, state), firstFrame(stack));
        synchronized (samples) {
            samples.add(sample);
        }
    }

    /** The samples taken within [fromMs, toMs] (JVM uptime). */
    List<Sample> within(long fromMs, long toMs) {
        synchronized (samples) {
            return samples.stream().filter(s -> s.uptimeMs() >= fromMs && s.uptimeMs() <= toMs).toList();
        }
    }

    /**
     * What the UI thread is doing, in the editor's terms; the first rule that matches wins, so a style change made by
     * the highlighter counts as highlighting even when its innermost frames are in a cell's text.
     */
    static String phase(StackTraceElement[] stack, Thread.State state) {
        if (has(stack, null, "waitForRenderingToComplete") || has(stack, "RenderJob", "get")) {
            return "waiting for the renderer";
        }
        if ((has(stack, "LineStyledCodeArea", "highlight") || has(stack, "LineStyledCodeArea", "restyle")
                || has(stack, "BracketMatcher", null)) && !flowLayoutForcedByHighlighter(stack)) {
            return "highlighting";
        }
        if (hasExact(stack, "EditorAreaHost", "install") || has(stack, "GenericStyledArea", "<init>")
                || hasExact(stack, "EditorAreaHost", "show")) {
            return "new area (the document set)";
        }
        if (has(stack, "EditorAreaHost", "dropRetired")) {
            return "old area dropped";
        }
        if (has(stack, "ItemValidation", null) || has(stack, "JsonCodeArea", "markErrorLine")) {
            return "validation result";
        }
        if (has(stack, "ItemEditorState", null) || has(stack, "ItemLoading", null)) {
            return "item state (text, bindings)";
        }
        if (has(stack, "EditorAreaHost", "lambda$install") || has(stack, "GenericStyledArea", "replace")
                || has(stack, "UndoManager", null)) {
            return "the edit (document, mirror)";
        }
        if (has(stack, "CssStyleHelper", null) || has(stack, "StyleManager", null) || has(stack, "Node", "processCSS")
                || has(stack, "Node", "applyCss") || has(stack, "Parent", "doProcessCSS")) {
            return "CSS";
        }
        if (has(stack, "ParagraphBox", null) || has(stack, "ParagraphText", null) || has(stack, "CellListManager", null)
                || has(stack, "CellPool", null) || has(stack, "LineNumberGutter", null)
                || has(stack, "TextFlow", null)) {
            return "paragraph cells";
        }
        if (has(stack, "VirtualFlow", null) || has(stack, "Navigator", null) || has(stack, "SizeTracker", null)) {
            return "VirtualFlow layout";
        }
        if (has(stack, "Parent", "layout") || has(stack, "Scene", "doLayoutPass")) {
            return "other layout";
        }
        if (state != Thread.State.RUNNABLE) {
            return "waiting (" + state + ")";
        }
        return "other";
    }

    /**
     * The highlighter asks which lines are visible (GenericStyledArea.visibleParToAllParIndex), and Flowless answers
     * by laying the flow out first: when the flow is dirty (a fresh area, a taller area, an edited line), that builds
     * the screen's paragraph cells inside the highlighter's frame. That work is the flow's own (it would run in the
     * same pass anyway), so it is filed under the rules below (paragraph cells, CSS, VirtualFlow layout), not as
     * highlighting: sampled that way it made "highlighting" look like the first key's and each open's main cost.
     */
    private static boolean flowLayoutForcedByHighlighter(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) { // innermost first
            if (frame.getClassName().endsWith(".VirtualFlow") && frame.getMethodName().equals("layoutChildren")) {
                return true;
            }
            if (frame.getClassName().endsWith(".LineStyledCodeArea")) {
                return false;
            }
        }
        return false;
    }

    private static boolean has(StackTraceElement[] stack, String classPart, String methodPart) {
        for (StackTraceElement frame : stack) {
            if ((classPart == null || frame.getClassName().endsWith("." + classPart)
                    || frame.getClassName().contains(classPart))
                    && (methodPart == null || frame.getMethodName().contains(methodPart))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExact(StackTraceElement[] stack, String classPart, String method) {
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().endsWith("." + classPart) && frame.getMethodName().equals(method)) {
                return true;
            }
        }
        return false;
    }

    private static String firstFrame(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String name = frame.getClassName();
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
                continue;
            }
            return name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethodName();
        }
        return stack.length == 0 ? "?" : stack[0].getMethodName();
    }
}
