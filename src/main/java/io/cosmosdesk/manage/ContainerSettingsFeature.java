package io.cosmosdesk.manage;

import io.cosmosdesk.app.ContainerAction;
import io.cosmosdesk.app.ContainerActions;
import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;

/** "Settings…" on a container (tree menu, Container menu): opens its settings tab, or fronts it. */
public final class ContainerSettingsFeature {

    public static final String ACTION_LABEL = "Settings…";

    private final ContainerSettingsService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    public ContainerSettingsFeature(ContainerSettingsService service, TaskRunner tasks, DialogService dialogs) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    public void install(ToolTabs toolTabs, ContainerActions containerActions) {
        containerActions.add(new ContainerAction(ACTION_LABEL, null, false,
                (window, handle) -> open(toolTabs, handle)));
    }

    public ContainerSettingsTab open(ToolTabs toolTabs, ContainerHandle handle) {
        ContainerSettingsTab tab = (ContainerSettingsTab) toolTabs.find(open -> ContainerSettingsTab.KIND
                .equals(open.kind()) && handle.equals(open.container())).orElse(null);
        if (tab == null) {
            ContainerSettingsViewModel viewModel = new ContainerSettingsViewModel(handle, service, tasks, dialogs,
                    duration -> Thread.sleep(duration.toMillis()));
            viewModel.reportFailuresTo(toolTabs.containerFailures());
            tab = new ContainerSettingsTab(viewModel);
            viewModel.load();
        }
        toolTabs.open(tab);
        return tab;
    }
}
