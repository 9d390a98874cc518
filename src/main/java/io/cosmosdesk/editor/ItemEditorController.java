package io.cosmosdesk.editor;

import io.cosmosdesk.editor.ItemEditorViewModel.Mode;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.GenericStyledArea;

/** Thin controller of ItemEditor.fxml: binds the view to {@link ItemEditorViewModel} and forwards intent. */
public class ItemEditorController {

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FORMAT = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);


    private final ItemEditorViewModel viewModel;
    private static final int UNDOABLE_FORMAT_CHARS = 128 * 1024;

    /** The current area: each text the view-model sets comes in a new one (see {@link #showDocument}). */
    private JsonCodeArea codeArea;
    private BooleanBinding editing;
    private BooleanBinding editable;
    private final List<TextField> systemFields = new ArrayList<>();
    /** The area had the focus when it was hidden for loading: the next area gets it back. */
    private boolean focusReturnsToArea;
    private final TaskRunner tasks;
    private final javafx.beans.property.BooleanProperty documentPending =
            new javafx.beans.property.SimpleBooleanProperty(this, "documentPending");
    /** The user's edits, mirrored into the view-model; paused while the view-model's text is swapped in. */
    private org.reactfx.Subscription followingEdits = org.reactfx.Subscription.EMPTY;
    /** The area's text, kept in step with its changes. */
    private String mirror = "";
    private TaskHandle pendingDocument = TaskHandle.NONE;
    private long documentGeneration;

    @FXML private VBox root;
    @FXML private Button newButton;
    @FXML private StackPane saveHolder;
    @FXML private Button saveButton;
    @FXML private Button discardButton;
    @FXML private Button reloadButton;
    @FXML private Button cloneButton;
    @FXML private Button editorDeleteButton;
    @FXML private Button formatButton;
    @FXML private Button findButton;
    @FXML private Label stateLabel;
    @FXML private HBox editorErrorBanner;
    @FXML private Label editorErrorLabel;
    @FXML private HBox findBar;
    @FXML private TextField findField;
    @FXML private Label findStatus;
    @FXML private StackPane editorBody;
    @FXML private VBox emptyState;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label validationLabel;
    @FXML private Label editorStatusLabel;
    @FXML private VBox systemPane;
    @FXML private GridPane systemGrid;

    public ItemEditorController(ItemEditorViewModel viewModel, TaskRunner tasks) {
        this.viewModel = viewModel;
        this.tasks = tasks;
    }

    /**
     * Shows text set by the view-model in a fresh area. RichTextFX pays per paragraph to replace a
     * document in place (0.2-0.5 s for a 2 MB item, most of it removing the old one) but nothing to build
     * an area over a document made beforehand; so the text is split into paragraphs and its first screens
     * highlighted on a background thread, and only the swap of areas runs on the UI thread. Until then
     * the old area stays, read-only.
     */
    private void showDocument(String text) {
        pendingDocument.cancel();
        long generation = ++documentGeneration;
        mirror = text;
        documentPending.set(true);
        pendingDocument = tasks.start(BackgroundTask.of("Preparing the editor", ctx -> JsonCodeArea.prepare(text))
                .onSuccess(document -> {
                    if (generation == documentGeneration) {
                        install(new JsonCodeArea(document));
                        documentPending.set(false);
                    }
                }));
    }

    /** Puts an area in place of the current one, wired like it; keeps the keyboard focus where it was. */
    private void install(JsonCodeArea area) {
        JsonCodeArea old = codeArea;
        boolean hadFocus = old != null && old.getScene() != null && (old.getScene().getFocusOwner() == old
                || focusReturnsToArea && isInEditor(old.getScene().getFocusOwner()));
        focusReturnsToArea = false;
        followingEdits.unsubscribe();
        if (old != null) {
            old.editableProperty().unbind();
            old.dispose();
        }
        codeArea = area;
        area.setId("codeArea");
        area.editableProperty().bind(editable);
        VirtualizedScrollPane<JsonCodeArea> scroller = new VirtualizedScrollPane<>(area);
        scroller.visibleProperty().bind(editing);
        if (old == null) {
            editorBody.getChildren().add(0, scroller);
        } else {
            editorBody.getChildren().set(0, scroller);
        }
        ValidationProblem problem = viewModel.firstProblemProperty().get();
        if (problem != null && problem.line() > 0) {
            area.markErrorLine(problem.line());
        }
        followEdits();
        if (hadFocus) {
            area.requestFocus();
        }
    }

    private void followEdits() {
        followingEdits = codeArea.plainTextChanges().subscribe(change -> {
            int at = change.getPosition();
            mirror = mirror.substring(0, at) + change.getInserted()
                    + mirror.substring(at + change.getRemoved().length());
            viewModel.textProperty().set(mirror);
        });
    }

    public ItemEditorViewModel viewModel() {
        return viewModel;
    }

    /** The code editor showing the current item, for hosts that want to focus it; replaced per item. */
    public JsonCodeArea codeArea() {
        return codeArea;
    }

    @FXML
    private void initialize() {
        editing = viewModel.modeProperty().isEqualTo(Mode.EXISTING)
                .or(viewModel.modeProperty().isEqualTo(Mode.NEW));
        editable = editing.and(viewModel.readOnlyProperty().not()).and(documentPending.not());
        editing.addListener((obs, was, now) -> {
            if (!now && codeArea.getScene() != null && codeArea.getScene().getFocusOwner() == codeArea) {
                focusReturnsToArea = true; // hiding the area for a reload passes the focus on; take it back
            }
        });
        BooleanBinding existing = viewModel.modeProperty().isEqualTo(Mode.EXISTING);
        emptyState.visibleProperty().bind(viewModel.modeProperty().isEqualTo(Mode.EMPTY));
        busyIndicator.visibleProperty().bind(viewModel.modeProperty().isEqualTo(Mode.LOADING)
                .or(viewModel.savingProperty()).or(documentPending));

        // text: the area is the source while the user types; the view-model's own changes bring a new
        // area. A mirror string follows the area's edits, so no keystroke materialises the whole text.
        mirror = viewModel.getText();
        install(new JsonCodeArea(JsonCodeArea.prepare(mirror)));
        viewModel.textProperty().addListener((obs, old, text) -> {
            if (!text.equals(mirror)) {
                showDocument(text);
            }
        });

        newButton.disableProperty().bind(viewModel.savingProperty().or(viewModel.readOnlyProperty()));
        saveButton.disableProperty().bind(viewModel.canSaveProperty().not());
        Tooltip saveTip = new Tooltip();
        saveTip.textProperty().bind(Bindings.createStringBinding(() -> viewModel.saveBlockedReasonProperty().get()
                .isEmpty() ? "Save (Ctrl+S)" : "Cannot save: " + viewModel.saveBlockedReasonProperty().get(),
                viewModel.saveBlockedReasonProperty()));
        Tooltip.install(saveHolder, saveTip);
        discardButton.disableProperty().bind(viewModel.savingProperty().or(viewModel.dirtyProperty().not()
                .and(viewModel.modeProperty().isNotEqualTo(Mode.NEW))));
        reloadButton.disableProperty().bind(viewModel.savingProperty().or(existing.not()));
        cloneButton.disableProperty().bind(viewModel.savingProperty().or(editing.not()).or(viewModel.readOnlyProperty()));
        editorDeleteButton.disableProperty().bind(viewModel.savingProperty().or(existing.not()).or(viewModel.readOnlyProperty()));
        formatButton.disableProperty().bind(editing.not());
        findButton.disableProperty().bind(editing.not());

        stateLabel.textProperty().bind(Bindings.createStringBinding(this::stateText, viewModel.modeProperty(),
                viewModel.dirtyProperty(), viewModel.savingProperty(), viewModel.readOnlyProperty()));
        viewModel.readOnlyProperty().addListener((obs, old, value) -> toggleClass(root, "read-only", value));
        viewModel.dirtyProperty().addListener((obs, old, value) -> toggleClass(stateLabel, "dirty", value));

        editorErrorLabel.textProperty().bind(viewModel.errorMessageProperty());
        editorErrorBanner.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        editorErrorBanner.managedProperty().bind(editorErrorBanner.visibleProperty());

        findBar.setVisible(false);
        findBar.managedProperty().bind(findBar.visibleProperty());
        findField.textProperty().addListener((obs, old, query) -> {
            codeArea.find(query, true);
            updateFindStatus();
        });
        findField.setOnKeyPressed(this::onFindKey);

        validationLabel.textProperty().bind(Bindings.createStringBinding(this::validationText,
                viewModel.firstProblemProperty(), viewModel.modeProperty(), viewModel.validatingProperty()));
        viewModel.firstProblemProperty().addListener((obs, old, problem) -> {
            toggleClass(validationLabel, "invalid", problem != null);
            codeArea.markErrorLine(problem == null ? 0 : problem.line());
        });
        validationLabel.setOnMouseClicked(event -> {
            ValidationProblem problem = viewModel.firstProblemProperty().get();
            if (problem != null && problem.hasLocation()) {
                codeArea.moveToLineColumn(problem.line(), problem.column());
                codeArea.requestFocus();
            }
        });
        editorStatusLabel.textProperty().bind(viewModel.statusMessageProperty());

        systemPane.visibleProperty().bind(Bindings.isNotEmpty(viewModel.systemProperties()));
        systemPane.managedProperty().bind(systemPane.visibleProperty());
        viewModel.systemProperties().addListener((ListChangeListener<SystemProperty>) change -> fillSystemGrid());
        fillSystemGrid();

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private String stateText() {
        if (viewModel.readOnlyProperty().get() && viewModel.modeProperty().get() != Mode.EMPTY) {
            return "Read-only connection";
        }
        if (viewModel.savingProperty().get()) {
            return "Saving…";
        }
        return switch (viewModel.modeProperty().get()) {
            case NEW -> "● New item, not saved yet";
            case EXISTING -> viewModel.dirtyProperty().get() ? "● Unsaved changes" : "";
            case LOADING -> "Loading…";
            case EMPTY -> "";
        };
    }

    private String validationText() {
        Mode mode = viewModel.modeProperty().get();
        if (mode != Mode.EXISTING && mode != Mode.NEW) {
            return "";
        }
        if (viewModel.validatingProperty().get()) {
            return "Checking…";
        }
        ValidationProblem problem = viewModel.firstProblemProperty().get();
        if (problem == null) {
            return "✓ Valid JSON";
        }
        return "⚠ " + problem.sentence() + (problem.hasLocation() ? "  (click to go there)" : "");
    }

    /** Fills the read-only system properties; reuses the fields when the names are the same (most opens). */
    private void fillSystemGrid() {
        List<SystemProperty> properties = viewModel.systemProperties();
        if (systemFields.size() == properties.size()) {
            boolean same = true;
            for (int i = 0; i < properties.size() && same; i++) {
                same = systemFields.get(i).getId().equals("system" + properties.get(i).name());
            }
            if (same) {
                for (int i = 0; i < properties.size(); i++) {
                    systemFields.get(i).setText(properties.get(i).value());
                }
                return;
            }
        }
        systemGrid.getChildren().clear();
        systemFields.clear();
        int row = 0;
        for (SystemProperty property : properties) {
            Label name = new Label(property.name());
            name.getStyleClass().add("system-name");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the value shrinks, never the name
            // selectable but not editable: a read-only field people can copy from
            TextField value = new TextField(property.value());
            value.setEditable(false);
            value.getStyleClass().addAll("system-value", "flat");
            value.setId("system" + property.name());
            value.setPrefColumnCount(60);
            value.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(value, javafx.scene.layout.Priority.ALWAYS);
            systemGrid.addRow(row++, name, value);
            systemFields.add(value);
        }
    }

    private void onKey(KeyEvent event) {
        if (SAVE.match(event)) {
            if (viewModel.canSaveProperty().get()) {
                viewModel.save();
            } else if (!viewModel.saveBlockedReasonProperty().get().equals("No changes to save.")) {
                viewModel.save(); // shows why in the banner
            }
            event.consume();
        } else if (NEW.match(event)) {
            if (!newButton.isDisabled()) {
                onNew();
            }
            event.consume();
        } else if (FORMAT.match(event)) {
            format();
            event.consume();
        } else if (FIND.match(event)) {
            onFind();
            event.consume();
        } else if (event.getCode() == KeyCode.ESCAPE && !event.isShortcutDown()) {
            if (findBar.isVisible()) {
                onCloseFind();
            } else {
                viewModel.discard();
            }
            event.consume();
        } else if (event.getCode() == KeyCode.DELETE && !isTextInput(event.getTarget())) {
            if (!editorDeleteButton.isDisabled()) {
                viewModel.delete();
            }
            event.consume();
        }
    }

    private static boolean isTextInput(Object target) {
        return target instanceof TextInputControl || target instanceof GenericStyledArea<?, ?, ?>;
    }

    private void onFindKey(KeyEvent event) {
        if (event.getCode() == KeyCode.ENTER) {
            codeArea.find(findField.getText(), !event.isShiftDown());
            updateFindStatus();
            event.consume();
        }
    }

    private void updateFindStatus() {
        String query = findField.getText();
        if (query == null || query.isEmpty()) {
            findStatus.setText("");
            return;
        }
        int count = codeArea.countMatches(query, 10_000);
        findStatus.setText(count == 0 ? "No matches"
                : codeArea.currentMatchIndex(query) + " of " + (count >= 10_000 ? "10,000+" : count));
    }

    @FXML
    private void onNew() {
        if (viewModel.handle() == null) {
            return;
        }
        viewModel.canLeave().thenAccept(leave -> {
            if (leave) {
                viewModel.newItem(viewModel.handle());
                codeArea.requestFocus();
            }
        });
    }

    @FXML
    private void onSave() {
        viewModel.save();
    }

    @FXML
    private void onDiscard() {
        viewModel.discard();
    }

    @FXML
    private void onReload() {
        viewModel.reload();
    }

    @FXML
    private void onClone() {
        viewModel.cloneCurrent();
        codeArea.requestFocus();
    }

    @FXML
    private void onDelete() {
        viewModel.delete();
    }

    @FXML
    private void onFormat() {
        format();
    }

    /**
     * Reformats the text. Up to {@link #UNDOABLE_FORMAT_CHARS} it is one edit in the area, so Ctrl+Z
     * brings the user's own layout back; larger texts come in a fresh area like an opened item.
     */
    private void format() {
        viewModel.formattedText().ifPresent(pretty -> {
            if (pretty.equals(mirror)) {
                return;
            }
            if (pretty.length() <= UNDOABLE_FORMAT_CHARS && !documentPending.get()) {
                codeArea.replaceText(0, codeArea.getLength(), pretty);
                codeArea.moveTo(0);
                codeArea.showParagraphAtTop(0);
            } else {
                viewModel.textProperty().set(pretty);
            }
        });
    }

    @FXML
    private void onFind() {
        findBar.setVisible(true);
        String selected = codeArea.getSelectedText();
        if (!selected.isEmpty() && selected.indexOf('\n') < 0) {
            findField.setText(selected);
        }
        findField.requestFocus();
        findField.selectAll();
    }

    @FXML
    private void onFindNext() {
        codeArea.find(findField.getText(), true);
        updateFindStatus();
    }

    @FXML
    private void onFindPrevious() {
        codeArea.find(findField.getText(), false);
        updateFindStatus();
    }

    @FXML
    private void onCloseFind() {
        findBar.setVisible(false);
        codeArea.requestFocus();
    }

    @FXML
    private void onDismissError() {
        viewModel.clearError();
    }

    /** Whether the focus is nowhere or within this editor (not in the grid or elsewhere the user went). */
    private boolean isInEditor(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at == root) {
                return true;
            }
        }
        return node == null;
    }

    private static void toggleClass(Node node, String styleClass, boolean on) {
        node.getStyleClass().remove(styleClass);
        if (on) {
            node.getStyleClass().add(styleClass);
        }
    }
}
