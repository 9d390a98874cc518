package io.cosmosdesk.app;

import io.cosmosdesk.browse.ItemsTab;
import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.browse.ResourceTreeView;
import io.cosmosdesk.connection.ConnectionDialog;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.ui.DialogService;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;

/** Thin controller of the main window ({@link MainWindowView}): binds to {@link MainViewModel}, forwards user intent. */
public class MainWindowController {

    private final MainViewModel viewModel;
    private final DialogService dialogs;
    private final java.util.function.Supplier<ConnectionDialog> connectionDialog;
    private final java.util.Map<String, String> environment;
    private final Function<ContainerHandle, ContainerWorkspace> workspaces;
    private final java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.cosmos.CosmosConnection>
            unfinishedMoves;
    private final Map<ContainerHandle, ContainerWorkspace> openTabs = new HashMap<>();
    private final ToolTabs toolTabs;
    private final ContainerActions containerActions;
    private final AppActions appActions;
    private final TreeActions treeActions;

    // the window's nodes, set by MainWindowView before initialize()
    BorderPane root;
    TreeView<ResourceNode> resourceTree;
    TextField treeFilter;
    Label treePlaceholder;
    Label treeConnectHint;
    javafx.scene.layout.VBox treePlaceholderBox;
    javafx.scene.layout.HBox treeSearchStatus;
    TabPane tabs;
    Label connectionBadge;
    Label statusMessage;
    ProgressIndicator busyIndicator;
    javafx.scene.control.MenuItem disconnectMenuItem;
    javafx.scene.control.Menu fileMenu;
    javafx.scene.control.SeparatorMenuItem fileActionsEnd;
    javafx.scene.control.Menu viewMenu;
    javafx.scene.control.Menu containerMenu;
    javafx.scene.control.Menu toolsMenu;
    javafx.scene.control.Menu helpMenu;
    javafx.scene.control.Button openConnectionButton;
    javafx.scene.control.Button refreshButton;
    javafx.scene.control.Button welcomeConnectButton;

    public MainWindowController(MainViewModel viewModel, DialogService dialogs,
            java.util.function.Supplier<ConnectionDialog> connectionDialog, java.util.Map<String, String> environment,
            Function<ContainerHandle, ContainerWorkspace> workspaces,
            java.util.function.BiConsumer<javafx.stage.Window, io.cosmosdesk.cosmos.CosmosConnection> unfinishedMoves,
            ToolTabs toolTabs, ContainerActions containerActions, AppActions appActions, TreeActions treeActions) {
        this.treeActions = treeActions;
        this.unfinishedMoves = unfinishedMoves;
        this.toolTabs = toolTabs;
        this.containerActions = containerActions;
        this.appActions = appActions;
        this.environment = environment;
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.connectionDialog = connectionDialog;
        this.workspaces = workspaces;
    }

    /** The Items tab open for {@code handle}, if any (the editor is wired into its {@code editorHost}). */
    public java.util.Optional<ItemsTab> itemsTab(ContainerHandle handle) {
        return workspace(handle).map(ContainerWorkspace::items);
    }

    /** The grid and editor open for {@code handle}, if any. */
    public java.util.Optional<ContainerWorkspace> workspace(ContainerHandle handle) {
        return java.util.Optional.ofNullable(openTabs.get(handle));
    }

    /**
     * Asks each workspace in turn (Save / Discard / Cancel where there are unsaved edits); resolves true
     * only when none of them has anything left to lose.
     */
    private java.util.concurrent.CompletableFuture<Boolean> canLeave(java.util.List<ContainerWorkspace> leaving) {
        java.util.concurrent.CompletableFuture<Boolean> result = java.util.concurrent.CompletableFuture
                .completedFuture(true);
        for (ContainerWorkspace workspace : leaving) {
            result = result.thenCompose(ok -> ok ? canLeave(workspace)
                    : java.util.concurrent.CompletableFuture.completedFuture(false));
        }
        return result;
    }

