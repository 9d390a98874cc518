package io.cosmosdesk.query;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completion popup of a {@link SqlCodeArea} (and of the Items grid's filter box): Ctrl+Space anywhere, and by itself after an alias and a dot
 * ({@code c.}); it follows the typing, Up/Down choose, Enter or Tab insert, Esc closes. The container's field
 * paths are read once in the background; until they arrive keywords and functions work and a field list
 * says it is loading. All work on the UI thread is a filter over a few hundred words.
 */
public final class SqlCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(SqlCompletion.class);
    private static final double ROW_HEIGHT = 24;
    private static final int VISIBLE_ROWS = 10;

    private final CompletionTarget area;
    private final ListView<Completion> list = new ListView<>();
    private final CompletionPopup popup;
    private final Label placeholder = new Label();
    private List<JsonPath> fieldPaths = List.of();
    private boolean loading;
    private boolean explicit;
    private boolean inserting;
    private SqlCompletions.Result shown;
    /** What the list was last computed for: a keystroke moves the text and the caret, and each asks for a refresh. */
    private String computedFor;

    private SqlCompletion(CompletionTarget area) {
        this.area = area;
        list.getStyleClass().add("sql-completion");
        list.setId("queryCompletion");
        list.setFocusTraversable(false);
        list.setPrefWidth(380);
        list.setPlaceholder(placeholder);
        list.setCellFactory(view -> new CompletionCell());
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                accept();
            }
        });
        popup = new CompletionPopup(area.keyNode(), list, () -> {
            explicit = false;
            shown = null;
            computedFor = null;
        });
        area.keyNode().addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        area.keyNode().addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if (event.isShortcutDown() && " ".equals(event.getCharacter())) {
                event.consume(); // Ctrl+Space opened the list; it types no space
            }
        });
        area.onInserted(inserted -> {
            if (inserting) {
                return;
            }
            if (isShowing() || ".".equals(inserted)) {
                refresh();
            }
        });
        area.caretPosition().addListener((obs, old, now) -> {
            if (isShowing() && !inserting) {
                refresh();
            }
        });
        area.focused().addListener((obs, was, now) -> {
            if (now) {
                popup.warmSoon(); // the window up before the first '.': opening it then only moves it
            } else {
                hide();
            }
        });
    }

    /** Completion with the container's field paths, read in the background through {@code source}. */
    public static SqlCompletion attach(SqlCodeArea area, TaskRunner tasks, FieldPathSource source,
            ContainerHandle container) {
        return attach(CompletionTarget.of(area), tasks, source, container);
    }

    /**
     * The same completion in the Items grid's filter box: its text is a WHERE clause, completed as the clause of
     * {@code SELECT * FROM c}, so {@code c.} lists the container's field paths.
     */
    public static SqlCompletion attachToFilter(javafx.scene.control.ComboBox<String> filterBox, TaskRunner tasks,
            FieldPathSource source, ContainerHandle container) {
        SqlCompletion completion = new SqlCompletion(CompletionTarget.ofFilter(filterBox, FILTER_PREFIX));
        completion.list.setId("filterCompletion");
        completion.loading = true;
        // read on first use, not on every grid opened: the quick sample behind the catalog costs a query
        javafx.beans.value.ChangeListener<Boolean> firstFocus = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> focused, Boolean was,
                    Boolean now) {
                if (now) {
                    focused.removeListener(this);
                    completion.read(tasks, source, container);
                }
            }
        };
        filterBox.focusedProperty().addListener(firstFocus);
        return completion;
    }

    /** What the filter box's text is completed as the end of. */
    static final String FILTER_PREFIX = "SELECT * FROM c WHERE ";

    private static SqlCompletion attach(CompletionTarget target, TaskRunner tasks, FieldPathSource source,
            ContainerHandle container) {
        SqlCompletion completion = new SqlCompletion(target);
        completion.loading = true;
        completion.read(tasks, source, container);
        return completion;
    }

    private void read(TaskRunner tasks, FieldPathSource source, ContainerHandle container) {
        tasks.start(BackgroundTask.of("Reading field names for completion", ctx -> source.fieldPaths(container))
                .onSuccess(this::fieldPathsArrived)
                .onFailure(error -> {
                    LOG.warn("No field names for completion in {}: {}", container, error.getMessage());
                    fieldPathsArrived(List.of());
                }));
    }

    /** Completion with fixed field paths (known already, or none). */
    public static SqlCompletion attach(SqlCodeArea area, List<JsonPath> fieldPaths) {
        SqlCompletion completion = new SqlCompletion(CompletionTarget.of(area));
        completion.fieldPaths = List.copyOf(fieldPaths);
        return completion;
    }

    public boolean isShowing() {
        return popup.isOpen();
    }

    /** The list's window is up, parked until the list opens (for tests and benchmarks). */
    public boolean isWarm() {
        return popup.isWarm();
    }

    /** The list of the popup (for tests). */
    public ListView<Completion> list() {
        return list;
    }

    /** Opens the list at the caret as Ctrl+Space does. */
    public void showAtCaret() {
        explicit = true;
        refresh();
    }

    public void hide() {
        popup.close();
        explicit = false;
    }

    private void fieldPathsArrived(List<JsonPath> paths) {
        fieldPaths = List.copyOf(paths);
        loading = false;
        if (isShowing()) {
            refresh();
        }
    }

    private void refresh() {
        String text = area.text();
        int caretAt = area.caret();
        int lineStart = text.lastIndexOf('\n', caretAt - 1) + 1;
        // one keystroke changes the text and moves the caret: compute the list once for both
        String key = text.length() + ":" + caretAt + ":" + explicit + ":" + loading + ":"
                + System.identityHashCode(fieldPaths) + ":" + text.substring(lineStart, caretAt);
        if (key.equals(computedFor) && popup.isOpen()) {
            return;
        }
        SqlCompletions.Result result = SqlCompletions.complete(text, caretAt, fieldPaths, explicit);
        computedFor = key;
        if (result.isEmpty() && !(result.fields() && loading)) {
            hide();
            return;
        }
        placeholder.setText(loading ? "Reading field names…" : "No match");
        if (!result.items().equals(list.getItems())) {
            list.getItems().setAll(result.items());
        }
        list.getSelectionModel().select(0);
        list.scrollTo(0);
        double height = Math.max(1, Math.min(VISIBLE_ROWS, result.items().size())) * ROW_HEIGHT + 4;
        if (list.getPrefHeight() != height) {
            list.setPrefHeight(height);
        }
        shown = result;
        if (!popup.isOpen()) {
            Node node = area.keyNode();
            if (node.getScene() == null) {
                return;
            }
            // the caret is off screen before the area scrolls to it: then under the area's top left corner
            java.util.Optional<Bounds> caret = area.caretOnScreen();
            Bounds at = caret.orElseGet(() -> node.localToScreen(node.getBoundsInLocal()));
            if (at == null) {
                return;
            }
            popup.openAt(at.getMinX(), at.getMinY() + (caret.isPresent() ? at.getHeight() + 2 : 24));
        }
    }

    private void keyPressed(KeyEvent event) {
        if (event.getCode() == KeyCode.SPACE && event.isShortcutDown()) {
            showAtCaret();
            event.consume();
            return;
        }
        if (!isShowing()) {
            return;
        }
        int at = list.getSelectionModel().getSelectedIndex();
        int count = list.getItems().size();
        switch (event.getCode()) {
            case DOWN -> select(count == 0 ? -1 : (at + 1) % count);
            case UP -> select(count == 0 ? -1 : (at - 1 + count) % count);
            case PAGE_DOWN -> select(Math.min(count - 1, at + VISIBLE_ROWS));
            case PAGE_UP -> select(Math.max(0, at - VISIBLE_ROWS));
            case ENTER, TAB -> {
                if (count == 0 || event.isShortcutDown() || event.isShiftDown()) {
                    hide(); // Ctrl+Enter / Shift+Enter run the query: the list steps aside
                    return;
                }
                accept();
            }
            case ESCAPE -> hide();
            default -> {
                return;
            }
        }
        event.consume();
    }

    private void select(int index) {
        if (index >= 0) {
            list.getSelectionModel().select(index);
            list.scrollTo(Math.max(0, index - VISIBLE_ROWS / 2));
        }
    }

    private void accept() {
        Completion chosen = list.getSelectionModel().getSelectedItem();
        SqlCompletions.Result result = shown;
        hide();
        if (chosen == null || result == null || !area.editable()) {
            return;
        }
        inserting = true;
        try {
            area.replace(chosen.replaceFrom(), result.caret(), chosen.insertText());
            area.moveCaret(chosen.replaceFrom() + chosen.insertText().length() - chosen.caretBack());
        } finally {
            inserting = false;
        }
    }

    private static final class CompletionCell extends ListCell<Completion> {
        private final Label label = new Label();
        private final Label kind = new Label();
        private final HBox row;

        CompletionCell() {
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            kind.getStyleClass().add("kind");
            row = new HBox(8, label, gap, kind);
            setPrefHeight(ROW_HEIGHT);
        }

        @Override
        protected void updateItem(Completion item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
            } else {
                label.setText(item.label());
                kind.setText(item.kind().label());
                setGraphic(row);
            }
        }
    }
}
