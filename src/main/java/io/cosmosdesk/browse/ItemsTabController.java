package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.ui.StandInRow;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/** Thin controller of ItemsTab.fxml: binds the grid and bars to {@link ItemsViewModel}, forwards intent. */
public class ItemsTabController {

    /** Larger items are shown cut, so the read-only preview stays responsive. */
    private static final int PREVIEW_LIMIT = 200_000;

    private final ItemsViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Button deleteButton;
    @FXML private Button newItemButton;
    @FXML private Button moveButton;
    @FXML private javafx.scene.control.MenuButton moreActionsButton;
    @FXML private Tooltip moreActionsTooltip;
    private ToolbarActions toolbarActions;
    @FXML private javafx.scene.layout.FlowPane itemsToolbar;
    @FXML private Tooltip deleteTooltip;
    @FXML private Button countButton;
    @FXML private Label countLabel;
    @FXML private Spinner<Integer> pageSizeSpinner;
    @FXML private TextField addColumnField;
    @FXML private TextField findIdField;
    @FXML private ComboBox<String> filterBox;
    @FXML private Label outdatedLabel;
    @FXML private HBox filterParameterChips;
    @FXML private Label filterErrorLabel;
    @FXML private HBox errorBanner;
    @FXML private Label errorLabel;
    @FXML private HBox noticeBanner;
    @FXML private Label noticeLabel;
    @FXML private TableView<ItemRow> itemsTable;
    @FXML private StackPane editorHost;
    @FXML private TextArea itemPreview;
    @FXML private Label editorPlaceholder;
    @FXML private ProgressBar loadingBar;
    @FXML private Label statusLabel;
    @FXML private Tooltip statusTooltip;
    @FXML private Button loadMoreButton;
    @FXML private Button cancelButton;
    @FXML private Label sortLabel;
    @FXML private Tooltip sortTooltip;
    @FXML private Button unsortButton;
    @FXML private Label goToIdLabel;
    @FXML private ProgressBar deleteBar;
    @FXML private Label deleteLabel;
    @FXML private Button copyActivityButton;