    /** Brings a workspace with unsaved edits to the front before asking about them, so the user sees them. */
    private java.util.concurrent.CompletableFuture<Boolean> canLeave(ContainerWorkspace workspace) {
        if (workspace.viewModel().hasUnsavedEdits()) {
            viewModel.selectedContainerProperty().set(workspace.handle());
        }
        return workspace.viewModel().requestLeave();
    }

    private void disconnectGuarded(ResourceNode connectionNode) {
        java.util.List<ContainerWorkspace> affected = openTabs.values().stream()
                .filter(workspace -> workspace.handle().connection() == connectionNode.connection()).toList();
        canLeave(affected).thenCompose(ok -> ok ? toolTabs.closeAll(tool -> tool.container() != null
                && tool.container().connection() == connectionNode.connection())
                : java.util.concurrent.CompletableFuture.completedFuture(false)).thenAccept(ok -> {
            if (ok) {
                viewModel.disconnect(connectionNode);
            }
        });
    }

    private java.util.Optional<ResourceNode> connectionToDisconnect() {
        TreeItem<ResourceNode> selected = resourceTree.getSelectionModel().getSelectedItem();
        return viewModel.connectionToDisconnect(selected == null ? null : selected.getValue());
    }

    void onDisconnect() {
        connectionToDisconnect().ifPresent(this::disconnectGuarded);
    }

    private void quitGuarded() {
        canLeave(java.util.List.copyOf(openTabs.values()))
                .thenCompose(ok -> ok ? toolTabs.closeAllToQuit()
                        : java.util.concurrent.CompletableFuture.completedFuture(false))
                .thenAccept(ok -> {
                    if (ok) {
                        Platform.exit();
                    }
                });
    }

    void initialize() {
        ResourceTreeView.bind(resourceTree, viewModel.tree());
        treeFilter.textProperty().bindBidirectional(viewModel.tree().filterTextProperty());
        treeSearchStatus.visibleProperty().bind(viewModel.tree().searchingProperty());
        treeSearchStatus.managedProperty().bind(treeSearchStatus.visibleProperty());
        treePlaceholderBox.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(
                viewModel.tree().connections()));
        treePlaceholderBox.managedProperty().bind(treePlaceholderBox.visibleProperty());

