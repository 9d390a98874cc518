package io.cosmosdesk.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.ui.DiffView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The editor's History window: the item's audit entries newest first, the chosen one's before and after, and
 * Restore this version (which closes the window and lets the editor save that version conditionally).
 */
public final class ItemHistoryDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private ItemHistoryDialog() {
    }

    /** Opens the window; {@code restore} gets the version to restore. */
    public static Stage show(Window owner, ItemHistoryViewModel viewModel, Consumer<ObjectNode> restore) {
        ListView<AuditEntry> list = new ListView<>(viewModel.entries());
        list.setId("historyEntries");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(AuditEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : TIME.format(entry.instant()) + "  " + entry.operation() + "  "
                        + entry.outcome() + (entry.errorKind() == null ? "" : " (" + entry.errorKind() + ")")
                        + "  " + entry.user());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                viewModel.select(now);
            }
        });
        StackPane diff = new StackPane();
        Label detail = new Label();
        detail.setId("historyDetail");
        detail.setWrapText(true);
        detail.setPadding(new Insets(6));
        // "this version": what the chosen write left; "the version before": what it replaced or deleted
        Button restoreButton = new Button("Restore this version");
        restoreButton.setId("restoreVersionButton");
        restoreButton.getStyleClass().add("accent");
        Button restoreBefore = new Button("Restore the version before");
        restoreBefore.setId("restoreBeforeButton");
        restoreBefore.setDisable(true);
        Stage stage = new Stage();
        viewModel.selectedProperty().addListener((o, was, entry) -> {
            if (entry != null && list.getSelectionModel().getSelectedItem() != entry) {
                list.getSelectionModel().select(entry);
            }
            detail.setText(entry == null ? "" : AuditViewModel.describe(entry));
            diff.getChildren().setAll(entry == null ? new Label("") : new DiffView("Before",
                    AuditViewModel.pretty(entry.before()), entry.ok() ? "After" : "Attempted",
                    AuditViewModel.pretty(entry.after())));
            restoreButton.setDisable(!viewModel.canRestore(entry));
            restoreBefore.setDisable(!viewModel.canRestoreBefore(entry));
        });
        restoreButton.setDisable(true);
        restoreButton.setOnAction(e -> {
            stage.close();
            viewModel.restoreSelected(restore);
        });
        restoreBefore.setOnAction(e -> {
            stage.close();
            viewModel.restoreBeforeSelected(restore);
        });
        Button close = new Button("Close");
        close.setCancelButton(true);
        close.setOnAction(e -> stage.close());
        Label status = new Label();
        status.setId("historyStatus");
        status.textProperty().bind(viewModel.statusProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, status, gap, restoreBefore, restoreButton, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(8));
        BorderPane lower = new BorderPane(diff);
        lower.setTop(detail);
        SplitPane split = new SplitPane(list, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.35);
        BorderPane root = new BorderPane(split);
        root.setBottom(buttons);
        root.setId("historyRoot");
        Scene scene = new Scene(root, 900, 620);
        if (owner != null && owner.getScene() != null) {
            // the app's theme, light or dark, as the window it belongs to
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setTitle(viewModel.title());
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.show();
        viewModel.load();
        return stage;
    }
}
