package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The resource tree: connections → databases → containers, loaded lazily through the
 * {@link TaskRunner}, refreshable, filtered by a text that matches databases and containers.
 *
 * <p>A filter has to see containers of databases nobody has opened yet, so typing one loads those
 * databases' container lists in the background ({@link #searchingProperty()} is true meanwhile) and
 * expands the databases holding matches. Clearing the filter cancels the loads still running and
 * collapses what the filter expanded, so the tree is back as the user left it.
 */
public class ResourceTreeViewModel {

    private final ResourceService resources;
    private final TaskRunner tasks;

    // Properties
    private final ObservableList<ResourceNode> connections = FXCollections.observableArrayList();
    private final StringProperty filterText = new SimpleStringProperty(this, "filterText", "");
    private final ReadOnlyIntegerWrapper loadsInFlight = new ReadOnlyIntegerWrapper(this, "loadsInFlight");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    /** Container-list loads the filter started, cancelled when the filter is cleared. */
    private final Map<ResourceNode, TaskHandle> searchLoads = new HashMap<>();
    /** Nodes the filter expanded to show matches; collapsed again when the filter is cleared. */
    private final Set<ResourceNode> expandedByFilter = new LinkedHashSet<>();
    private Consumer<ContainerHandle> openContainerHandler = handle -> { };
    private Consumer<ResourceNode> openScriptHandler = node -> { };
    /** Connections waiting to reveal {database, container} once their children load. */
    private final java.util.Map<ResourceNode, String[]> pendingReveals = new java.util.HashMap<>();
    private final javafx.beans.property.ReadOnlyObjectWrapper<ResourceNode> revealed =
            new javafx.beans.property.ReadOnlyObjectWrapper<>(this, "revealed");

    private java.util.function.BiConsumer<ResourceNode, String> missingHandler = (parent, id) -> { };

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

    /** True while a filter waits for container lists of databases that were never opened. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** Who opens a container's Items tab (the main window). */
    public void setOnOpenContainer(Consumer<ContainerHandle> handler) {
        this.openContainerHandler = Objects.requireNonNull(handler);
    }

    /** Who opens a script's editor (the scripts feature). */
    /**
     * Told when a reload no longer lists a container (under a database node) or a database (under a connection
     * node) that it listed before, or a database node's reload finds the database gone: deleted elsewhere.
     */
    public void setOnMissing(java.util.function.BiConsumer<ResourceNode, String> handler) {
        this.missingHandler = java.util.Objects.requireNonNull(handler);
    }

    public void setOnOpenScript(Consumer<ResourceNode> handler) {
        this.openScriptHandler = Objects.requireNonNull(handler);
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
        // a container's Refresh reloads its database's list, as before containers had children of their own
        ResourceNode target = node.isExpandable() && node.kind() != ResourceNode.Kind.CONTAINER ? node : node.parent();
        if (target != null) {
            load(target);
        }
    }

    /**
     * A container that may have just been created by someone else than the tree (a copy's "created if missing"):
     * the tree follows without a Refresh. Its database's list loads again when it does not show the container (the
     * connection's list when the database is new too); lists never loaded are left to load when opened.
     */
    public void follow(CosmosConnection connection, String databaseId, String containerId) {
        ResourceNode connectionNode = connections.stream().filter(node -> node.connection() == connection)
                .findFirst().orElse(null);
        if (connectionNode == null || connectionNode.loadState() != ResourceNode.LoadState.LOADED) {
            return;
        }
        ResourceNode databaseNode = connectionNode.children().stream()
                .filter(node -> node.kind() == ResourceNode.Kind.DATABASE && databaseId.equals(node.databaseId()))
                .findFirst().orElse(null);
        if (databaseNode == null) {
            load(connectionNode);
            return;
        }
        boolean listed = databaseNode.children().stream().anyMatch(node -> node.kind() == ResourceNode.Kind.CONTAINER
                && node.container().ref().containerId().equals(containerId));
        if (databaseNode.loadState() == ResourceNode.LoadState.LOADED && !listed) {
            load(databaseNode);
        }
    }

    public void open(ResourceNode node) {
        if (node.kind() == ResourceNode.Kind.CONTAINER) {
            openContainerHandler.accept(new ContainerHandle(node.connection(), node.container()));
        } else if (node.kind() == ResourceNode.Kind.SCRIPT) {
            openScriptHandler.accept(node);
        }
    }

    private TaskHandle load(ResourceNode node) {
        searchLoads.remove(node); // a user's refresh supersedes the filter's load
        long generation = ++node.loadGeneration;
        java.util.Set<String> listedBefore = listedIds(node);
        node.setLoadState(ResourceNode.LoadState.LOADING);
        node.children().setAll(ResourceNode.message(node, ResourceNode.Kind.LOADING, "Loading…"));
        loadsInFlight.set(loadsInFlight.get() + 1);
        return tasks.start(BackgroundTask.of("Loading " + node.label(), context -> loadChildren(node))
                .onSuccess(children -> {
                    if (generation == node.loadGeneration) {
                        node.children().setAll(children.isEmpty()
                                ? List.of(ResourceNode.message(node, ResourceNode.Kind.EMPTY, emptyText(node)))
                                : children);
                        node.setLoadState(ResourceNode.LoadState.LOADED);
                        applyFilter();
                        revealIfPending(node);
                        java.util.Set<String> listedNow = listedIds(node);
                        listedBefore.stream().filter(id -> !listedNow.contains(id))
                                .forEach(id -> missingHandler.accept(node, id));
                    }
                })
                .onFailure(error -> {
                    if (generation == node.loadGeneration) {
                        var classified = CosmosErrors.classify(error);
                        String sentence = classified.userMessage();
                        if (node.kind() == ResourceNode.Kind.DATABASE && node.parent() != null
                                && classified.kind() == io.cosmosdesk.cosmos.ErrorKind.NOT_FOUND) {
                            missingHandler.accept(node.parent(), node.databaseId()); // the database itself went
                        }
                        node.children().setAll(ResourceNode.message(node, ResourceNode.Kind.ERROR,
                                "Couldn't load — " + sentence));
                        node.setLoadState(ResourceNode.LoadState.FAILED);
                        applyFilter();
                    }
                })
                .onCancelled(() -> {
                    if (generation == node.loadGeneration) {
                        // only the filter cancels loads: the node goes back to never opened
                        node.children().clear();
                        node.setLoadState(ResourceNode.LoadState.NOT_LOADED);
                    }
                })
                .onFinally(() -> {
                    loadsInFlight.set(loadsInFlight.get() - 1);
                    if (generation == node.loadGeneration) {
                        searchLoads.remove(node);
                    }
                    updateSearching();
                }));
    }

