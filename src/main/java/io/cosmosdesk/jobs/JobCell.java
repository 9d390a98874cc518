package io.cosmosdesk.jobs;

import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** One job in the Jobs panel: kind and title, state, progress bar, status line, Cancel, and the file it made. */
final class JobCell extends ListCell<Job> {

    private final Label kind = new Label();
    private final Label title = new Label();
    private final Label state = new Label();
    private final ProgressBar bar = new ProgressBar();
    private final Label status = new Label();
    private final Button cancel = new Button("Cancel");
    private final Hyperlink file = new Hyperlink();
    private final Button copyPath = new Button("Copy path");
    private final HBox fileRow = new HBox(6, file, copyPath);
    private final Button followUp = new Button();
    private final VBox box;

    private final Jobs jobs;

    JobCell(Jobs jobs) {
        this.jobs = jobs;
        kind.getStyleClass().add("job-kind");
        title.getStyleClass().add("job-title");
        title.setMinWidth(0);
        state.getStyleClass().add("job-state");
        status.getStyleClass().add("job-status");
        status.setWrapText(true);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, kind, title, spacer, state);
        head.setAlignment(Pos.BASELINE_LEFT);
        HBox progressRow = new HBox(8, bar, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        fileRow.setAlignment(Pos.CENTER_LEFT);
        file.setTooltip(new Tooltip("Open the folder that holds it"));
        followUp.getStyleClass().add("job-follow-up");
        box = new VBox(4, head, progressRow, status, fileRow, followUp);
        box.getStyleClass().add("job-cell");
        setText(null);
    }

    @Override
    protected void updateItem(Job job, boolean empty) {
        super.updateItem(job, empty);
        bar.progressProperty().unbind();
        status.textProperty().unbind();
        state.textProperty().unbind();
        followUp.visibleProperty().unbind();
        followUp.textProperty().unbind();
        if (empty || job == null) {
            setGraphic(null);
            return;
        }
        kind.setText(job.kind());
        title.setText(job.title());
        bar.progressProperty().bind(job.progressProperty());
        status.textProperty().bind(job.statusProperty());
        state.textProperty().bind(Bindings.createStringBinding(() -> job.state().label(), job.stateProperty()));
        state.getStyleClass().removeIf(style -> style.startsWith("job-state-"));
        state.getStyleClass().add("job-state-" + job.state().name().toLowerCase(java.util.Locale.ROOT));
        boolean running = !job.state().finished();
        cancel.setVisible(running);
        cancel.setManaged(running);
        cancel.setOnAction(event -> job.cancel());
        bar.setVisible(running);
        bar.setManaged(bar.isVisible());
        Path made = job.fileProperty().get();
        fileRow.setVisible(made != null);
        fileRow.setManaged(made != null);
        if (made != null) {
            file.setText(made.toString());
            file.setOnAction(event -> jobs.showFolderOf(made));
            copyPath.setOnAction(event -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(made.toString());
                Clipboard.getSystemClipboard().setContent(content);
            });
        }
        followUp.visibleProperty().bind(job.followUpProperty().isNotNull());
        followUp.managedProperty().bind(followUp.visibleProperty());
        followUp.textProperty().bind(Bindings.createStringBinding(() -> job.followUpProperty().get() == null ? ""
                : job.followUpProperty().get().label(), job.followUpProperty()));
        followUp.setOnAction(event -> {
            Job.FollowUp offered = job.followUpProperty().get();
            if (offered != null) {
                offered.action().run();
            }
        });
        setGraphic(box);
    }
}
