package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ItemRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Thin controller of ItemsTab.fxml: binds the grid and bars to {@link ItemsViewModel}, forwards intent. */
public class ItemsTabController {

    /** Larger items are shown cut, so the read-only preview stays responsive. */
    private static final int PREVIEW_LIMIT = 200_000;

    private final ItemsViewModel viewModel;

    @FXML private BorderPane root;
    @FXML private Button deleteButton;
    @FXML private Button newItemButton;
    @FXML private Button moveButton;
    @FXML private Tooltip deleteTooltip;
    @FXML private Button countButton;
    @FXML private Label countLabel;
    @FXML private Spinner<Integer> pageSizeSpinner;
    @FXML private TextField addColumnField;
    @FXML private TextField findIdField;
    @FXML private ComboBox<String> filterBox;
    @FXML private Label outdatedLabel;
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
    @FXML private Button loadMoreButton;
    @FXML private Button cancelButton;
    @FXML private Label sortLabel;
    @FXML private ProgressBar deleteBar;
    @FXML private Label deleteLabel;
    @FXML private Button copyActivityButton;

    private final Map<String, Double> columnWidths = new HashMap<>();
    private final Label placeholderText = new Label();
    private final Button placeholderAction = new Button();

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

        newItemButton.setDisable(viewModel.isReadOnly());
        moveButton.setDisable(viewModel.isReadOnly());
        if (viewModel.isReadOnly()) {
            moveButton.setTooltip(new javafx.scene.control.Tooltip("This connection is read-only: items cannot be moved."));
        }
        deleteButton.disableProperty().bind(Bindings.isEmpty(viewModel.selection()).or(viewModel.deletingProperty())
                .or(Bindings.createBooleanBinding(viewModel::isReadOnly)));
        if (viewModel.isReadOnly()) {
            deleteTooltip.setText("Read-only connection: items cannot be deleted");
        }
        countButton.disableProperty().bind(viewModel.countingProperty());
        countLabel.textProperty().bind(viewModel.countTextProperty());

        pageSizeSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                ItemsViewModel.MAX_PAGE_SIZE, viewModel.pageSizeProperty().get(), 50));
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
        filterBox.setItems(viewModel.filterSuggestions());
        filterBox.getEditor().textProperty().bindBidirectional(viewModel.filterTextProperty());
        filterBox.setOnAction(event -> {
            // choosing from the list puts the text into the box; applying stays an explicit act
            if (filterBox.getValue() != null) {
                filterBox.getEditor().setText(filterBox.getValue());
            }
        });
        // a filter, not a handler: the editable ComboBox consumes Enter itself before handlers see it
        filterBox.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && !event.isShiftDown() && !filterBox.isShowing()) {
                viewModel.applyFilter();
                event.consume();
            }
        });
        visibleWhen(outdatedLabel, viewModel.filterOutdatedBinding());
        filterErrorLabel.textProperty().bind(viewModel.filterErrorProperty());
        visibleWhen(filterErrorLabel, viewModel.filterErrorProperty().isNotNull());
    }

    private void bindGrid() {
        itemsTable.setItems(viewModel.rows());
        itemsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // selectedItems alone misses changes when rows are removed under a selection; resync on all three
        itemsTable.getSelectionModel().getSelectedItems().addListener((ListChangeListener<ItemRow>) change ->
                syncSelection());
        itemsTable.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) change ->
                syncSelection());
        viewModel.rows().addListener((ListChangeListener<ItemRow>) change -> syncSelection());
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
        rebuildColumns();
        viewModel.columns().addListener((ListChangeListener<ItemColumn>) change -> rebuildColumns());
        viewModel.appliedQueryProperty().addListener((obs, old, query) -> updateHeaders());

        placeholderAction.setOnAction(event -> viewModel.clearFilter());
        placeholderText.setWrapText(true);
        VBox placeholder = new VBox(10, placeholderText, placeholderAction);
        placeholder.setAlignment(Pos.CENTER);
        placeholder.getStyleClass().add("grid-placeholder");
        itemsTable.setPlaceholder(placeholder);
        viewModel.stateProperty().addListener((obs, old, state) -> updatePlaceholder());
        viewModel.appliedFilterProperty().addListener((obs, old, filter) -> updatePlaceholder());
        updatePlaceholder();

        // infinite scroll: reaching the end of the grid asks for the next page. The scroll bar exists
        // once the skin has laid out, so look for it on layout until found.
        itemsTable.needsLayoutProperty().addListener((obs, was, needs) -> hookInfiniteScroll());
        itemsTable.skinProperty().addListener((obs, old, skin) -> hookInfiniteScroll());
    }

    private boolean infiniteScrollHooked;

    private void hookInfiniteScroll() {
        if (infiniteScrollHooked) {
            return;
        }
        for (Node node : itemsTable.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                infiniteScrollHooked = true;
                bar.valueProperty().addListener((o, was, value) -> {
                    if (bar.getMax() > 0 && value.doubleValue() >= bar.getMax() * 0.98
                            && viewModel.hasMoreProperty().get()) {
                        viewModel.loadMore();
                    }
                });
            }
        }
    }

    private void syncSelection() {
        List<ItemRow> selected = itemsTable.getSelectionModel().getSelectedItems().stream()
                .filter(java.util.Objects::nonNull).toList();
        if (!selected.equals(viewModel.selection())) {
            viewModel.setSelection(selected);
        }
    }

    private void updatePlaceholder() {
        String filter = viewModel.appliedFilterProperty().get();
        placeholderAction.setVisible(false);
        placeholderAction.setManaged(false);
        switch (viewModel.stateProperty().get()) {
            case LOADING -> placeholderText.setText("Loading items…");
            case EMPTY_CONTAINER -> placeholderText.setText("This container has no items yet.\n"
                    + "Create one with New Item in the editor, or import items.");
            case NO_MATCHES -> {
                placeholderText.setText("No items match " + filter);
                showPlaceholderAction("Clear filter");
            }
            case FILTER_ERROR -> {
                placeholderText.setText("The filter could not run: see the message under the filter box.");
                showPlaceholderAction("Clear filter");
            }
            case ERROR -> placeholderText.setText("Items could not be loaded: see the message above and Retry.");
            case STOPPED -> placeholderText.setText("Stopped before any item arrived. Refresh (F5) to load items.");
            case ROWS -> placeholderText.setText("");
        }
    }

    private void showPlaceholderAction(String text) {
        placeholderAction.setText(text);
        placeholderAction.setVisible(true);
        placeholderAction.setManaged(true);
    }

    private void rebuildColumns() {
        for (TableColumn<ItemRow, ?> existing : itemsTable.getColumns()) {
            columnWidths.put(existing.getId(), existing.getWidth());
        }
        itemsTable.getColumns().clear();
        for (ItemColumn column : viewModel.columns()) {
            itemsTable.getColumns().add(tableColumn(column));
        }
        updateHeaders();
    }

    private TableColumn<ItemRow, ItemColumn.Cell> tableColumn(ItemColumn column) {
        TableColumn<ItemRow, ItemColumn.Cell> tableColumn = new TableColumn<>();
        tableColumn.setId(column.header());
        tableColumn.setUserData(column);
        tableColumn.setSortable(false);
        tableColumn.setPrefWidth(columnWidths.getOrDefault(column.header(),
                column.kind() == ItemColumn.Kind.ID ? 220.0 : 160.0));
        tableColumn.setCellValueFactory(features ->
                new ReadOnlyObjectWrapper<>(viewModel.cellOf(features.getValue(), column)));
        tableColumn.setCellFactory(c -> new ValueCell());

        Label header = new Label(column.header());
        header.setMaxWidth(Double.MAX_VALUE);
        header.getStyleClass().add("column-header-label");
        header.setTooltip(new Tooltip(column.header() + (column.kind() == ItemColumn.Kind.PARTITION_KEY
                ? " (partition key)" : "") + "\nClick to sort on the server (ORDER BY): ascending, descending, off"));
        header.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY) {
                viewModel.sortBy(column);
            }
        });
        tableColumn.setGraphic(header);

        MenuItem ascending = new MenuItem("Sort on the server by " + column.header());
        ascending.setOnAction(event -> viewModel.sortBy(column));
        ContextMenu menu = new ContextMenu(ascending);
        if (column.removable()) {
            MenuItem remove = new MenuItem("Remove column");
            remove.setOnAction(event -> viewModel.removeColumn(column));
            menu.getItems().add(remove);
        }
        tableColumn.setContextMenu(menu);
        return tableColumn;
    }

    private void updateHeaders() {
        var sort = viewModel.currentSort();
        for (TableColumn<ItemRow, ?> tableColumn : itemsTable.getColumns()) {
            ItemColumn column = (ItemColumn) tableColumn.getUserData();
            if (tableColumn.getGraphic() instanceof Label header) {
                String arrow = sort != null && sort.path().equals(column.path()) ? (sort.descending() ? "  ↓" : "  ↑")
                        : "";
                header.setText(column.header() + arrow);
            }
        }
    }

    private void bindBanners() {
        errorLabel.textProperty().bind(viewModel.errorMessageProperty());
        visibleWhen(errorBanner, viewModel.errorMessageProperty().isNotNull());
        noticeLabel.textProperty().bind(viewModel.noticeProperty());
        visibleWhen(noticeBanner, viewModel.noticeProperty().isNotNull());
    }

    private void bindStatus() {
        visibleWhen(loadingBar, viewModel.busyProperty());
        visibleWhen(cancelButton, viewModel.busyProperty().or(viewModel.deletingProperty()));
        statusLabel.textProperty().bind(viewModel.statusTextProperty());
        visibleWhen(loadMoreButton, viewModel.hasMoreProperty());
        loadMoreButton.disableProperty().bind(viewModel.busyProperty());
        sortLabel.textProperty().bind(viewModel.sortLabelProperty());
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
        // until the item editor is wired in, "open" moves the focus to the preview
        viewModel.setOnOpenItem(row -> itemPreview.requestFocus());
    }

    private void bindKeys() {
        root.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.F5 || event.getCode() == KeyCode.ENTER && event.isShiftDown()) {
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
        viewModel.findById(findIdField.getText());
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

    /** Shows a cell's value with its kind as a style class: (missing), null and "" each look different. */
    /**
     * A value with its kind as a pseudo-class (:missing, :null, :empty-string, :number, :structure). Cells are
     * reused for many rows while scrolling and paging; a pseudo-class change only switches cached styles, where
     * a style-class change would re-apply all CSS to the cell.
     */
    private static final class ValueCell extends TableCell<ItemRow, ItemColumn.Cell> {
        private static final java.util.Map<String, javafx.css.PseudoClass> KINDS = java.util.Map.of(
                "MISSING", javafx.css.PseudoClass.getPseudoClass("missing"),
                "NULL", javafx.css.PseudoClass.getPseudoClass("null"),
                "EMPTY_STRING", javafx.css.PseudoClass.getPseudoClass("empty-string"),
                "NUMBER", javafx.css.PseudoClass.getPseudoClass("number"),
                "STRUCTURE", javafx.css.PseudoClass.getPseudoClass("structure"));
        private javafx.css.PseudoClass shown;

        @Override
        protected void updateItem(ItemColumn.Cell cell, boolean empty) {
            super.updateItem(cell, empty);
            javafx.css.PseudoClass kind = empty || cell == null ? null : KINDS.get(cell.kind().name());
            if (kind != shown) {
                if (shown != null) {
                    pseudoClassStateChanged(shown, false);
                }
                if (kind != null) {
                    pseudoClassStateChanged(kind, true);
                }
                shown = kind;
            }
            setText(empty || cell == null ? null : cell.text());
        }
    }
}
