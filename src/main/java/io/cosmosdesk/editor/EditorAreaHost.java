package io.cosmosdesk.editor;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.PulseSteps;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.reactfx.Subscription;

/**
 * Keeps the editor's code area and the view-model's text in step. The area is the source while the user
 * types (a mirror string follows its edits, so no keystroke materialises the whole text); every text the
 * view-model sets comes in a fresh area. RichTextFX pays per paragraph to replace a document in place
 * (0.2-0.5 s for a 2 MB item, most of it removing the old one) but nothing to build an area over a
 * document made beforehand: the text is split into lines and its first screens coloured on a background
 * thread, and only the swap of areas runs on the UI thread. Until then the old area stays, read-only.
 *
 * <p>The swap itself is spread over pulses ({@link #STAGES}): what showing an item costs the UI thread is styling
 * and laying out a screen of fresh lines, whatever the item's size, so the new area starts a part of the body
 * tall and grows a part per pulse. It is the live area from the first pulse (wired to the view-model, focused,
 * editable), so nothing typed can go anywhere else; the old area stays behind it, unwired, read-only, undrawn and
 * out of the mouse and focus path, until the new one covers the body, and then leaves the scene.
 */
final class EditorAreaHost {

    /**
     * Pulses over which a fresh area grows to the body's height (each lays out that share of a screen). Building a
     * line's cell is most of what a pulse costs (the flow's cells, their CSS and line number). EditorBenchmark 6,
     * 3 against 6 stages interleaved in one run (ABBAAB, G1, load 12-15, session 14), open stall median / max:
     * 2 MB 150/550, 56/246, 137/157 ms against 98/140, 52/135, 74/103; 10 KB 200/225, 144/515, 273/541 against
     * 101/162, 107/123, 54/203; the 2 MB open's longest UI-busy stretch 184/59/80 against 87/76/47 ms.
     * Session 16: every open stall over 40 ms was the UI thread runnable without a core (the JIT's threads and the
     * machine's other work had both) or a collection, with 0-37 ms of its own CPU in it; the shorter each pulse's
     * own work, the less a pulse that loses its core stretches. 6 against 10 stages, 6 pairs alternating in one
     * hold (load 16-23), medians of the six runs' figures: open stall median 10 KB 43 / 31 ms, 500 KB 58 / 30,
     * 2 MB 61 / 44; open stall max 122 / 82, 110 / 100, 174 / 139; the longest UI-busy stretch 28 / 19, 26 / 20,
     * 22 / 17 ms. The whole open's UI CPU stays within the noise (93-135 / 104-142 ms): four more pulses' passes.
     */
    static final int STAGES = 10;

    /** Up to this size Format is one edit in the area, so Ctrl+Z brings the user's own layout back. */
    private static final int UNDOABLE_FORMAT_CHARS = 128 * 1024;

    private final Pane body;
    private final Node editorRoot;
    private final StringProperty text;
    private final TaskRunner tasks;
    private final BooleanExpression editing;
    private final BooleanBinding editable;
    private final Supplier<ValidationProblem> problem;
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(this, "pending");
    private JsonCodeArea area;
    /** The scroll pane around {@link #area}, in {@link #body}. */
    private VirtualizedScrollPane<JsonCodeArea> shown;
    /** Areas replaced but still behind the growing new one; they leave the scene when it is full height. */
    private final List<VirtualizedScrollPane<JsonCodeArea>> retiring = new ArrayList<>();
    private final PulseSteps steps = new PulseSteps();
    /**
     * The text as the area holds it, following the area's edits in place: a keystroke moves the characters after
     * it (no allocation) and makes one copy for the view-model's string, where rebuilding an immutable mirror
     * made two (each a 2 MB humongous array for a 2 MB item, ~4.7 MB per key in all).
     */
    private StringBuilder mirror;
    /** The string last given to the view-model from {@link #mirror} (its own echo needs no comparison). */
    private String published;
    private Subscription followingEdits = Subscription.EMPTY;
    private TaskHandle preparing = TaskHandle.NONE;
    private long generation;
    /** The area had the focus when it was hidden for loading: the next area gets it back. */
    private boolean focusReturnsToArea;

    /**
     * @param body where the area goes, as the first child
     * @param editing whether an item is shown (the area is hidden otherwise)
     * @param readOnly whether the connection refuses writes
     * @param problem the current validation problem, marked in each new area
     */
    EditorAreaHost(Pane body, Node editorRoot, StringProperty text, TaskRunner tasks, BooleanExpression editing,
            BooleanExpression readOnly, Supplier<ValidationProblem> problem) {
        this.body = body;
        this.editorRoot = editorRoot;
        this.text = text;
        this.tasks = tasks;
        this.editing = editing;
        this.problem = problem;
        this.editable = editing.and(readOnly.not()).and(pending.not());
        editing.addListener((obs, was, now) -> {
            if (!now && area.getScene() != null && area.getScene().getFocusOwner() == area) {
                focusReturnsToArea = true; // hiding the area for a reload passes the focus on; take it back
            }
        });
        published = text.get();
        mirror = new StringBuilder(published);
        JsonCodeArea first = new JsonCodeArea(JsonCodeArea.prepare(published));
        // RichTextFX adds its own stylesheets to every area. JavaFX parses a parent's stylesheet once and
        // drops it (and the styles worked out from it) when the last parent using it leaves the scene, which
        // is what happened on every swap of areas: the new area's first layout parsed both files again and
        // matched every node of a fresh screen against them from scratch. The body keeps them in use.
        body.getStylesheets().addAll(first.getStylesheets());
        install(first);
        text.addListener((obs, old, value) -> {
            if (value != published && !value.contentEquals(mirror)) {
                show(value);
            }
        });
    }

