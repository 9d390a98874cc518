package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The resource tree: connections → databases → containers, loaded lazily through the
 * {@link TaskRunner}, refreshable, filtered by a text that matches databases and containers.
 */
public class ResourceTreeViewModel {

    private final ResourceService resources;
    private final TaskRunner tasks;

    // Properties
    private final ObservableList<ResourceNode> connections = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyIntegerWrapper loadsInFlight = new ReadOnlyIntegerWrapper(this, "loadsInFlight");
    private Consumer<ContainerHandle> openContainerHandler = handle -> { };
    /** Connections waiting to reveal {database, container} once their children load. */
    private final java.util.Map<ResourceNode, String[]> pendingReveals = new java.util.HashMap<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<ResourceNode> revealed =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "revealed");

    public ResourceTreeViewModel(ResourceService resources, TaskRunner tasks) {
        this.resources = Objects.requireNonNull(resources);
        this.tasks = Objects.requireNonNull(tasks);
        filterText.addListener((obs, old, text) -> applyFilter());
    }

    public ObservableList<ResourceNode> connections() {
        return connections;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Non-zero while any node is loading; the status bar's spinner binds to it. */
    public ReadOnlyIntegerProperty loadsInFlightProperty() {
        return loadsInFlight.getReadOnlyProperty();
    }

    /** Who opens a container's Items tab (the main window). */
    public void setOnOpenContainer(Consumer<ContainerHandle> handler) {
        this.openContainerHandler = Objects.requireNonNull(handler);
    }

    // Commands

    public ResourceNode addConnection(CosmosConnection connection) {
        return addConnection(connection, null, null);
    }

    /**
     * Adds a connection and, when {@code databaseId} is given, expands that database once loaded and
     * opens {@code containerId} in it (COSMOS_DATABASE_NAME / COSMOS_CONTAINER_ID).
     */
    public ResourceNode addConnection(CosmosConnection connection, String databaseId, String containerId) {
        ResourceNode node = ResourceNode.connection(connection);
        if (databaseId != null && !databaseId.isBlank()) {
            pendingReveals.put(node, new String[] {databaseId.strip(),
                    containerId == null || containerId.isBlank() ? null : containerId.strip()});
        }
        connections.add(node);
        load(node);
        return node;
    }

    private void revealIfPending(ResourceNode loaded) {
        ResourceNode connection = loaded.kind() == ResourceNode.Kind.CONNECTION ? loaded : loaded.parent();
        String[] target = pendingReveals.get(connection);
        if (target == null) {
            return;
        }
        if (loaded.kind() == ResourceNode.Kind.CONNECTION) {
            loaded.children().stream().filter(db -> db.kind() == ResourceNode.Kind.DATABASE
                    && db.label().equals(target[0])).findFirst().ifPresentOrElse(db -> {
                        if (target[1] == null) {
                            pendingReveals.remove(connection);
                            revealed.set(db);
                        }
                        db.expandedProperty().set(true);
                        expand(db);
                    }, () -> pendingReveals.remove(connection));
        } else if (loaded.kind() == ResourceNode.Kind.DATABASE && loaded.label().equals(target[0])) {
            pendingReveals.remove(connection);
            loaded.children().stream().filter(c -> c.kind() == ResourceNode.Kind.CONTAINER
                    && c.label().equals(target[1])).findFirst().ifPresent(container -> {
                        revealed.set(container);
                        open(container);
                    });
        }
    }

    /** Removes the connection's node; the caller closes the connection. */
    public void removeConnection(ResourceNode node) {
        node.loadGeneration++;
        connections.remove(node);
    }

    /** The node last revealed for the user (after connecting with a database/container named): select it. */
    public javafx.beans.property.ReadOnlyObjectProperty<ResourceNode> revealedProperty() {
        return revealed.getReadOnlyProperty();
    }

    /**
     * Reveals (for the view to select) the tree node of an open container, e.g. when its tab comes to the
     * front; opens nothing. A container whose node is not loaded, or filtered away, is left alone.
     */
    public void reveal(ContainerHandle handle) {
        connections.stream().filter(connection -> connection.connection() == handle.connection())
                .flatMap(connection -> connection.children().stream())
                .filter(database -> database.kind() == ResourceNode.Kind.DATABASE
                        && database.label().equals(handle.ref().databaseId()))
                .flatMap(database -> database.children().stream())
                .filter(node -> node.kind() == ResourceNode.Kind.CONTAINER && node.container().ref().equals(handle.ref()))
                .findFirst().ifPresent(revealed::set);
    }

    /** Loads a node's children the first time it is expanded. */
    public void expand(ResourceNode node) {
        if (node.isExpandable() && node.loadState() == ResourceNode.LoadState.NOT_LOADED) {
            load(node);
        }
    }

    public void refresh(ResourceNode node) {
        ResourceNode target = node.isExpandable() ? node : node.parent();
        if (target != null) {
            load(target);
        }
    }

    public void open(ResourceNode node) {
        if (node.kind() == ResourceNode.Kind.CONTAINER) {
            openContainerHandler.accept(new ContainerHandle(node.connection(), node.container()));
        }
    }

    private void load(ResourceNode node) {
        long generation = ++node.loadGeneration;
        node.setLoadState(ResourceNode.LoadState.LOADING);
        node.children().setAll(ResourceNode.message(node, ResourceNode.Kind.LOADING, "Loading…"));
        loadsInFlight.set(loadsInFlight.get() + 1);
        tasks.start(BackgroundTask.of("Loading " + node.label(), context -> loadChildren(node))
                .onSuccess(children -> {
                    if (generation == node.loadGeneration) {
                        node.children().setAll(children.isEmpty()
                                ? List.of(ResourceNode.message(node, ResourceNode.Kind.EMPTY, emptyText(node)))
                                : children);
                        node.setLoadState(ResourceNode.LoadState.LOADED);
                        applyFilter();
                        revealIfPending(node);
                    }
                })
                .onFailure(error -> {
                    if (generation == node.loadGeneration) {
                        String sentence = CosmosErrors.classify(error).userMessage();
                        node.children().setAll(ResourceNode.message(node, ResourceNode.Kind.ERROR,
                                "Couldn't load — " + sentence));
                        node.setLoadState(ResourceNode.LoadState.FAILED);
                    }
                })
                .onFinally(() -> loadsInFlight.set(loadsInFlight.get() - 1)));
    }

    private List<ResourceNode> loadChildren(ResourceNode node) {
        return switch (node.kind()) {
            case CONNECTION -> resources.readDatabases(node.connection()).stream()
                    .map(id -> ResourceNode.database(node, id)).toList();
            case DATABASE -> resources.readContainers(node.connection(), node.label()).stream()
                    .map(info -> ResourceNode.container(node, info)).toList();
            default -> List.of();
        };
    }

    private static String emptyText(ResourceNode node) {
        return node.kind() == ResourceNode.Kind.CONNECTION ? "No databases" : "No containers";
    }

    private void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        for (ResourceNode connection : connections) {
            connection.setFilter(text.isEmpty() ? null : database -> databaseMatches(database, text));
            for (ResourceNode database : connection.children()) {
                Predicate<ResourceNode> containers = text.isEmpty() || matches(database, text) ? null
                        : container -> matches(container, text);
                database.setFilter(containers);
            }
        }
    }

    private static boolean databaseMatches(ResourceNode database, String text) {
        if (database.kind() != ResourceNode.Kind.DATABASE || matches(database, text)) {
            return true;
        }
        return database.children().stream().anyMatch(child -> matches(child, text));
    }

    private static boolean matches(ResourceNode node, String text) {
        return node.kind() != ResourceNode.Kind.CONTAINER && node.kind() != ResourceNode.Kind.DATABASE
                || node.label().toLowerCase(Locale.ROOT).contains(text);
    }
}