    /** The ids of the containers (database node) or databases (connection node) the node lists now. */
    private static java.util.Set<String> listedIds(ResourceNode node) {
        if (node.kind() != ResourceNode.Kind.DATABASE && node.kind() != ResourceNode.Kind.CONNECTION) {
            return java.util.Set.of();
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (ResourceNode child : node.children()) {
            if (child.kind() == ResourceNode.Kind.CONTAINER) {
                ids.add(child.container().ref().containerId());
            } else if (child.kind() == ResourceNode.Kind.DATABASE) {
                ids.add(child.databaseId());
            }
        }
        return ids;
    }

    private List<ResourceNode> loadChildren(ResourceNode node) {
        return switch (node.kind()) {
            case CONNECTION -> resources.readDatabases(node.connection()).stream()
                    .map(id -> ResourceNode.database(node, id)).toList();
            case DATABASE -> resources.readContainers(node.connection(), node.label()).stream()
                    .map(info -> ResourceNode.container(node, info)).toList();
            case CONTAINER -> java.util.Arrays.stream(io.cosmosdesk.cosmos.ScriptKind.values())
                    .map(kind -> ResourceNode.scriptGroup(node, kind)).toList();
            case SCRIPT_GROUP -> resources.readScriptIds(node.connection(), node.container().ref(), node.scriptKind())
                    .stream().map(id -> ResourceNode.script(node, id)).toList();
            default -> List.of();
        };
    }

    private static String emptyText(ResourceNode node) {
        return switch (node.kind()) {
            case CONNECTION -> "No databases";
            case SCRIPT_GROUP -> "No " + node.label().toLowerCase(Locale.ROOT);
            default -> "No containers";
        };
    }

    private void applyFilter() {
        String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            clearFilter();
            return;
        }
        List<ResourceNode> toSearch = new ArrayList<>();
        for (ResourceNode connection : connections) {
            connection.setFilter(database -> databaseMatches(database, text));
            boolean anyContainerMatches = false;
            for (ResourceNode database : connection.children()) {
                if (database.kind() != ResourceNode.Kind.DATABASE) {
                    continue;
                }
                database.setFilter(matches(database, text) ? null : child -> child.kind() != ResourceNode.Kind.CONTAINER
                        || matches(child, text));
                if (database.loadState() == ResourceNode.LoadState.NOT_LOADED) {
                    toSearch.add(database);
                } else if (holdsMatchingContainer(database, text)) {
                    anyContainerMatches = true;
                    expandForFilter(database);
                }
            }
            if (anyContainerMatches) {
                expandForFilter(connection);
            }
        }
        // started last: an immediate runner answers inside start(), re-entering applyFilter
        for (ResourceNode database : toSearch) {
            if (database.loadState() == ResourceNode.LoadState.NOT_LOADED) {
                TaskHandle handle = load(database);
                if (!handle.isDone()) {
                    searchLoads.put(database, handle);
                }
            }
        }
        updateSearching();
    }

    private void clearFilter() {
        for (TaskHandle pending : List.copyOf(searchLoads.values())) {
            pending.cancel();
        }
        searchLoads.clear();
        for (ResourceNode node : expandedByFilter) {
            node.expandedProperty().set(false);
        }
        expandedByFilter.clear();
        for (ResourceNode connection : connections) {
            connection.setFilter(null);
            connection.children().forEach(database -> database.setFilter(null));
        }
        updateSearching();
    }

    private void expandForFilter(ResourceNode node) {
        if (!node.expandedProperty().get()) {
            expandedByFilter.add(node);
            node.expandedProperty().set(true);
        }
    }

    private void updateSearching() {
        searching.set(!searchLoads.isEmpty());
    }

    /**
     * A database shows under a filter when its name matches, when one of its containers does, or when
     * its containers could not be loaded (its retry row says the search is incomplete there).
     */
    private static boolean databaseMatches(ResourceNode database, String text) {
        return database.kind() != ResourceNode.Kind.DATABASE || matches(database, text)
                || database.loadState() == ResourceNode.LoadState.FAILED || holdsMatchingContainer(database, text);
    }

    private static boolean holdsMatchingContainer(ResourceNode database, String text) {
        return database.children().stream()
                .anyMatch(child -> child.kind() == ResourceNode.Kind.CONTAINER && matches(child, text));
    }

    private static boolean matches(ResourceNode node, String text) {
        return node.label().toLowerCase(Locale.ROOT).contains(text);
    }
}
