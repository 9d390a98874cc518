package io.cosmosdesk.editor;

import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.reactfx.Subscription;

/**
 * Keeps the editor's code area and the view-model's text in step. The area is the source while the user
 * types (a mirror string follows its edits, so no keystroke materialises the whole text); every text the
 * view-model sets comes in a fresh area. RichTextFX pays per paragraph to replace a document in place
 * (0.2-0.5 s for a 2 MB item, most of it removing the old one) but nothing to build an area over a
 * document made beforehand: the text is split into lines and its first screens coloured on a background
 * thread, and only the swap of areas runs on the UI thread. Until then the old area stays, read-only.
 */
final class EditorAreaHost {

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
    private String mirror;
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
        mirror = text.get();
        JsonCodeArea first = new JsonCodeArea(JsonCodeArea.prepare(mirror));
        // RichTextFX adds its own stylesheets to every area. JavaFX parses a parent's stylesheet once and
        // drops it (and the styles worked out from it) when the last parent using it leaves the scene, which
        // is what happened on every swap of areas: the new area's first layout parsed both files again and
        // matched every node of a fresh screen against them from scratch. The body keeps them in use.
        body.getStylesheets().addAll(first.getStylesheets());
        install(first);
        text.addListener((obs, old, value) -> {
            if (!value.equals(mirror)) {
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
        if (pretty.equals(mirror)) {
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
        mirror = value;
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
        if (old != null) {
            old.editableProperty().unbind();
            old.dispose();
        }
        area = fresh;
        fresh.setId("codeArea");
        fresh.editableProperty().bind(editable);
        VirtualizedScrollPane<JsonCodeArea> scroller = new VirtualizedScrollPane<>(fresh);
        scroller.visibleProperty().bind(editing);
        if (old == null) {
            body.getChildren().add(0, scroller);
        } else {
            body.getChildren().set(0, scroller);
        }
        ValidationProblem current = problem.get();
        if (current != null && current.line() > 0) {
            fresh.markErrorLine(current.line());
        }
        followingEdits = fresh.plainTextChanges().subscribe(change -> {
            int at = change.getPosition();
            mirror = mirror.substring(0, at) + change.getInserted()
                    + mirror.substring(at + change.getRemoved().length());
            text.set(mirror);
        });
        if (hadFocus) {
            fresh.requestFocus();
        }
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
