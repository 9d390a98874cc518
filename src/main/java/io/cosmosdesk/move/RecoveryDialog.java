package io.cosmosdesk.move;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The start-up dialog for unfinished moves: the jobs, and Resume / Roll back for the selected one. Small
 * enough to build in code; shown by the app only when {@link RecoveryViewModel#jobs()} is not empty.
 */
public final class RecoveryDialog {

    private RecoveryDialog() {
    }

    public static Stage show(Window owner, RecoveryViewModel viewModel, String stylesheet) {
        Label intro = new Label("CosmosDesk stopped while moving items. Each job can be finished (Resume) or "
                + "undone (Roll back); either way every item ends up existing exactly once.");
        intro.setWrapText(true);
        ListView<MoveJobSummary> list = new ListView<>(viewModel.jobs());
        list.setId("unfinishedJobs");
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(MoveJobSummary job, boolean empty) {
                super.updateItem(job, empty);
                setText(empty || job == null ? null : job.describe());
            }
        });
        Button resume = new Button("Resume");
        resume.setId("resumeButton");
        Button rollBack = new Button("Roll back");
        rollBack.setId("rollBackButton");
        Button later = new Button("Later");
        var selected = list.getSelectionModel().selectedItemProperty();
        resume.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || !RecoveryViewModel.canResume(selected.get()), selected).or(viewModel.busyProperty()));
        rollBack.disableProperty().bind(Bindings.createBooleanBinding(() -> selected.get() == null
                || !RecoveryViewModel.canRollBack(selected.get()), selected).or(viewModel.busyProperty()));
        resume.setOnAction(e -> viewModel.resume(selected.get()));
        rollBack.setOnAction(e -> viewModel.rollBack(selected.get()));
        Label status = new Label();
        status.textProperty().bind(viewModel.statusTextProperty());
        status.setWrapText(true);
        Label error = new Label();
        error.getStyleClass().add("error-banner");
        error.textProperty().bind(viewModel.errorMessageProperty());
        error.visibleProperty().bind(viewModel.errorMessageProperty().isNotEmpty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox root = new VBox(10, intro, list, status, error, new HBox(8, later, gap, rollBack, resume));
        root.setPadding(new Insets(14));
        root.setPrefSize(640, 360);
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Unfinished moves");
        later.setOnAction(e -> stage.close());
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        io.cosmosdesk.ui.DialogStages.keepWhole(stage); // the window manager's late first size
        stage.show();
        if (!viewModel.jobs().isEmpty()) {
            list.getSelectionModel().selectFirst();
        }
        return stage;
    }
}