    JsonCodeArea area() {
        return area;
    }

    /** True while a new text is being prepared: the old area shows, read-only. */
    ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** Puts reformatted text in: one undoable edit when small enough, else a fresh area. */
    void format(String pretty) {
        if (pretty.contentEquals(mirror)) {
            return;
        }
        if (pretty.length() <= UNDOABLE_FORMAT_CHARS && !pending.get()) {
            area.replaceText(0, area.getLength(), pretty);
            area.moveTo(0);
            area.showParagraphAtTop(0);
        } else {
            text.set(pretty);
        }
    }

    private void show(String value) {
        preparing.cancel();
        long current = ++generation;
        mirror = new StringBuilder(value);
        published = value;
        pending.set(true);
        preparing = tasks.start(BackgroundTask.of("Preparing the editor", ctx -> JsonCodeArea.prepare(value))
                .onSuccess(document -> {
                    if (current == generation) {
                        install(new JsonCodeArea(document));
                        pending.set(false);
                    }
                }));
    }

    /** Puts an area in place of the current one, wired like it; keeps the keyboard focus where it was. */
    private void install(JsonCodeArea fresh) {
        JsonCodeArea old = area;
        boolean hadFocus = old != null && old.getScene() != null && (old.getScene().getFocusOwner() == old
                || focusReturnsToArea && isInEditor(old.getScene().getFocusOwner()));
        focusReturnsToArea = false;
        followingEdits.unsubscribe();
        // the id before the area joins the scene: a node's id is a CSS selector, so setting it in the scene restyles
        // the whole area afresh (Node.reapplyCSS)
        fresh.setId("codeArea");
        VirtualizedScrollPane<JsonCodeArea> scroller = new VirtualizedScrollPane<>(fresh);
        StackPane.setAlignment(scroller, Pos.TOP_LEFT);
        scroller.visibleProperty().bind(editing);
        double height = body.getHeight();
        if (old == null) {
            body.getChildren().add(0, scroller);
        } else {
            retire(shown);
            // before the old area among the body's children, so a lookup finds the live area first; the old
            // one is drawn behind it (view order), and behind the body's other layers (empty state, busy mark)
            body.getChildren().add(body.getChildren().indexOf(shown), scroller);
            growInSteps(scroller, height);
        }
        area = fresh;
        shown = scroller;
        fresh.editableProperty().bind(editable);
        ValidationProblem current = problem.get();
        if (current != null && current.line() > 0) {
            fresh.markErrorLine(current.line());
        }
        followingEdits = fresh.plainTextChanges().subscribe(change -> {
            int at = change.getPosition();
            mirror.replace(at, at + change.getRemoved().length(), change.getInserted());
            published = mirror.toString();
            text.set(published);
        });
        if (hadFocus) {
            fresh.requestFocus();
        }
    }

    /**
     * Takes a replaced area out of use at once (no edits, no focus, no clicks); it stays in the scene behind the new
     * one until that covers the body. It keeps its id until then: changing a node's id in a scene restyles it and
     * everything in it at once (Node.reapplyCSS: every line's cell, text and number matched against the style sheets
     * again), which was more than half of the UI thread's work in the event that swaps the areas (flight recording of
     * EditorBenchmark, session 15). EditorBenchmark 6, id cleared at retiring against kept, ABBAAB in one hold (load
     * 9-12): the longest UI-busy stretch of an open, median of the nine per-size maxima, 55 against 25 ms (23-78
     * against 20-31); allocation per 10 KB open 17-20 against 13 MB. A lookup of the id still finds the live area: it
     * comes first among the body's children.
     */
    private void retire(VirtualizedScrollPane<JsonCodeArea> scroller) {
        JsonCodeArea old = scroller.getContent();
        old.editableProperty().unbind();
        old.setEditable(false);
        old.setFocusTraversable(false);
        scroller.setMouseTransparent(true);
        scroller.setViewOrder(1);
        // not drawn: below the growing new area it would show the rest of the other document, the two cut at a
        // line, for the whole growth (frames under Xvfb, session 14); the body's background shows instead
        scroller.setOpacity(0);
        retiring.add(scroller);
    }

    /**
     * The fresh area starts {@code 1 / STAGES} of the body tall and grows a share per pulse; then the retired
     * areas leave. A newer area drops the steps left: it grows in its own, and the retired leave after it.
     */
    private void growInSteps(VirtualizedScrollPane<JsonCodeArea> scroller, double height) {
        steps.clear();
        if (height <= 0) {
            steps.add(this::dropRetired);
            return;
        }
        scroller.setMaxHeight(height / STAGES);
        steps.add(() -> { }); // the pulse after the swap: it styles and lays out the first share
        for (int step = 2; step <= STAGES; step++) {
            double share = (double) step / STAGES;
            steps.add(() -> scroller.setMaxHeight(share >= 1 ? Double.MAX_VALUE : body.getHeight() * share));
        }
        steps.add(this::dropRetired);
    }

    private void dropRetired() {
        for (VirtualizedScrollPane<JsonCodeArea> old : retiring) {
            body.getChildren().remove(old);
            old.getContent().setId(null); // out of the scene now: no styling to redo
            old.getContent().dispose();
        }
        retiring.clear();
    }

    /** Whether the focus is nowhere or within the editor (not in the grid or elsewhere the user went). */
    private boolean isInEditor(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == editorRoot) {
                return true;
            }
        }
        return node == null;
    }
}
