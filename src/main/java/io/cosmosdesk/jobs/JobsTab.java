package io.cosmosdesk.jobs;

import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.cosmos.ContainerHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
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
            FXMLLoader loader = new FXMLLoader(JobsTab.class.getResource(FXML));
            loader.setControllerFactory(type -> new JobsPanelController(jobs));
            try {
                view = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load the Jobs panel", e);
            }
        }
        return view;
    }
}