        statusMessage.textProperty().bind(viewModel.statusMessageProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyBinding());
        connectionBadge.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> viewModel.tree().connections().isEmpty() ? "Not connected"
                        : viewModel.tree().connections().size() == 1
                                ? viewModel.tree().connections().get(0).label()
                                : viewModel.tree().connections().size() + " connections",
                viewModel.tree().connections()));

        viewModel.activeColorTagProperty().addListener((obs, old, tag) -> {
            connectionBadge.getStyleClass().removeIf(style -> style.startsWith("tag-"));
            if (tag != null) {
                connectionBadge.getStyleClass().add("tag-" + tag);
            }
        });
        ResourceTreeView.onDisconnect(resourceTree, this::disconnectGuarded);
        // File > Disconnect: the connection of the row selected in the tree, else of the tab in front
        disconnectMenuItem.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> connectionToDisconnect().isEmpty(), resourceTree.getSelectionModel().selectedItemProperty(),
                viewModel.selectedContainerProperty(), viewModel.tree().connections()));
        viewModel.setOnConnected(connection -> unfinishedMoves.accept(root.getScene().getWindow(), connection));
        // closing the window asks about unsaved edits first, like File > Quit
        root.sceneProperty().addListener((obs, oldScene, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o, oldWindow, window) -> {
                    if (window != null) {
                        window.setOnCloseRequest(event -> {
                            event.consume();
                            quitGuarded();
                        });
                    }
                });
            }
        });
        viewModel.themeProperty().addListener((obs, old, theme) -> theme.apply());
        viewModel.themeProperty().get().apply();

        // a header that grows after it was selected ("Jobs (1)"), or tabs restored at start, stay whole
        io.cosmosdesk.ui.TabHeaders.keepSelectedInView(tabs);
        viewModel.openContainers().addListener((ListChangeListener<ContainerHandle>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::addContainerTab);
                change.getRemoved().forEach(this::removeContainerTab);
            }
        });
        viewModel.selectedContainerProperty().addListener((obs, old, handle) -> tabs.getTabs().stream()
                .filter(tab -> handle != null && handle.equals(tab.getUserData())).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab)));
        // keep the view-model's idea of the front tab in step with the user's clicks, so that opening
        // a container again from the tree brings its tab back to the front
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            viewModel.selectedContainerProperty().set(tab != null && tab.getUserData() instanceof ContainerHandle
                    handle ? handle : null);
            toolTabs.frontedByUser(tab != null && tab.getUserData() instanceof ToolTab tool ? tool : null);
        });
        bindToolTabs();
        installActions();
    }

    private void bindToolTabs() {
        toolTabs.setHost(new ToolTabs.Host() {
            @Override
            public void openItem(ContainerHandle container, io.cosmosdesk.cosmos.ItemRef item) {
                viewModel.openContainer(container);
                workspace(container).ifPresent(workspace -> workspace.viewModel().openItem(item));
            }

            @Override
            public void setFilter(ContainerHandle container, io.cosmosdesk.cosmos.GridFilter filter) {
                viewModel.openContainer(container);
                workspace(container).ifPresent(workspace -> workspace.viewModel().grid().applyFilter(filter));
            }

            @Override
            public java.util.Optional<io.cosmosdesk.cosmos.ItemQuery> gridQuery(ContainerHandle container) {
                return workspace(container).map(workspace -> workspace.viewModel().grid().appliedQueryProperty().get());
            }
        });
        toolTabs.tabs().addListener((ListChangeListener<ToolTab>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(tool -> tabs.getTabs().removeIf(tab -> tab.getUserData() == tool));
                change.getAddedSubList().forEach(this::addToolTab);
            }
        });
        toolTabs.selectedProperty().addListener((obs, old, tool) -> tabs.getTabs().stream()
                .filter(tab -> tool != null && tab.getUserData() == tool).findFirst()
                .ifPresent(tab -> tabs.getSelectionModel().select(tab)));
    }

    private void addToolTab(ToolTab tool) {
        Tab tab = new Tab();
        tab.setUserData(tool);
        tab.getStyleClass().add("tool-tab-" + tool.kind());
        tab.textProperty().bind(tool.title());
        if (tool.container() != null) {
            ConnectionProfile profile = tool.container().connection().profile();
            tab.setGraphic(connectionMark(profile));
            tab.setTooltip(new javafx.scene.control.Tooltip(profile.name() + " › " + tool.container().ref()
                    .databaseId() + " › " + tool.container().ref().containerId()));
        }
        tab.setContent(tool.view());
        tab.setOnCloseRequest(event -> {
            event.consume(); // closed through the tool's own guard
            toolTabs.close(tool);
        });
        tabs.getTabs().add(tab);
    }

    /** The features' commands: the Container menu, the tree's container menu, the Items toolbar, other menus. */
    private void installActions() {
        javafx.scene.control.MenuItem openItems = new javafx.scene.control.MenuItem("_Open items");
        openItems.setOnAction(event -> currentContainer().ifPresent(viewModel::openContainer));
        containerMenu.getItems().add(openItems);
        java.util.List<ResourceTreeView.NodeAction> treeActions = new java.util.ArrayList<>();
        for (ContainerAction action : containerActions.all()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(action.label());
            item.setAccelerator(action.accelerator());
            item.setOnAction(event -> currentContainer().ifPresent(handle -> action.run().accept(window(), handle)));
            containerMenu.getItems().add(item);
            treeActions.add(new ResourceTreeView.NodeAction(action.label(),
                    node -> action.run().accept(window(), new ContainerHandle(node.connection(), node.container()))));
        }
        ResourceTreeView.setContainerActions(resourceTree, treeActions);
        containerActions.fileDrop().ifPresent(drop -> ResourceTreeView.setFileDrop(resourceTree,
                new ResourceTreeView.FileDrop(drop.accepts(), (node, files) -> drop.run().run(window(),
                        new ContainerHandle(node.connection(), node.container()), files.get(0).toPath()))));
        for (ResourceNode.Kind kind : new ResourceNode.Kind[] {ResourceNode.Kind.CONNECTION,
                ResourceNode.Kind.DATABASE, ResourceNode.Kind.SCRIPT_GROUP, ResourceNode.Kind.SCRIPT}) {
            ResourceTreeView.setActions(resourceTree, kind, this.treeActions.all().stream()
                    .filter(action -> action.kind() == kind)
                    .map(action -> new ResourceTreeView.NodeAction(action.label(),
                            node -> action.run().accept(window(), node)))
                    .toList());
        }
        // enabled while there is a container to act on: selected in the tree, or in front
        containerMenu.setOnShowing(event -> {
            boolean none = currentContainer().isEmpty();
            containerMenu.getItems().forEach(item -> item.setDisable(none));
        });
        for (AppAction action : appActions.all()) {
            javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(action.label());
            item.setAccelerator(action.accelerator());
            item.setOnAction(event -> action.run().accept(window()));
            switch (action.menu()) {
                case "File" -> fileMenu.getItems().add(fileMenu.getItems().indexOf(fileActionsEnd), item);
                case "View" -> viewMenu.getItems().add(item);
                case "Help" -> helpMenu.getItems().add(item);
                default -> toolsMenu.getItems().add(item);
            }
        }
        toolsMenu.setVisible(!toolsMenu.getItems().isEmpty());
    }

    /** The Items toolbar's feature buttons of a newly opened workspace. */
    private void addToolbarActions(ContainerWorkspace workspace) {
        // a file dropped onto the container's Items tab (grid or editor) starts the drop feature, e.g. an import
        containerActions.fileDrop().ifPresent(drop -> {
            workspace.view().addEventHandler(javafx.scene.input.DragEvent.DRAG_OVER, event -> {
                if (event.getDragboard().hasFiles() && drop.accepts().test(event.getDragboard().getFiles())) {
                    event.acceptTransferModes(javafx.scene.input.TransferMode.COPY);
                }
            });
            workspace.view().addEventHandler(javafx.scene.input.DragEvent.DRAG_DROPPED, event -> {
                if (event.getDragboard().hasFiles() && drop.accepts().test(event.getDragboard().getFiles())) {
                    drop.run().run(window(), workspace.handle(), event.getDragboard().getFiles().get(0).toPath());
                    event.setDropCompleted(true);
                    event.consume();
                }
            });
        });
        // the few most used (New query) as buttons, the rest in More: the toolbar keeps to one row at 1280 px
        for (ContainerAction action : containerActions.all()) {
            if (!action.onToolbar()) {
                continue;
            }
            String label = action.label().replace("_", "");
            Runnable run = () -> action.run().accept(window(), workspace.handle());
            if (action.button()) {
                workspace.items().controller().addToolbarAction(label, action.accelerator() == null ? null
                        : label.replace("…", "") + " (" + action.accelerator().getDisplayText() + ")", run);
            } else {
                workspace.items().controller().addMoreAction(label, run);
            }
        }
    }

    /** The container selected in the tree, else the one of the tab in front (its workspace or a tool on it). */
    private java.util.Optional<ContainerHandle> currentContainer() {
        TreeItem<ResourceNode> selected = resourceTree.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getValue().kind() == ResourceNode.Kind.CONTAINER
                && resourceTree.isFocused()) {
            return java.util.Optional.of(new ContainerHandle(selected.getValue().connection(),
                    selected.getValue().container()));
        }
        Tab front = tabs.getSelectionModel().getSelectedItem();
        if (front != null && front.getUserData() instanceof ContainerHandle handle) {
            return java.util.Optional.of(handle);
        }
        if (front != null && front.getUserData() instanceof ToolTab tool && tool.container() != null) {
            return java.util.Optional.of(tool.container());
        }
        if (selected != null && selected.getValue().kind() == ResourceNode.Kind.CONTAINER) {
            return java.util.Optional.of(new ContainerHandle(selected.getValue().connection(),
                    selected.getValue().container()));
        }
        return java.util.Optional.empty();
    }

    private javafx.stage.Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void removeContainerTab(ContainerHandle handle) {
        tabs.getTabs().removeIf(tab -> handle.equals(tab.getUserData()));
        ContainerWorkspace workspace = openTabs.remove(handle);
        if (workspace != null) {
            workspace.close();
        }
    }

    private void addContainerTab(ContainerHandle handle) {
        ContainerInfo container = handle.info();
        Tab tab = new Tab();
        tab.setUserData(handle);
        ConnectionProfile profile = handle.connection().profile();
        tab.setTooltip(new javafx.scene.control.Tooltip(profile.name() + " › " + container.ref().databaseId() + " › "
                + container.ref().containerId() + "  ·  partition key " + container.partitionKeyLabel()
                + (profile.readOnly() ? "  ·  read-only connection" : "")));
        ContainerWorkspace workspace = workspaces.apply(handle);
        openTabs.put(handle, workspace);
        tab.setContent(workspace.view());
        addToolbarActions(workspace);
        // the container's name; the connection's too while several are open (two "orders" tabs, one of them
        // production, must not look alike); the editor's dirty dot while there are unsaved edits
        tab.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (viewModel.tree().connections().size() > 1 ? profile.name() + " › " : "")
                        + container.ref().containerId() + (workspace.viewModel().hasUnsavedEdits() ? " ●" : ""),
                workspace.viewModel().unsavedEditsProperty(), viewModel.tree().connections()));
        tab.setGraphic(connectionMark(profile));
        tab.setOnCloseRequest(event -> {
            event.consume(); // closed by closeGuarded once nothing unsaved would be lost
            closeGuarded(handle);
        });
        tabs.getTabs().add(tab);
        tabs.getSelectionModel().select(tab);
    }

    /** The connection's colour tag as a dot, and a lock for a read-only connection; null when neither. */
    private static javafx.scene.Node connectionMark(ConnectionProfile profile) {
        javafx.scene.layout.HBox mark = new javafx.scene.layout.HBox(3);
        mark.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        if (profile.colorTag() != null && !profile.colorTag().isBlank()) {
            try {
                mark.getChildren().add(new javafx.scene.shape.Circle(4, javafx.scene.paint.Color.web(profile.colorTag())));
            } catch (IllegalArgumentException e) {
                // not a colour JavaFX knows: no dot
            }
        }
        if (profile.readOnly()) {
            org.kordamp.ikonli.javafx.FontIcon lock = new org.kordamp.ikonli.javafx.FontIcon("fth-lock");
            lock.setIconSize(11);
            mark.getChildren().add(lock);
        }
        return mark.getChildren().isEmpty() ? null : mark;
    }

    void onNewConnection() {
        connectionDialog.get().show(root.getScene().getWindow(),
                request -> viewModel.connect(request.profile(), request.credentials(),
                        environment.get("COSMOS_DATABASE_NAME"), environment.get("COSMOS_CONTAINER_ID")));
    }

    void onRefresh() {
        TreeItem<ResourceNode> selected = resourceTree.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.tree().refresh(selected.getValue());
        } else if (!viewModel.tree().connections().isEmpty()) {
            viewModel.tree().connections().forEach(viewModel.tree()::refresh);
        }
    }

    void onToggleTheme() {
        viewModel.toggleTheme();
    }

    void onShortcuts() {
        KeyboardShortcuts.dialog(root.getScene().getWindow(), root.getScene().getStylesheets()).show();
    }

    /** Ctrl+W: closes the front container tab through the same unsaved-changes guard as its × button. */
    void onCloseTab() {
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        if (selected != null && selected.isClosable() && selected.getUserData() instanceof ContainerHandle handle) {
            closeGuarded(handle);
        } else if (selected != null && selected.getUserData() instanceof ToolTab tool) {
            toolTabs.close(tool);
        }
    }

    private void closeGuarded(ContainerHandle handle) {
        ContainerWorkspace workspace = openTabs.get(handle);
        if (workspace == null) {
            return;
        }
        canLeave(workspace).thenAccept(ok -> {
            if (ok) {
                viewModel.openContainers().remove(handle);
            }
        });
    }

    void onAbout() {
        dialogs.showInformation("About CosmosDesk", "CosmosDesk " + AppVersion.current()
                + "\nA desktop data browser for Azure Cosmos DB (NoSQL API).\nMIT licence.");
    }

    void onQuit() {
        quitGuarded();
    }
}
