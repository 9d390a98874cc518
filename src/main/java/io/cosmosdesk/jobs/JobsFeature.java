package io.cosmosdesk.jobs;

import io.cosmosdesk.app.AppAction;
import io.cosmosdesk.app.AppActions;
import io.cosmosdesk.app.ToolTabs;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/** Wires the Jobs panel into the app: Tools › Jobs (Ctrl+J), and the panel opens when a job starts. */
public final class JobsFeature {

    /**
     * Kinds whose progress shows where they were started (the move dialog, the grid's delete bar): the panel lists
     * them (Ctrl+J) but does not come to the front, which would take the user away from the grid they work in.
     */
    static final java.util.Set<String> SHOWN_WHERE_STARTED = java.util.Set.of("Move", "Delete");

    private final Jobs jobs;
    private final ToolTabs toolTabs;

    public JobsFeature(Jobs jobs, ToolTabs toolTabs) {
        this.jobs = jobs;
        this.toolTabs = toolTabs;
    }

    public void install(AppActions appActions) {
        appActions.add(new AppAction("Tools", "_Jobs", new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN),
                window -> open()));
        jobs.onJobStarted(job -> {
            if (!SHOWN_WHERE_STARTED.contains(job.kind())) {
                open();
            }
        });
    }

    /** Fronts the Jobs tab, opening it if needed. */
    public void open() {
        io.cosmosdesk.app.ToolTab existing = toolTabs.find(tab -> JobsTab.KIND.equals(tab.kind())).orElse(null);
        toolTabs.open(existing != null ? existing : new JobsTab(jobs));
    }

    public Jobs jobs() {
        return jobs;
    }

}
