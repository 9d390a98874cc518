package io.cosmosdesk.patch;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The view of "Undo a patch…": the container's kept patches, newest first, and "Undo this patch". */
final class PastPatchesDialog {

    private PastPatchesDialog() {
    }

    static Stage show(Window owner, PastPatchesViewModel viewModel, String stylesheet) {
        Label intro = new Label("Patches of " + viewModel.handle().ref() + " whose journals are kept, also from "
                + "earlier runs of CosmosDesk. Undo puts each item back only if nobody changed it since the patch.");
        intro.setWrapText(true);
        ListView<PastPatch> list = new ListView<>(viewModel.patches());
        list.setId("pastPatchesList");
        list.setPrefSize(720, 260);
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(PastPatch patch, boolean empty) {
                super.updateItem(patch, empty);
                setText(empty || patch == null ? null : patch.describe());
                setTooltip(empty || patch == null ? null : new Tooltip(patch.journal().toString()));
            }
        });
        list.setPlaceholder(new Label("Looking for patches…"));
        Label status = new Label();
        status.setId("pastPatchesStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        Button undo = new Button("Undo this patch");
        undo.setId("undoPatchButton");
        undo.setDefaultButton(true);
        undo.setTooltip(new Tooltip("Restore the items this patch changed, where nobody changed them since"));
        undo.disableProperty().bind(Bindings.isNull(list.getSelectionModel().selectedItemProperty())
                .or(viewModel.loadingProperty()));
        undo.setOnAction(event -> viewModel.undo(list.getSelectionModel().getSelectedItem()));
        Button close = new Button("Close");
        close.setCancelButton(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, undo, close);
        VBox root = new VBox(10, intro, list, status, buttons);
        root.setPadding(new Insets(14));
        root.getStyleClass().add("past-patches-dialog");
        VBox.setVgrow(list, Priority.ALWAYS);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Undo a patch · " + viewModel.handle().ref());
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        close.setOnAction(event -> stage.close());
        viewModel.loadingProperty().addListener((obs, old, busy) -> {
            if (!busy) {
                list.setPlaceholder(new Label("No kept patches."));
            }
        });
        io.cosmosdesk.ui.DialogStages.keepWhole(stage); // the window manager's late first size
        stage.show();
        viewModel.load();
        return stage;
    }
}