    public ItemsTabController(ItemsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public ItemsViewModel viewModel() {
        return viewModel;
    }

    /** The right-hand pane where the item editor goes (the read-only preview sits there until then). */
    public StackPane editorHost() {
        return editorHost;
    }

    @FXML
    private void initialize() {
        bindFilterBar();
        bindGrid();
        bindBanners();
        bindStatus();
        bindPreview();
        bindKeys();

        // a read-only connection, or a container deleted elsewhere (its first 404): nothing here may write
        var noWrites = viewModel.containerGoneProperty().or(Bindings.createBooleanBinding(viewModel::isReadOnly));
        newItemButton.disableProperty().bind(noWrites);
        moveButton.disableProperty().bind(noWrites);
        if (viewModel.isReadOnly()) {
            moveButton.setTooltip(new Tooltip("This connection is read-only: items cannot be moved."));
        }
        deleteButton.disableProperty().bind(Bindings.isEmpty(viewModel.selection()).or(viewModel.deletingProperty())
                .or(noWrites));
        if (viewModel.isReadOnly()) {
            deleteTooltip.setText("Read-only connection: items cannot be deleted");
        }
        countButton.disableProperty().bind(viewModel.countingProperty());
        // a disabled button shows no tooltip (Delete with nothing selected, or on a read-only connection)
        io.cosmosdesk.ui.TooltipHolder.holdTooltipsOf(newItemButton, deleteButton);
        // one row in a 1152 px window (a first start on a 1280 px screen): Count, then Move…, wait in More
        io.cosmosdesk.ui.ToolbarOverflow.installInto(itemsToolbar, moreActionsButton, moveButton, countButton);
        countLabel.textProperty().bind(viewModel.countTextProperty());
        visibleWhen(countLabel, viewModel.countTextProperty().isNotEmpty());

        pageSizeSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                ItemsViewModel.MAX_PAGE_SIZE, viewModel.pageSizeProperty().get(), 50));
        // room for "1000" and a typed fifth digit beside the arrows
        pageSizeSpinner.getEditor().setPrefColumnCount(5);
        pageSizeSpinner.getValueFactory().valueProperty().addListener((obs, old, size) -> {
            if (size != null) {
                viewModel.pageSizeProperty().set(size);
            }
        });
        pageSizeSpinner.getEditor().focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                commitSpinnerText();
            }
        });
    }

    private void commitSpinnerText() {
        try {
            int typed = Integer.parseInt(pageSizeSpinner.getEditor().getText().strip().replace(",", ""));
            pageSizeSpinner.getValueFactory().setValue(Math.max(1, Math.min(ItemsViewModel.MAX_PAGE_SIZE, typed)));
        } catch (NumberFormatException e) {
            pageSizeSpinner.getEditor().setText(String.valueOf(pageSizeSpinner.getValue()));
        }
    }

    private void bindFilterBar() {
        // The box's own list, refreshed by hand: when an editable ComboBox's items are replaced while one of them
        // is selected, it sets its value to null and back, which rewrites the editor (and so the typed filter).
        // The typed text is the view-model's; the list must never change it.
        ObservableList<String> choices = FXCollections.observableArrayList(viewModel.filterSuggestions());
        filterBox.setItems(choices);
        viewModel.filterSuggestions().addListener((ListChangeListener<String>) change -> {
            String typed = viewModel.filterTextProperty().get();
            filterBox.getSelectionModel().clearSelection();
            choices.setAll(viewModel.filterSuggestions());
            viewModel.filterTextProperty().set(typed);
        });
        filterBox.getEditor().textProperty().bindBidirectional(viewModel.filterTextProperty());
        filterBox.promptTextProperty().bind(viewModel.filterHintProperty());
        filterBox.setOnAction(event -> {
            // choosing from the list puts the text into the box; applying stays an explicit act
            if (filterBox.getValue() != null) {
                filterBox.getEditor().setText(filterBox.getValue());
            }
        });
        // the query workspace's completion, on the filter's text as the WHERE clause of SELECT * FROM c; added
        // before the Enter filter below so that Enter in the open list inserts (consumes) instead of applying
        viewModel.fieldCompletion().ifPresent(completion -> io.cosmosdesk.query.SqlCompletion.attachToFilter(
                filterBox, completion.tasks(), completion.source(), viewModel.handle()));
        // a filter, not a handler: the editable ComboBox consumes Enter itself before handlers see it
        filterBox.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && !event.isShiftDown() && !filterBox.isShowing()
                    && !event.isConsumed()) {
                viewModel.applyFilter();
                event.consume();
            }
        });
        visibleWhen(outdatedLabel, viewModel.filterOutdatedBinding());
        FilterParameterChips.bind(filterParameterChips, viewModel);
        findIdField.textProperty().bindBidirectional(viewModel.goToIdTextProperty());
        filterErrorLabel.textProperty().bind(viewModel.filterErrorProperty());
        visibleWhen(filterErrorLabel, viewModel.filterErrorProperty().isNotNull());
    }

    private void bindGrid() {
        // a saved item's row is replaced in place, and the table drops the selection of a replaced row: note
        // it before the table hears of the change (listeners run in the order added), select it again after
        List<Integer> reselect = new ArrayList<>();
        viewModel.rows().addListener((ListChangeListener<ItemRow>) change -> {
            while (change.next()) {
                if (change.wasReplaced()) {
                    for (int i = change.getFrom(); i < change.getTo(); i++) {
                        if (itemsTable.getSelectionModel().isSelected(i)) {
                            reselect.add(i);
                        }
                    }
                }
            }
        });
        // a transparent stand-in row takes the grid's first styling while the first page is on its way
        StandInRow.install(itemsTable, viewModel.rows(), ItemRow.of(com.fasterxml.jackson.databind.node
                .JsonNodeFactory.instance.objectNode().put("id", ""), viewModel.handle().info().partitionKeyPaths()));
        viewModel.rows().addListener((ListChangeListener<ItemRow>) change -> {
            List<Integer> indices = List.copyOf(reselect);
            reselect.clear();
            indices.forEach(itemsTable.getSelectionModel()::select);
        });
        itemsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // selectedItems alone misses changes when rows are removed under a selection; resync on all three
        itemsTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ItemRow>) change ->
                syncSelection());
        itemsTable.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) change ->
                syncSelection());
        viewModel.rows().addListener((ListChangeListener<ItemRow>) change -> syncSelection());
        viewModel.setOnSelectionChosen(chosen -> {
            itemsTable.getSelectionModel().clearSelection();
            chosen.forEach(itemsTable.getSelectionModel()::select);
            if (!chosen.isEmpty()) {
                itemsTable.scrollTo(chosen.get(0));
            }
        });
        // a new query's rows (sort, filter, go to id) start at the first row, not where the old ones were
        // scrolled to; this runs after the view-model's own first-page rules, which may select a row further down
        viewModel.stateProperty().addListener((obs, old, state) -> {
            if (old == ItemsViewModel.State.LOADING && state == ItemsViewModel.State.ROWS) {
                itemsTable.scrollTo(0);
            }
        });
        itemsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        itemsTable.setRowFactory(table -> {
            TableRow<ItemRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.openSelected();
                }
            });
            return row;
        });
        ItemGridColumns.bind(itemsTable, viewModel);
        GridPlaceholder.install(itemsTable, viewModel);
        InfiniteScroll.install(itemsTable, viewModel);
    }

    private void syncSelection() {
        List<ItemRow> selected = itemsTable.getSelectionModel().getSelectedItems().stream()
                .filter(java.util.Objects::nonNull).toList();
        if (!selected.equals(viewModel.selection())) {
            viewModel.setSelection(selected);
        }
    }

    private void bindBanners() {
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        visibleWhen(errorBanner, viewModel.errorMessageProperty().isNotNull());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        visibleWhen(noticeBanner, viewModel.noticeProperty().isNotNull());
    }

    private void bindStatus() {
        visibleWhen(loadingBar, viewModel.loadingShownProperty());
        visibleWhen(cancelButton, viewModel.busyProperty().or(viewModel.deletingProperty()));
        statusLabel.textProperty().bind(viewModel.statusTextProperty());
        statusTooltip.textProperty().bind(viewModel.statusTextProperty());
        visibleWhen(loadMoreButton, viewModel.hasMoreProperty());
        loadMoreButton.disableProperty().bind(viewModel.busyProperty());
        sortLabel.textProperty().bind(viewModel.sortLabelProperty());
        sortTooltip.textProperty().bind(Bindings.concat(viewModel.sortLabelProperty(),
                ". A sort on the server leaves out the items without the sorted property; ✕ Unsort shows them again."));
        visibleWhen(unsortButton, viewModel.sortLabelProperty().isNotEmpty());
        goToIdLabel.textProperty().bind(Bindings.when(viewModel.activeIdProperty().isNull()).then("")
                .otherwise(Bindings.concat("Only id \"", viewModel.activeIdProperty(), "\" · Clear shows all")));
        visibleWhen(goToIdLabel, viewModel.activeIdProperty().isNotNull());
        visibleWhen(deleteBar, viewModel.deletingProperty());
        deleteBar.progressProperty().bind(viewModel.deleteProgressProperty());
        deleteLabel.textProperty().bind(viewModel.deleteMessageProperty());
        visibleWhen(copyActivityButton, viewModel.activityIdProperty().isNotNull());
    }

    private void bindPreview() {
        visibleWhen(editorPlaceholder, viewModel.selectedItemProperty().isNull());
        itemPreview.visibleProperty().bind(viewModel.selectedItemProperty().isNotNull());
        viewModel.selectedItemProperty().addListener((obs, old, row) -> {
            if (row == null) {
                itemPreview.clear();
                editorPlaceholder.setText(viewModel.selection().size() > 1
                        ? viewModel.selection().size() + " items selected" : "Select an item to view it");
                return;
            }
            String text = row.json().toPrettyString();
            itemPreview.setText(text.length() > PREVIEW_LIMIT
                    ? text.substring(0, PREVIEW_LIMIT) + "\n… (item shortened in this preview: "
                            + String.format("%,d", text.length()) + " characters)" : text);
            itemPreview.positionCaret(0);
        });
        viewModel.selection().addListener((ListChangeListener<ItemRow>) change -> {
            if (viewModel.selection().size() > 1) {
                editorPlaceholder.setText(viewModel.selection().size() + " items selected");
            }
        });
    }

    private static final KeyCombination NEW_ITEM = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination GO_TO_FILTER = new KeyCodeCombination(KeyCode.L,
            KeyCombination.SHORTCUT_DOWN);

    private void bindKeys() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (NEW_ITEM.match(event)) {
                // the whole tab, the editor too: one path to a new item, through the host's unsaved-changes guard
                if (!newItemButton.isDisabled()) {
                    viewModel.newItem();
                }
                event.consume();
            } else if (GO_TO_FILTER.match(event) || FIND.match(event) && !inEditor(event.getTarget())) {
                // in the editor, Ctrl+F is its own find; everywhere else it means the filter
                focusFilter();
                event.consume();
            } else if (event.getCode() == KeyCode.F5 || event.getCode() == KeyCode.ENTER && event.isShiftDown()) {
                viewModel.applyFilter();
                event.consume();
            } else if (event.getCode() == KeyCode.ESCAPE
                    && (viewModel.busyProperty().get() || viewModel.deletingProperty().get())) {
                viewModel.cancel();
                event.consume();
            }
        });
        itemsTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DELETE) {
                viewModel.deleteSelected();
                event.consume();
            } else if (event.getCode() == KeyCode.ENTER && !event.isShiftDown()) {
                viewModel.openSelected();
                event.consume();
            }
        });
    }

    private boolean inEditor(Object target) {
        for (Node node = target instanceof Node n ? n : null; node != null; node = node.getParent()) {
            if (node == editorHost) {
                return true;
            }
        }
        return false;
    }

    /** Ctrl+L anywhere in the tab, Ctrl+F outside the editor: the filter box, its text selected to type over. */
    public void focusFilter() {
        filterBox.requestFocus();
        filterBox.getEditor().selectAll();
    }

    private static void visibleWhen(Node node, javafx.beans.value.ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(node.visibleProperty());
    }

    @FXML
    private void onRefresh() {
        viewModel.refresh();
    }

    @FXML
    private void onNewItem() {
        viewModel.newItem();
    }

    @FXML
    private void onMove() {
        viewModel.moveSelected();
    }

    @FXML
    private void onDelete() {
        viewModel.deleteSelected();
    }

    @FXML
    private void onCount() {
        viewModel.count();
    }

    @FXML
    private void onAddColumn() {
        viewModel.addColumn(addColumnField.getText()).ifPresentOrElse(
                problem -> {
                    addColumnField.setTooltip(new Tooltip(problem));
                    addColumnField.getStyleClass().add("field-error");
                },
                () -> {
                    addColumnField.clear();
                    addColumnField.getStyleClass().remove("field-error");
                });
    }

    @FXML
    private void onFindId() {
        viewModel.goToId();
    }

    @FXML
    private void onApplyFilter() {
        viewModel.applyFilter();
    }

    @FXML
    private void onClearFilter() {
        viewModel.clearFilter();
    }

    @FXML
    private void onRetry() {
        viewModel.retry();
    }

    @FXML
    private void onCopyDetails() {
        copy(viewModel.errorDetailsProperty().get());
    }

    @FXML
    private void onDismissNotice() {
        viewModel.dismissNotice();
    }

    @FXML
    private void onLoadMore() {
        viewModel.loadMore();
    }

    @FXML
    private void onUnsort() {
        viewModel.removeSort();
    }

    @FXML
    private void onCancel() {
        viewModel.cancel();
    }

    @FXML
    private void onCopyActivityId() {
        copy(viewModel.activityIdProperty().get());
    }

    private static void copy(String text) {
        if (text != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    /**
     * Adds a feature's button (New query, Export…) to the toolbar, after the item commands and before More, in the
     * order added.
     */
    public Button addToolbarAction(String label, String tooltip, Runnable run) {
        return toolbarActions().addButton(label, tooltip, run);
    }

    /** Adds a feature's action (Live changes, Schema, Import…, Patch…) to the toolbar's More menu. */
    public javafx.scene.control.MenuItem addMoreAction(String label, Runnable run) {
        return toolbarActions().addToMore(label, run);
    }

    private ToolbarActions toolbarActions() {
        if (toolbarActions == null) {
            toolbarActions = new ToolbarActions(itemsToolbar.getChildren(), moveButton, moreActionsButton,
                    moreActionsTooltip, viewModel.containerGoneProperty());
        }
        return toolbarActions;
    }
}
