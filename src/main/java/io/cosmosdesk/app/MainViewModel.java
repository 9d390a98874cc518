package io.cosmosdesk.app;

import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.browse.ResourceTreeViewModel;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The main window's state: open connections (via the tree), open container tabs, status line, theme. */
public class MainViewModel implements AutoCloseable {

    private final CosmosClientFactory clientFactory;
    private final TaskRunner tasks;
    private final ResourceTreeViewModel tree;
    /** Read by background tasks (move recovery looks connections up by name), written on the UI thread. */
    private final List<CosmosConnection> openConnections = new java.util.concurrent.CopyOnWriteArrayList<>();
    private java.util.function.Consumer<CosmosConnection> onConnected = connection -> { };
    private final List<java.util.function.Consumer<CosmosConnection>> alsoOnConnected =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    // Properties
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "Ready");
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(this, "connecting");
    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper(this, "windowTitle", "CosmosDesk");
    private final ReadOnlyStringWrapper activeColorTag = new ReadOnlyStringWrapper(this, "activeColorTag");
    private final ObjectProperty<ContainerHandle> selectedContainer = new SimpleObjectProperty<>(this,
            "selectedContainer");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final ObservableList<ContainerHandle> openContainers = FXCollections.observableArrayList();
    private final BooleanBinding busy;

    public MainViewModel(CosmosClientFactory clientFactory, TaskRunner tasks, ResourceTreeViewModel tree) {
        this.clientFactory = Objects.requireNonNull(clientFactory);
        this.tasks = Objects.requireNonNull(tasks);
        this.tree = Objects.requireNonNull(tree);
        this.busy = connecting.or(Bindings.notEqual(0, tree.loadsInFlightProperty()));
        tree.setOnOpenContainer(this::openContainer);
        // the tree and the status bar follow the tab in front (selecting in the tree opens nothing, so no loop)
        selectedContainer.addListener((obs, old, container) -> {
            if (container != null) {
                tree.reveal(container);
                statusMessage.set("Showing " + container.ref());
            } else if (openContainers.isEmpty()) {
                statusMessage.set("Ready");
            }
        });
    }

    public ResourceTreeViewModel tree() {
        return tree;
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** True while anything runs in the background; drives the status bar's progress indicator. */
    public BooleanBinding busyBinding() {
        return busy;
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    /** The colour tag of the latest connection (e.g. "red" for production); null for none. */
    public ReadOnlyStringProperty activeColorTagProperty() {
        return activeColorTag.getReadOnlyProperty();
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Containers whose Items tab is open, in tab order; opening an open one again selects it. */
    public ObservableList<ContainerHandle> openContainers() {
        return openContainers;
    }

    // Commands

    /** Opens a connection in the background and adds it to the tree. */
    public void connect(ConnectionProfile profile, Credentials credentials) {
        connect(profile, credentials, null, null);
    }

    /** Connects and then reveals (and opens) the given database/container, when named. */
    public void connect(ConnectionProfile profile, Credentials credentials, String databaseId, String containerId) {
        connecting.set(true);
        statusMessage.set("Connecting to " + profile.name() + "…");
        tasks.start(BackgroundTask.of("Connecting to " + profile.name(), context -> clientFactory.open(profile,
                credentials))
                .onSuccess(connection -> {
                    openConnections.add(connection);
                    tree.addConnection(connection, databaseId, containerId);
                    onConnected.accept(connection);
                    alsoOnConnected.forEach(listener -> listener.accept(connection));
                    statusMessage.set("Connected to " + profile.name());
                    windowTitle.set(titleFor(profile));
                    activeColorTag.set(profile.colorTag());
                })
                .onFailure(error -> statusMessage.set("Could not connect to " + profile.name() + ": "
                        + CosmosErrors.classify(error).userMessage()))
                .onFinally(() -> connecting.set(false)));
    }

    private static String titleFor(ConnectionProfile profile) {
        String tag = profile.colorTag() == null ? "" : " [" + profile.colorTag().toUpperCase(java.util.Locale.ROOT)
                + "]";
        return "CosmosDesk — " + profile.name() + tag + (profile.readOnly() ? " (read-only)" : "");
    }

    /** Hears every connection once it is open (e.g. to offer unfinished moves made on it). */
    public void setOnConnected(java.util.function.Consumer<CosmosConnection> handler) {
        this.onConnected = Objects.requireNonNull(handler);
    }

    /** Another listener for every connection once it is open (features: restoring their tabs). */
    public void addOnConnected(java.util.function.Consumer<CosmosConnection> listener) {
        alsoOnConnected.add(Objects.requireNonNull(listener));
    }

    /** The open connection with this name, if any; safe from any thread. */
    /** The open connection an unfinished move was made on: same endpoint and name (name only for old journals). */
    public java.util.Optional<CosmosConnection> openConnectionOf(io.cosmosdesk.move.MoveJobSummary job) {
        return io.cosmosdesk.move.JobConnections.find(job, openConnections);
    }

    /** The connections open now. */
    public List<CosmosConnection> openConnections() {
        return List.copyOf(openConnections);
    }

    public java.util.Optional<CosmosConnection> openConnectionNamed(String name) {
        return openConnections.stream().filter(c -> c.profile().name().equals(name)).findFirst();
    }

    /**
     * The connection row File &gt; Disconnect closes: the connection of the row selected in the tree (any row
     * under it), else of the tab in front, else the only one open; empty when that leaves no single choice.
     */
    public java.util.Optional<ResourceNode> connectionToDisconnect(ResourceNode selectedInTree) {
        CosmosConnection chosen = selectedInTree != null && selectedInTree.connection() != null
                ? selectedInTree.connection()
                : selectedContainer.get() != null ? selectedContainer.get().connection() : null;
        List<ResourceNode> connections = tree.connections();
        if (chosen == null) {
            return connections.size() == 1 ? java.util.Optional.of(connections.get(0)) : java.util.Optional.empty();
        }
        return connections.stream().filter(node -> node.connection() == chosen).findFirst();
    }

    public void disconnect(ResourceNode connectionNode) {
        CosmosConnection connection = connectionNode.connection();
        tree.removeConnection(connectionNode);
        openConnections.remove(connection);
        openContainers.removeIf(handle -> handle.connection() == connection);
        if (openConnections.isEmpty()) {
            windowTitle.set("CosmosDesk");
            activeColorTag.set(null);
        } else {
            ConnectionProfile latest = openConnections.get(openConnections.size() - 1).profile();
            windowTitle.set(titleFor(latest));
            activeColorTag.set(latest.colorTag());
        }
        closeInBackground(connection);
        statusMessage.set("Disconnected from " + connection.profile().name());
    }

    /** Opens the container's Items tab, or selects it when already open (see {@link #selectedContainerProperty()}). */
    public void openContainer(ContainerHandle container) {
        if (!openContainers.contains(container)) {
            openContainers.add(container);
        }
        selectedContainer.set(container);
        statusMessage.set("Opened " + container.ref());
    }

    /** The container whose tab should be in front. */
    public ObjectProperty<ContainerHandle> selectedContainerProperty() {
        return selectedContainer;
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    private void closeInBackground(CosmosConnection connection) {
        tasks.start(BackgroundTask.of("Closing " + connection.profile().name(), context -> {
            connection.close();
            return null;
        }));
    }

    /** Closes every open connection; called on exit. */
    @Override
    public void close() {
        for (CosmosConnection connection : openConnections) {
            connection.close();
        }
        openConnections.clear();
    }
}
