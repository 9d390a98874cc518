package io.cosmosdesk.jobs;

import io.cosmosdesk.app.AppAction;
import io.cosmosdesk.app.AppActions;
import io.cosmosdesk.app.ToolTabs;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Wires the Jobs panel into the app: Tools › Jobs (Ctrl+Shift+J); the panel comes to the front when a job started
 * through it starts, and opens behind the current tab for jobs that show their own progress (moves, deletes,
 * dialogs).
 */
public final class JobsFeature {

    private final Jobs jobs;
    private final ToolTabs toolTabs;

    public JobsFeature(Jobs jobs, ToolTabs toolTabs) {
        this.jobs = jobs;
        this.toolTabs = toolTabs;
    }

    public void install(AppActions appActions) {
        // Ctrl+Shift+J: Ctrl+J is New query, as in the Data Explorer
        appActions.add(new AppAction("Tools", "_Jobs", new KeyCodeCombination(KeyCode.J, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), window -> open()));
        jobs.onJobStarted(job -> open());
        jobs.onJobTracked(job -> openBehind());
    }

    /** Opens the Jobs tab if it is not open, without taking the front from what the user is looking at. */
    public void openBehind() {
        if (toolTabs.find(tab -> JobsTab.KIND.equals(tab.kind())).isEmpty()) {
            toolTabs.add(new JobsTab(jobs));
        }
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
