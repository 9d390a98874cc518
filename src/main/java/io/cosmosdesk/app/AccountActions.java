package io.cosmosdesk.app;

import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.jobs.JobTracker;
import io.cosmosdesk.manage.CreateResourceViewModel;
import io.cosmosdesk.manage.ManageDialogs;
import io.cosmosdesk.manage.ControlPlaneSwitch;
import io.cosmosdesk.manage.ResourceDeletion;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Optional;
import javafx.stage.Window;

/**
 * New database / New container / Delete database / Delete container: the tree's menus and the Container menu.
 * After a create the tree shows the new resource (a new container opens); after a delete the tree follows and the
 * open tabs of what was deleted stay, saying so and offering nothing that writes ({@link GoneContainers}).
 */
final class AccountActions {

    private final ControlPlaneSwitch planes;
    private final ManageDialogs dialogs;
    private final DialogService messages;
    private final TaskRunner tasks;
    private final MainViewModel main;
    private final GoneContainers gone;
    private final ResourceDeletion deletion;

    AccountActions(ControlPlaneSwitch planes, ManageDialogs dialogs, DialogService messages, TaskRunner tasks,
            JobTracker jobs, MainViewModel main, GoneContainers gone) {
        this.planes = planes;
        this.dialogs = dialogs;
        this.messages = messages;
        this.tasks = tasks;
        this.main = main;
        this.gone = gone;
        this.deletion = new ResourceDeletion(planes, tasks, jobs, messages);
    }

    void install(ContainerActions containers, TreeActions tree) {
        tree.add(new TreeAction(ResourceNode.Kind.CONNECTION, "New database…", this::newDatabase));
        tree.add(new TreeAction(ResourceNode.Kind.DATABASE, "New container…", this::newContainer));
        tree.add(new TreeAction(ResourceNode.Kind.DATABASE, "Delete database…", this::deleteDatabase));
        containers.add(new ContainerAction("Delete container…", null, false, this::deleteContainer));
    }

    /** A read-only connection is refused here with a sentence, and the refusal recorded as the service would. */
    private boolean writable(CosmosConnection connection, String what, AuditOperation operation, String database,
            String container) {
        if (connection.profile().readOnly()) {
            String sentence = "\"" + connection.profile().name()
                    + "\" is a read-only connection: databases and containers cannot be created or deleted on it.";
            CosmosDeskException refusal = new CosmosDeskException(ErrorKind.READ_ONLY, sentence);
            tasks.start(BackgroundTask.of("Recording a refused " + what.toLowerCase(java.util.Locale.ROOT),
                    context -> {
                        planes.refused(connection, operation, database, container, refusal);
                        return null;
                    }));
            messages.showInformation(what, sentence);
            return false;
        }
        return true;
    }

    private void newDatabase(Window owner, ResourceNode connectionNode) {
        if (!writable(connectionNode.connection(), "New database", AuditOperation.DATABASE_CREATE, "", null)) {
            return;
        }
        dialogs.showCreate(owner, CreateResourceViewModel.forDatabase(planes, messages, tasks,
                connectionNode.connection()),
                created -> main.tree().refresh(connectionNode));
    }

    private void newContainer(Window owner, ResourceNode databaseNode) {
        CosmosConnection connection = databaseNode.connection();
        if (!writable(connection, "New container", AuditOperation.CONTAINER_CREATE, databaseNode.databaseId(),
                "")) {
            return;
        }
        dialogs.showCreate(owner, CreateResourceViewModel.forContainer(planes, messages, tasks, connection,
                databaseNode.databaseId()), created -> {
                    main.tree().refresh(databaseNode);
                    main.openContainer(new ContainerHandle(connection, created));
                });
    }

    private void deleteDatabase(Window owner, ResourceNode databaseNode) {
        CosmosConnection connection = databaseNode.connection();
        String database = databaseNode.databaseId();
        if (!writable(connection, "Delete database", AuditOperation.DATABASE_DELETE, database, null)
                || !dialogs.confirmDelete(owner, "database", database,
                        "Every container in it and every item in them will be deleted.")) {
            return;
        }
        deletion.deleteDatabase(connection, database, new ResourceDeletion.Outcome() {
            @Override
            public void deleted() {
                gone.gone(GoneContainers.Gone.database(connection, database)); // its tabs say so; the tree follows
            }

            @Override
            public void failed(Throwable failure) {
                deleteFailed("Delete database", failure, databaseNode.parent());
            }

            @Override
            public void stoppedWaiting() {
                main.tree().refresh(databaseNode.parent()); // a reload that misses it puts its tabs in the gone state
            }
        });
    }

    private void deleteContainer(Window owner, ContainerHandle handle) {
        ContainerRef ref = handle.ref();
        if (!writable(handle.connection(), "Delete container", AuditOperation.CONTAINER_DELETE, ref.databaseId(),
                ref.containerId()) || !dialogs.confirmDelete(owner, "container", ref.containerId(),
                        "Every item in " + ref + " will be deleted.")) {
            return;
        }
        deletion.deleteContainer(handle.connection(), ref, new ResourceDeletion.Outcome() {
            @Override
            public void deleted() {
                gone.gone(GoneContainers.Gone.container(handle)); // its tabs say so; the tree follows
            }

            @Override
            public void failed(Throwable failure) {
                deleteFailed("Delete container", failure, databaseNode(handle).orElse(null));
            }

            @Override
            public void stoppedWaiting() {
                databaseNode(handle).ifPresent(main.tree()::refresh);
            }
        });
    }

    /** A delete that failed; gone already (someone else deleted it) is no error: the tree catches up instead. */
    private void deleteFailed(String title, Throwable failure, ResourceNode parentToRefresh) {
        if (failure instanceof CosmosDeskException cosmos && cosmos.kind() == ErrorKind.NOT_FOUND
                && parentToRefresh != null) {
            main.tree().refresh(parentToRefresh); // a reload that misses it puts its tabs in the gone state
            return;
        }
        messages.showError(title, failure);
    }

    private Optional<ResourceNode> databaseNode(ContainerHandle handle) {
        return main.tree().connections().stream().filter(node -> node.connection() == handle.connection())
                .flatMap(node -> node.children().stream())
                .filter(node -> node.kind() == ResourceNode.Kind.DATABASE
                        && handle.ref().databaseId().equals(node.databaseId()))
                .findFirst();
    }
}
