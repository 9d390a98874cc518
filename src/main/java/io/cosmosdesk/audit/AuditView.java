package io.cosmosdesk.audit;

import io.cosmosdesk.ui.DiffView;
import java.io.File;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The audit log tab's content: filters, the entries (newest first), and the chosen entry's before and after side by
 * side. Binds to {@link AuditViewModel}; nothing else.
 */
final class AuditView extends BorderPane {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditViewModel viewModel;
    private final TableView<AuditEntry> table = new TableView<>();
    private final StackPane diff = new StackPane();
    private final Label detail = new Label();

    AuditView(AuditViewModel viewModel, ZoneId zone) {
        this.viewModel = viewModel;
        setId("auditView");
        setTop(filters());
        table.setId("auditEntries");
        table.setItems(viewModel.entries());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        // while the log is read, the empty table says so rather than that there are no entries
        placeholder.textProperty().bind(javafx.beans.binding.Bindings.when(viewModel.busyProperty())
                .then("Reading the audit log…").otherwise("No entries. Every write CosmosDesk makes is listed here."));
        table.setPlaceholder(placeholder);
        TableColumn<AuditEntry, String> time = column("Time", 150, e -> TIME.format(e.instant().atZone(zone)));
        TableColumn<AuditEntry, String> outcome = column("Outcome", 90, AuditView::outcomeText);
        table.getColumns().addAll(Arrays.asList(
                time,
                column("Operation", 130, AuditEntry::operation),
                outcome,
                column("Connection", 120, AuditEntry::connection),
                column("Container", 150, e -> e.database() + "/" + e.container()),
                column("Id", 160, AuditEntry::id),
                column("Partition key", 110, AuditEntry::partitionKeyDisplay),
                column("User", 80, AuditEntry::user)));
        // at 1280 px the resize policy gave these two less than their text ("2026-12-06 16:…", "failed (CHAN…")
        TextColumnFit.keepWhole(table, time, () -> TextColumnFit.everyDigitIn("2026-12-06 16:45:12"));
        TextColumnFit.keepWhole(table, outcome, () -> viewModel.entries().stream().map(AuditView::outcomeText)
                .collect(java.util.stream.Collectors.toSet()), viewModel.entries());
        // the others keep their headers whole: in the default window (1150 px) "Connect…" and "Partiti…" were cut
        for (TableColumn<AuditEntry, ?> column : table.getColumns()) {
            if (column != time && column != outcome) {
                io.cosmosdesk.ui.HeaderFit.keepHeaderWhole(table, column);
            }
        }
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.select(now);
            }
        });
        viewModel.selectedProperty().addListener((o, was, now) -> show(now));

        detail.setId("auditDetail");
        detail.setWrapText(true);
        detail.setPadding(new Insets(6));
        BorderPane lower = new BorderPane(diff);
        lower.setTop(detail);
        SplitPane split = new SplitPane(table, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);

        Label status = new Label();
        status.setId("auditStatus");
        status.textProperty().bind(viewModel.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));
        status.setMaxWidth(Double.MAX_VALUE);
        // Export… writes what the list shows: beside the sentence saying what that is, which keeps the filter bar
        // to one row where the viewer has ~950 px (a 1280 px window beside the tree)
        Button export = new Button("Export…");
        export.setId("auditExport");
        export.setOnAction(e -> export());
        export.setMinWidth(Region.USE_PREF_SIZE);
        // nothing shown, nothing to write (it was enabled, and wrote an empty file)
        export.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(viewModel.entries()));
        javafx.scene.layout.HBox bottom = new javafx.scene.layout.HBox(6, status, export);
        javafx.scene.layout.HBox.setHgrow(status, javafx.scene.layout.Priority.ALWAYS);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(2, 6, 2, 0));
        setBottom(bottom);
        show(viewModel.selectedProperty().get());
    }

    private Node filters() {
        TextField connection = field("auditConnection", "Connection", viewModel.connectionProperty().get());
        connection.textProperty().bindBidirectional(viewModel.connectionProperty());
        name(connection, "Connection", "the connection's name, or a part of it");
        TextField container = field("auditContainer", "Container", "");
        name(container, "Container", "database/container, or a part of either");
        container.textProperty().bindBidirectional(viewModel.containerProperty());
        TextField id = field("auditId", "Item id", "");
        name(id, "Item id", "the item's id, or a part of it");
        id.textProperty().bindBidirectional(viewModel.idProperty());
        ComboBox<AuditOperation> operation = new ComboBox<>();
        operation.setId("auditOperation");
        operation.getItems().add(null);
        operation.getItems().addAll(AuditOperation.values());
        operation.setButtonCell(operationCell());
        operation.setCellFactory(list -> operationCell());
        operation.valueProperty().bindBidirectional(viewModel.operationProperty());
        name(operation, "Operation", "only entries of this write (create, replace, delete, …)");
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.setPromptText("From day");
        from.setPrefWidth(130);
        from.setMinWidth(Region.USE_PREF_SIZE);
        from.valueProperty().bindBidirectional(viewModel.fromProperty());
        name(from, "From day", "only entries written on this day or later");
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.setPromptText("To day");
        to.setPrefWidth(130);
        to.setMinWidth(Region.USE_PREF_SIZE);
        to.valueProperty().bindBidirectional(viewModel.toProperty());
        name(to, "To day", "only entries written on this day or earlier");
        Button refresh = new Button("Show");
        refresh.setId("auditRefresh");
        refresh.setDefaultButton(true);
        refresh.setOnAction(e -> viewModel.refresh());
        refresh.disableProperty().bind(viewModel.busyProperty());
        for (TextField field : new TextField[] {connection, container, id}) {
            field.setOnAction(e -> viewModel.refresh());
        }
        for (javafx.scene.control.Control control : new javafx.scene.control.Control[] {refresh, operation}) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        operation.setPrefWidth(150); // "Any operation" and the longest code ("import-create") whole
        // one row where the viewer has ~950 px (1280 px window); wraps onto a second row in a narrower one rather
        // than squeezing the buttons to "..."
        FlowPane bar = new FlowPane(6, 6, connection, container, id, operation, from, to, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        shareTheRest(bar, connection, container, id);
        return bar;
    }

    /** The text fields' width: what the other controls leave them, between these (~770 px holds one row). */
    static final double MIN_FIELD = 80;
    static final double MAX_FIELD = 180;

    /**
     * The text fields share the bar's width that the other controls leave: one row wherever the viewer has ~770 px
     * (Show wrapped alone to a second row in the default window, beside a wide tree, at a fixed 7 columns each).
     */
    private static void shareTheRest(FlowPane bar, TextField... fields) {
        List<TextField> shared = List.of(fields);
        javafx.beans.InvalidationListener share = observable -> {
            double others = bar.snappedLeftInset() + bar.snappedRightInset() + 1; // a pixel of rounding
            int count = 0;
            for (Node child : bar.getChildren()) {
                if (!shared.contains(child)) {
                    others += child.prefWidth(-1);
                }
                count++;
            }
            others += bar.getHgap() * (count - 1);
            double each = Math.floor((bar.getWidth() - others) / fields.length);
            for (TextField field : fields) {
                field.setPrefWidth(Math.max(MIN_FIELD, Math.min(MAX_FIELD, each)));
            }
        };
        bar.widthProperty().addListener(share);
        // the buttons' and boxes' widths arrive with their skins
        bar.getChildren().stream().filter(child -> !shared.contains(child))
                .forEach(child -> child.layoutBoundsProperty().addListener(share));
    }

    private static TextField field(String id, String prompt, String text) {
        TextField field = new TextField(text);
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(7);
        return field;
    }

    /**
     * A filter's name, for a screen reader and in its tooltip: its prompt was its only label, gone once it holds text
     * (the connection's field starts filled in). Visible labels would not leave the bar one row beside the tree.
     */
    private static void name(javafx.scene.control.Control filter, String name, String what) {
        filter.setAccessibleText(name);
        filter.setTooltip(new javafx.scene.control.Tooltip(name + ": " + what));
    }

    private static ListCell<AuditOperation> operationCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(AuditOperation item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? "Any operation" : item.code());
            }
        };
    }

    private static String outcomeText(AuditEntry entry) {
        return entry.outcome() + (entry.errorKind() == null ? "" : " (" + entry.errorKind() + ")");
    }

    private static TableColumn<AuditEntry, String> column(String title, double width,
            Function<AuditEntry, String> value) {
        TableColumn<AuditEntry, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return column;
    }

    private void show(AuditEntry entry) {
        if (entry == null) {
            detail.setText("Choose an entry to see the item before and after the write.");
            diff.getChildren().clear();
            return;
        }
        if (table.getSelectionModel().getSelectedItem() != entry) {
            table.getSelectionModel().select(entry);
        }
        detail.setText(AuditViewModel.describe(entry));
        DiffView view = new DiffView("Before", AuditViewModel.pretty(entry.before()),
                entry.ok() ? "After" : "Attempted", AuditViewModel.pretty(entry.after()));
        view.setId("auditDiff");
        VBox.setVgrow(view, Priority.ALWAYS);
        diff.getChildren().setAll(view);
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the audit entries shown");
        chooser.setInitialFileName("audit-export.jsonl");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON Lines", "*.jsonl"));
        File file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            viewModel.export(file.toPath());
        }
    }
}
