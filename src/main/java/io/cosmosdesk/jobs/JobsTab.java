package io.cosmosdesk.jobs;

import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.FxmlView;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;

/** The Jobs panel as a tool tab (kind "jobs"); closing it leaves the jobs running. */
public final class JobsTab implements ToolTab {

    public static final String KIND = "jobs";
    public static final String FXML = "/fxml/JobsPanel.fxml";

    private final Jobs jobs;
    private Parent view;

    public JobsTab(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ContainerHandle container() {
        return null;
    }

    @Override
    public ObservableValue<String> title() {
        javafx.collections.ObservableList<Job> watched = javafx.collections.FXCollections.observableArrayList(
                job -> new javafx.beans.Observable[] {job.stateProperty()});
        Bindings.bindContent(watched, jobs.jobs());
        return Bindings.createStringBinding(() -> {
            long running = watched.stream().filter(job -> !job.state().finished()).count();
            return running == 0 ? "Jobs" : "Jobs (" + running + ")";
        }, watched);
    }

    @Override
    public Node view() {
        if (view == null) {
            FxmlView<JobsPanelController> loaded = FxmlView.load(JobsTab.class, FXML, JobsPanelController.class,
                    () -> new JobsPanelController(jobs), "the Jobs panel");
            view = loaded.root();
        }
        return view;
    }
}
