package io.cosmosdesk.changes;

import io.cosmosdesk.app.ContainerAction;
import io.cosmosdesk.app.ContainerActions;
import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Plugs Live changes into the app: a "Live changes" action on containers (tree menu, Container menu, Items
 * toolbar) that opens the container's changes tab, or fronts it when it is open already.
 */
public final class ChangesFeature {

    public static final String ACTION_LABEL = "Live changes";

    private final ChangeFeedService service;
    private final FeedPositions positions;
    private final TaskRunner taskRunner;

    public ChangesFeature(Path dataFolder, TaskRunner taskRunner) {
        this.service = new ChangeFeedService();
        this.positions = new FeedPositions(dataFolder);
        this.taskRunner = taskRunner;
    }

    public void install(ToolTabs toolTabs, ContainerActions containerActions) {
        containerActions.add(new ContainerAction(ACTION_LABEL, null, true,
                (window, handle) -> open(toolTabs, handle)));
    }

    /** Opens (or fronts) the Live changes tab of {@code handle}'s container. */
    public ChangesTab open(ToolTabs toolTabs, ContainerHandle handle) {
        ChangesTab tab = (ChangesTab) toolTabs.find(open -> ChangesTab.KIND.equals(open.kind())
                && open.container() != null && open.container().equals(handle)).orElse(null);
        if (tab == null) {
            LiveChangesViewModel viewModel = new LiveChangesViewModel(handle, service, positions, taskRunner,
                    duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
            viewModel.reportFailuresTo(toolTabs.containerFailures());
            tab = new ChangesTab(viewModel, item -> toolTabs.openItem(handle, item));
            viewModel.open();
        }
        toolTabs.open(tab);
        return tab;
    }
}
