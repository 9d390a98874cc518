package io.cosmosdesk.jobs;

import javafx.beans.Observable;
import javafx.collections.transformation.FilteredList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;

/** The Jobs panel's controller: binds the list and the summary line to {@link Jobs}. */
public final class JobsPanelController {

    private final Jobs jobs;

    @FXML private BorderPane root;
    @FXML private Label summaryLabel;
    @FXML private Button clearButton;
    @FXML private ListView<Job> jobList;

    public JobsPanelController(Jobs jobs) {
        this.jobs = jobs;
    }

    @FXML
    private void initialize() {
        jobList.setCellFactory(list -> new JobCell(jobs));
        Label empty = new Label("No jobs yet. Exports (Container › Export…) and other long jobs appear here "
                + "with their progress; they keep running when you close this tab.");
        empty.setWrapText(true);
        empty.setMaxWidth(420);
        jobList.setPlaceholder(empty);
        // a job's state change re-renders its cell and the summary
        javafx.collections.ObservableList<Job> watched = javafx.collections.FXCollections.observableArrayList(
                job -> new Observable[] {job.stateProperty()});
        javafx.beans.binding.Bindings.bindContent(watched, jobs.jobs());
        jobList.setItems(watched);
        FilteredList<Job> finished = watched.filtered(job -> job.state().finished());
        clearButton.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(finished));
        summaryLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            long running = watched.stream().filter(job -> !job.state().finished()).count();
            if (watched.isEmpty()) {
                return "Long jobs of this session";
            }
            return running == 0 ? "No job running" : running == 1 ? "1 job running" : running + " jobs running";
        }, watched));
        root.setUserData(watched); // keeps the watching list alive as long as the view
    }

    @FXML
    private void clearFinished() {
        jobs.clearFinished();
    }

    public ListView<Job> jobList() {
        return jobList;
    }
}
