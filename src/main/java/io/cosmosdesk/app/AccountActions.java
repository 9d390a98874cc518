package io.cosmosdesk.app;

import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.manage.CreateResourceViewModel;
import io.cosmosdesk.manage.ManageDialogs;
import io.cosmosdesk.manage.ControlPlane;
import io.cosmosdesk.manage.ControlPlaneSwitch;
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

    AccountActions(ControlPlaneSwitch planes, ManageDialogs dialogs, DialogService messages, TaskRunner tasks,
            MainViewModel main, GoneContainers gone) {
        this.planes = planes;
        this.dialogs = dialogs;
        this.messages = messages;
        this.tasks = tasks;
        this.main = main;
        this.gone = gone;
    }

    void install(ContainerActions containers, TreeActions tree) {
        tree.add(new TreeAction(ResourceNode.Kind.CONNECTION, "New database…", this::newDatabase));
        tree.add(new TreeAction(ResourceNode.Kind.DATABASE, "New container…", this::newContainer));
        tree.add(new TreeAction(ResourceNode.Kind.DATABASE, "Delete database…", this::deleteDatabase));
        containers.add(new ContainerAction("Delete container…", null, false, this::deleteContainer));
    }

    private boolean writable(CosmosConnection connection, String what) {
        if (connection.profile().readOnly()) {
            messages.showInformation(what, "\"" + connection.profile().name()
                    + "\" is a read-only connection: databases and containers cannot be created or deleted on it.");
            return false;
        }
        return true;
    }

    private void newDatabase(Window owner, ResourceNode connectionNode) {
        if (!writable(connectionNode.connection(), "New database")) {
            return;
        }
        dialogs.showCreate(owner, CreateResourceViewModel.forDatabase(planes, messages, tasks,
                connectionNode.connection()),
                created -> main.tree().refresh(connectionNode));
    }

    private void newContainer(Window owner, ResourceNode databaseNode) {
        CosmosConnection connection = databaseNode.connection();
        if (!writable(connection, "New container")) {
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
        if (!writable(connection, "Delete database") || !dialogs.confirmDelete(owner, "database", database,
                "Every container in it and every item in them will be deleted.")) {
            return;
        }
        deleteDatabase(connection, database, databaseNode);
    }

    private void deleteDatabase(CosmosConnection connection, String database, ResourceNode databaseNode) {
        ControlPlane plane = planes.forConnection(connection);
        tasks.start(BackgroundTask.of("Deleting database " + database + " through " + plane.name(), context -> {
            plane.reporting(context).deleteDatabase(connection, database);
            return Boolean.TRUE;
        }).onSuccess(done -> {
            gone.gone(GoneContainers.Gone.database(connection, database)); // its tabs say so; the tree follows
        }).onFailure(failure -> {
            if (offered("Delete database", connection, failure)) {
                deleteDatabase(connection, database, databaseNode);
            } else {
                deleteFailed("Delete database", failure, databaseNode.parent());
            }
        }));
    }

    private void deleteContainer(Window owner, ContainerHandle handle) {
        if (!writable(handle.connection(), "Delete container") || !dialogs.confirmDelete(owner, "container",
                handle.ref().containerId(), "Every item in " + handle.ref() + " will be deleted.")) {
            return;
        }
        deleteContainer(handle);
    }

    private void deleteContainer(ContainerHandle handle) {
        ContainerRef ref = handle.ref();
        ControlPlane plane = planes.forConnection(handle.connection());
        tasks.start(BackgroundTask.of("Deleting container " + ref + " through " + plane.name(), context -> {
            plane.reporting(context).deleteContainer(handle.connection(), ref);
            return Boolean.TRUE;
        }).onSuccess(done -> {
            gone.gone(GoneContainers.Gone.container(handle)); // its tabs say so; the tree follows
        }).onFailure(failure -> {
            if (offered("Delete container", handle.connection(), failure)) {
                deleteContainer(handle);
            } else {
                deleteFailed("Delete container", failure, databaseNode(handle).orElse(null));
            }
        }));
    }

    /**
     * The data plane refused the connection's Entra ID token: offers Azure Resource Manager; true when the user
     * agreed (the change is then made again there).
     */
    private boolean offered(String title, CosmosConnection connection, Throwable failure) {
        if (planes.canOffer(connection, failure) && messages.confirm(title, ControlPlaneSwitch.OFFER,
                "Use Azure Resource Manager")) {
            planes.agree(connection);
            return true;
        }
        return false;
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
