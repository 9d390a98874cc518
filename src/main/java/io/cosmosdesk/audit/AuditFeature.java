package io.cosmosdesk.audit;

import io.cosmosdesk.app.AppAction;
import io.cosmosdesk.app.AppActions;
import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.settings.Settings;
import io.cosmosdesk.settings.SettingsStore;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.time.ZoneId;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;

/** Plugs the audit log into the app: Tools > Audit log opens (or fronts) one Audit log tab. */
public final class AuditFeature {

    public static final String KIND = "audit";

    private final AuditLog log;
    private final TaskRunner tasks;

    public AuditFeature(AuditLog log, TaskRunner tasks) {
        this.log = log;
        this.tasks = tasks;
    }

    public void install(ToolTabs toolTabs, AppActions appActions, SettingsStore settings) {
        appActions.add(new AppAction("Tools", "Audit log", null, window -> open(toolTabs)));
        // a change of CosmosDesk's own settings is recorded too (off the UI thread: the log syncs to disk)
        settings.settingsProperty().addListener((o, before, after) -> {
            if (before != null && after != null && !before.equals(after)) {
                AuditEntry entry = settingsChange(log, before, after);
                tasks.start(BackgroundTask.of("Recording a settings change", context -> {
                    log.append(entry);
                    return null;
                }));
            }
        });
    }

    /** The entry for a change of the settings: no connection or container; before and after are the settings. */
    static AuditEntry settingsChange(AuditLog log, Settings before, Settings after) {
        return new AuditEntry(log.now().toString(), System.getProperty("user.name", ""), "", "", "", "",
                SettingsStore.FILE_NAME, null, AuditOperation.SETTINGS.code(), "ok", null, 0, null, null, null,
                Json.MAPPER.valueToTree(before), Json.MAPPER.valueToTree(after), null);
    }

    /** Fronts the audit log tab, opening it first if needed. */
    public void open(ToolTabs toolTabs) {
        toolTabs.find(tab -> KIND.equals(tab.kind())).ifPresentOrElse(toolTabs::select, () -> {
            AuditViewModel viewModel = new AuditViewModel(log, tasks, ZoneId.systemDefault());
            toolTabs.open(new AuditTab(viewModel));
            viewModel.refresh();
        });
    }

    /** The audit log as a tab beside the container workspaces; tied to no container. */
    static final class AuditTab implements ToolTab {
        private final AuditViewModel viewModel;
        private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("Audit log");
        private AuditView view;

        AuditTab(AuditViewModel viewModel) {
            this.viewModel = viewModel;
        }

        AuditViewModel viewModel() {
            return viewModel;
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
            return title.getReadOnlyProperty();
        }

        @Override
        public Node view() {
            if (view == null) {
                view = new AuditView(viewModel, ZoneId.systemDefault());
            }
            return view;
        }
    }
}
