package io.cosmosdesk.editor;

import io.cosmosdesk.editor.ItemEditorViewModel.Mode;
import io.cosmosdesk.ui.Nodes;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
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
import org.fxmisc.richtext.GenericStyledArea;

/** Thin controller of ItemEditor.fxml: binds the view to {@link ItemEditorViewModel} and forwards intent. */
public class ItemEditorController {

    /** The pulses a shown item's text area grows over ({@code EditorAreaHost.STAGES}), for the benchmarks' frames. */
    public static final int AREA_GROWTH_STAGES = EditorAreaHost.STAGES;

    private static final KeyCombination SAVE = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination NEW = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FORMAT = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);

    private final ItemEditorViewModel viewModel;
    private final TaskRunner tasks;
    private EditorAreaHost areas;
    private FindBar find;
    private SystemPropertiesPane system;
    private Runnable newItemHandler = this::startNewItem;

    @FXML private VBox root;
    @FXML private Button newButton;
    @FXML private StackPane saveHolder;
    @FXML private Button saveButton;
    @FXML private Button discardButton;
    @FXML private Button reloadButton;
    @FXML private Button cloneButton;
    @FXML private Button historyButton;
    @FXML private Button editorDeleteButton;
    @FXML private Button formatButton;
    @FXML private Button findButton;
    @FXML private Label stateLabel;
    @FXML private javafx.scene.layout.HBox editorToolbar;
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

    public ItemEditorViewModel viewModel() {
        return viewModel;
    }

    /** The code editor showing the current item, for hosts that want to focus it; replaced per item. */
    public JsonCodeArea codeArea() {
        return areas.area();
    }

    @FXML
    private void initialize() {
        BooleanBinding editing = viewModel.modeProperty().isEqualTo(Mode.EXISTING)
                .or(viewModel.modeProperty().isEqualTo(Mode.NEW));
        BooleanBinding existing = viewModel.modeProperty().isEqualTo(Mode.EXISTING);
        areas = new EditorAreaHost(editorBody, root, viewModel.textProperty(), tasks, editing,
                viewModel.readOnlyProperty(), viewModel.firstProblemProperty()::get);
        emptyState.visibleProperty().bind(viewModel.modeProperty().isEqualTo(Mode.EMPTY));
        busyIndicator.visibleProperty().bind(viewModel.modeProperty().isEqualTo(Mode.LOADING)
                .or(viewModel.savingProperty()).or(areas.pendingProperty()));

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
        historyButton.disableProperty().bind(viewModel.savingProperty().or(existing.not()));
        formatButton.disableProperty().bind(editing.not());
        findButton.disableProperty().bind(editing.not());
        // greyed out, these would say nothing on hover: their tooltips move onto holders that stay enabled
        io.cosmosdesk.ui.TooltipHolder.holdTooltipsOf(newButton, discardButton, editorDeleteButton, reloadButton,
                cloneButton, historyButton, formatButton, findButton);
        viewModel.readOnlyProperty().addListener((obs, old, value) -> Nodes.toggleStyleClass(root, "read-only", value));
        viewModel.dirtyProperty().addListener((obs, old, value) -> Nodes.toggleStyleClass(stateLabel, "dirty", value));
        stateLabel.textProperty().bind(Bindings.createStringBinding(() -> state().text(), viewModel.modeProperty(),
                viewModel.dirtyProperty(), viewModel.savingProperty(), viewModel.readOnlyProperty()));
        Tooltip stateTip = new Tooltip();
        stateTip.textProperty().bind(Bindings.createStringBinding(() -> state().tip(), stateLabel.textProperty()));
        // no tooltip while the state says nothing (a clean item): an empty tooltip would still show as a small box
        stateLabel.tooltipProperty().bind(Bindings.when(stateTip.textProperty().isEmpty()).then((Tooltip) null)
                .otherwise(stateTip));
        // beside the grid the editor is often narrower than every button: the icons that do not fit wait in a menu
        io.cosmosdesk.ui.ToolbarOverflow.install(editorToolbar, reloadButton, cloneButton, historyButton,
                formatButton, findButton);

        editorErrorLabel.textProperty().bind(viewModel.errorMessageProperty());
        editorErrorBanner.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        editorErrorBanner.managedProperty().bind(editorErrorBanner.visibleProperty());

        find = new FindBar(findBar, findField, findStatus, areas::area);

        validationLabel.textProperty().bind(Bindings.createStringBinding(this::validationText,
                viewModel.firstProblemProperty(), viewModel.modeProperty(), viewModel.validatingProperty()));
        viewModel.firstProblemProperty().addListener((obs, old, problem) -> {
            Nodes.toggleStyleClass(validationLabel, "invalid", problem != null);
            areas.area().markErrorLine(problem == null ? 0 : problem.line());
        });
        validationLabel.setOnMouseClicked(event -> {
            ValidationProblem problem = viewModel.firstProblemProperty().get();
            if (problem != null && problem.hasLocation()) {
                areas.area().moveToLineColumn(problem.line(), problem.column());
                areas.area().requestFocus();
            }
        });
        editorStatusLabel.textProperty().bind(viewModel.statusMessageProperty());

        systemPane.visibleProperty().bind(Bindings.isNotEmpty(viewModel.systemProperties()));
        systemPane.managedProperty().bind(systemPane.visibleProperty());
        system = new SystemPropertiesPane(systemGrid);
        viewModel.systemProperties().addListener((ListChangeListener<SystemProperty>) change ->
                system.show(viewModel.systemProperties()));
        system.show(viewModel.systemProperties());

        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** The state (before the validation message, where the line has room for it whole) and its tooltip. */
    private record EditorState(String text, String tip) {
    }

    private EditorState state() {
        if (viewModel.readOnlyProperty().get() && viewModel.modeProperty().get() != Mode.EMPTY) {
            return new EditorState("Read-only connection", "Read-only connection: nothing in this editor can be saved");
        }
        if (viewModel.savingProperty().get()) {
            return new EditorState("Saving…", "Saving…");
        }
        return switch (viewModel.modeProperty().get()) {
            case NEW -> new EditorState("● New item, not saved yet", "A new item, not saved yet: Save (Ctrl+S) "
                    + "creates it");
            case EXISTING -> viewModel.dirtyProperty().get() ? new EditorState("● Unsaved changes", "This item has unsaved "
                    + "changes: Save (Ctrl+S) writes them, Discard (Esc) drops them") : new EditorState("", "");
            case LOADING -> new EditorState("Loading…", "Loading…");
            case EMPTY -> new EditorState("", "");
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
            if (find.isOpen()) {
                find.close();
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

    /**
     * Where New (button and Ctrl+N) goes: a host that shows the editor beside other views sets its own, so
     * a new item starts the same way from everywhere; by default the editor starts it itself.
     */
    public void setOnNewItem(Runnable handler) {
        this.newItemHandler = Objects.requireNonNull(handler);
    }

    @FXML
    private void onNew() {
        newItemHandler.run();
    }

    private void startNewItem() {
        if (viewModel.handle() == null) {
            return;
        }
        viewModel.canLeave().thenAccept(leave -> {
            if (leave) {
                viewModel.newItem(viewModel.handle());
                areas.area().requestFocus();
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
        areas.area().requestFocus();
    }

    @FXML
    private void onHistory() {
        viewModel.history().ifPresent(history -> io.cosmosdesk.audit.ItemHistoryDialog.show(
                root.getScene() == null ? null : root.getScene().getWindow(), history, viewModel::restoreVersion));
    }

    @FXML
    private void onDelete() {
        viewModel.delete();
    }

    @FXML
    private void onFormat() {
        format();
    }

    /** Reformats the text; Ctrl+Z undoes it (see {@link EditorAreaHost#format}). */
    private void format() {
        viewModel.formattedText().ifPresent(areas::format);
    }

    @FXML
    private void onFind() {
        find.open();
    }

    @FXML
    private void onFindNext() {
        find.step(true);
    }

    @FXML
    private void onFindPrevious() {
        find.step(false);
    }

    @FXML
    private void onCloseFind() {
        find.close();
    }

    @FXML
    private void onDismissError() {
        viewModel.clearError();
    }
}
