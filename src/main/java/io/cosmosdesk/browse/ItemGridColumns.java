package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;

/**
 * The grid's table columns, made from the view-model's {@link ItemColumn}s and remade when they change.
 * Sorting happens on the server, so a header click asks the view-model rather than sorting the table, and the
 * header shows the server's sort arrow. A width the user gave a column survives the rebuilds.
 */
final class ItemGridColumns {

    private static final double MIN_FITTED_WIDTH = 70.0;
    private static final double MAX_FITTED_WIDTH = 320.0;

    private final TableView<ItemRow> table;
    private final ItemsViewModel viewModel;
    private final Map<String, Double> columnWidths = new HashMap<>();
    /** Columns fitted before any row was in (a container opening): fitted again to the first page. */
    private final java.util.Set<String> fittedBeforeRows = new java.util.HashSet<>();
    private javafx.scene.text.Font shownFont = javafx.scene.text.Font.getDefault();
    /** The font a shown cell has: values were measured in the bold header font, 13 px too wide for an order id. */
    private javafx.scene.text.Font cellFont;
    /** Room a header takes beside its text: its label's, the column header's and the theme's paddings. */
    private double headerPadding = 24;

    private ItemGridColumns(TableView<ItemRow> table, ItemsViewModel viewModel) {
        this.table = Objects.requireNonNull(table);
        this.viewModel = Objects.requireNonNull(viewModel);
    }

