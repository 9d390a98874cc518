package io.cosmosdesk.scripts;

import io.cosmosdesk.app.ToolTabs;
import io.cosmosdesk.app.TreeAction;
import io.cosmosdesk.app.TreeActions;
import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.browse.ResourceTreeViewModel;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ScriptKind;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Optional;

/**
 * Server-side scripts in the app: the tree's "Stored procedures", "Triggers" and "User-defined functions" rows under
 * each container (New… on a group, Open and Delete… on a script, double-click opens), each script in an editor tab.
 */
public final class ScriptsFeature {

    private final ScriptService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ResourceTreeViewModel tree;
    private ToolTabs toolTabs;

    public ScriptsFeature(ScriptService service, TaskRunner tasks, DialogService dialogs, ResourceTreeViewModel tree) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.tree = tree;
    }

    public void install(ToolTabs tabs, TreeActions treeActions) {
        this.toolTabs = tabs;
        tree.setOnOpenScript(this::open);
        treeActions.add(new TreeAction(ResourceNode.Kind.SCRIPT_GROUP, "New…", (window, group) -> openNew(group)));
        treeActions.add(new TreeAction(ResourceNode.Kind.SCRIPT, "Open", (window, script) -> open(script)));
        treeActions.add(new TreeAction(ResourceNode.Kind.SCRIPT, "Delete…", (window, script) -> delete(script)));
    }

    /** A new script of the group's kind, in a new editor tab. */
    public ScriptTab openNew(ResourceNode group) {
        ScriptEditorViewModel model = model(handle(group), group.scriptKind(), group);
        ScriptTab tab = new ScriptTab(model, dialogs);
        toolTabs.open(tab);
        return tab;
    }

    /** The script's editor tab: fronted when open, else opened and loaded. */
    public ScriptTab open(ResourceNode script) {
        ContainerHandle handle = handle(script);
        Optional<ScriptTab> open = find(handle, script.scriptKind(), script.label());
        if (open.isPresent()) {
            toolTabs.select(open.get());
            return open.get();
        }
        ScriptEditorViewModel model = model(handle, script.scriptKind(), script.parent());
        ScriptTab tab = new ScriptTab(model, dialogs);
        toolTabs.open(tab);
        model.load(script.label());
        return tab;
    }

    private void delete(ResourceNode script) {
        ContainerHandle handle = handle(script);
        ScriptKind kind = script.scriptKind();
        String id = script.label();
        if (!dialogs.confirm("Delete " + kind.noun(), "Delete the " + kind.noun() + " '" + id + "' from "
                + handle.ref() + "? This cannot be undone.", "Delete", true)) {
            return;
        }
        tasks.start(BackgroundTask.of("Deleting " + kind.noun() + " " + id, context -> {
            service.deleteScript(handle, kind, id, null);
            return Boolean.TRUE;
        }).onSuccess(done -> tree.refresh(script.parent()))
                .onFailure(failure -> dialogs.showError("Delete " + kind.noun(), failure)));
    }

    private ScriptEditorViewModel model(ContainerHandle handle, ScriptKind kind, ResourceNode group) {
        ScriptEditorViewModel model = new ScriptEditorViewModel(service, tasks, dialogs, handle, kind);
        model.setOnListChanged(() -> tree.refresh(group));
        model.reportFailuresTo(toolTabs.containerFailures());
        return model;
    }

    private Optional<ScriptTab> find(ContainerHandle handle, ScriptKind kind, String id) {
        return toolTabs.find(tab -> tab instanceof ScriptTab script && script.container().equals(handle)
                && script.viewModel().kind() == kind && script.viewModel().storedProperty().get()
                && id.equals(script.viewModel().idProperty().get()))
                .map(ScriptTab.class::cast);
    }

    private static ContainerHandle handle(ResourceNode node) {
        return new ContainerHandle(node.connection(), node.container());
    }
}