    /** Fills {@code table} with the view-model's columns and keeps it in step with them and with the sort. */
    static void bind(TableView<ItemRow> table, ItemsViewModel viewModel) {
        ItemGridColumns columns = new ItemGridColumns(table, viewModel);
        columns.rebuild();
        viewModel.columns().addListener((ListChangeListener<ItemColumn>) change -> columns.rebuild());
        viewModel.appliedQueryProperty().addListener((obs, old, query) -> columns.updateHeaders());
        viewModel.rows().addListener((ListChangeListener<ItemRow>) change -> columns.refitToFirstRows());
        // a column dragged to a new place or to a new width: both end with the mouse released over the grid
        table.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, event -> columns.rememberUserLayout());
    }

    /** Widths the user changed and an order the user dragged become the container's. */
    private void rememberUserLayout() {
        for (TableColumn<ItemRow, ?> column : table.getColumns()) {
            Double shown = columnWidths.get(column.getId());
            if (shown == null || Math.abs(shown - column.getWidth()) >= 1) {
                if (shown != null) {
                    viewModel.rememberColumnWidth(column.getId(), column.getWidth());
                }
                columnWidths.put(column.getId(), column.getWidth());
            }
        }
        List<String> shownOrder = table.getColumns().stream().map(TableColumn::getId).toList();
        List<String> modelOrder = viewModel.columns().stream().map(ItemColumn::header).toList();
        if (!shownOrder.equals(modelOrder)) {
            viewModel.reorderColumns(shownOrder); // rebuilds in the model's order (id and key stay first)
        }
    }

    private void rebuild() {
        for (TableColumn<ItemRow, ?> existing : table.getColumns()) {
            columnWidths.put(existing.getId(), existing.getWidth());
            // the theme's font, as a shown header has it: the default font is smaller, and fitted widths cut text
            if (existing.getGraphic() instanceof Label header && header.getScene() != null) {
                shownFont = header.getFont();
                headerPadding = Math.max(headerPadding, paddingAround(header));
            }
        }
        rememberCellFont();
        table.getColumns().clear();
        for (ItemColumn column : viewModel.columns()) {
            table.getColumns().add(tableColumn(column));
        }
        updateHeaders();
    }

    private TableColumn<ItemRow, ItemColumn.Cell> tableColumn(ItemColumn column) {
        TableColumn<ItemRow, ItemColumn.Cell> tableColumn = new TableColumn<>();
        tableColumn.setId(column.header());
        tableColumn.setUserData(column);
        tableColumn.setSortable(false);
        // every column fitted to its header and the first rows, the id and the partition key too: at 220 and 160 px
        // they left the fourth column of retail/orders cut at the grid's edge ("/or…") at 1280 px (s19)
        double width = viewModel.columnWidth(column.header()).orElseGet(() -> columnWidths.getOrDefault(
                column.header(), fittedWidth(column)));
        if (viewModel.rows().isEmpty() && viewModel.columnWidth(column.header()).isEmpty()) {
            fittedBeforeRows.add(column.header());
        }
        tableColumn.setPrefWidth(width);
        columnWidths.put(column.header(), width);
        tableColumn.setCellValueFactory(features ->
                new ReadOnlyObjectWrapper<>(viewModel.cellOf(features.getValue(), column)));
        tableColumn.setCellFactory(c -> new ItemValueCell());

        Label header = new Label(column.header());
        header.setMaxWidth(Double.MAX_VALUE);
        header.getStyleClass().add("column-header-label");
        // a narrow column cuts the start of its path, not the end: the leaf name and the server's sort arrow stay
        // visible ("/orderNum…" hid the arrow of a grid sorted by /orderNumber)
        header.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
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
        MenuItem resetSort = new MenuItem("Reset sort");
        resetSort.setOnAction(event -> viewModel.removeSort());
        ContextMenu menu = new ContextMenu(ascending, resetSort);
        menu.setOnShowing(event -> resetSort.setDisable(viewModel.appliedQueryProperty().get().sort() == null));
        if (column.removable()) {
            MenuItem remove = new MenuItem("Remove column");
            remove.setOnAction(event -> viewModel.removeColumn(column));
            menu.getItems().add(remove);
        }
        tableColumn.setContextMenu(menu);
        return tableColumn;
    }

    /**
     * The horizontal insets from a shown header's text out to its column's edges (our label inside the column
     * header's label inside the column header), plus 2 px of slack; a fixed guess of 24 px cut bold headers of
     * fitted columns ("…derNumber" for /orderNumber at 1280x800). The slack was 8 px: with the id and key fitted
     * too, the four columns of retail/orders then came 18 px short of fitting beside the editor at 1280 px (s19).
     */
    private static double paddingAround(Label header) {
        double insets = 0;
        for (javafx.scene.Node node = header; node instanceof javafx.scene.layout.Region region;
                node = node.getParent()) {
            insets += region.snappedLeftInset() + region.snappedRightInset();
            if (region.getStyleClass().contains("column-header")) {
                return insets + 2;
            }
        }
        return 0;
    }

    /**
     * The user's columns restored when a container opens again come before its rows, so they were fitted to their
     * headers alone ("…tus" over "delive…" after a restart): once the first rows are in, those without a width of
     * the user's are fitted again, to the rows as on the first opening, in the font the shown headers have.
     */
    private void refitToFirstRows() {
        if (fittedBeforeRows.isEmpty() || viewModel.rows().isEmpty()) {
            return;
        }
        for (TableColumn<ItemRow, ?> existing : table.getColumns()) {
            if (existing.getGraphic() instanceof Label header && header.getScene() != null) {
                shownFont = header.getFont();
                headerPadding = Math.max(headerPadding, paddingAround(header));
            }
        }
        rememberCellFont();
        for (TableColumn<ItemRow, ?> tableColumn : table.getColumns()) {
            String header = tableColumn.getId();
            if (fittedBeforeRows.contains(header) && viewModel.columnWidth(header).isEmpty()
                    && tableColumn.getUserData() instanceof ItemColumn column) {
                double width = fittedWidth(column);
                tableColumn.setPrefWidth(width);
                columnWidths.put(header, width); // ours, not the user's: rememberUserLayout compares with it
            }
        }
        fittedBeforeRows.clear();
    }

    private void rememberCellFont() {
        if (table.getScene() != null && table.lookup(".table-cell") instanceof javafx.scene.control.Labeled cell) {
            cellFont = cell.getFont();
        }
    }

    /** Wide enough for the header and the loaded cells (the first 50 rows), within sensible bounds. */
    private double fittedWidth(ItemColumn column) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(column.header());
        measure.setFont(shownFont);
        double widest = measure.getLayoutBounds().getWidth() + headerPadding;
        // the loaded rows, not the table's items: before the first page those hold a blank stand-in row
        List<ItemRow> loaded = viewModel.rows();
        int rows = Math.min(50, loaded.size());
        // before the first page the grid has no cells to take the font from: the header's, not bold
        measure.setFont(cellFont != null ? cellFont : javafx.scene.text.Font.font(shownFont.getFamily(),
                javafx.scene.text.FontWeight.NORMAL, shownFont.getSize()));
        for (int i = 0; i < rows; i++) {
            measure.setText(viewModel.cellOf(loaded.get(i), column).text());
            widest = Math.max(widest, measure.getLayoutBounds().getWidth() + 16);
        }
        return Math.max(MIN_FITTED_WIDTH, Math.min(MAX_FITTED_WIDTH, Math.ceil(widest)));
    }

    private void updateHeaders() {
        ItemQuery.Sort sort = viewModel.currentSort();
        for (TableColumn<ItemRow, ?> tableColumn : table.getColumns()) {
            ItemColumn column = (ItemColumn) tableColumn.getUserData();
            if (tableColumn.getGraphic() instanceof Label header) {
                String arrow = sort != null && sort.path().equals(column.path()) ? (sort.descending() ? "  ↓" : "  ↑")
                        : "";
                header.setText(column.header() + arrow);
            }
        }
    }
}
