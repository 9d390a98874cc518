package io.cosmosdesk.browse;

import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ScriptKind;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * One row of the resource tree: a connection, a database, a container, a container's script group ("Stored
 * procedures") or one script, or a message row such as
 * "Loading…" or "Couldn't load — Retry". Plain model; the view mirrors it into TreeItems.
 */
public final class ResourceNode {

    public enum Kind { CONNECTION, DATABASE, CONTAINER, SCRIPT_GROUP, SCRIPT, LOADING, ERROR, EMPTY }

    public enum LoadState { NOT_LOADED, LOADING, LOADED, FAILED }

    // Properties
    private final Kind kind;
    private final String label;
    private final String detail;
    private final ResourceNode parent;
    private final CosmosConnection connection;
    private final ContainerInfo container;
    private final ScriptKind scriptKind;
    private final ObservableList<ResourceNode> children = FXCollections.observableArrayList();
    private final FilteredList<ResourceNode> visibleChildren = new FilteredList<>(children);
    private final ObjectProperty<LoadState> loadState = new SimpleObjectProperty<>(LoadState.NOT_LOADED);
    private final javafx.beans.property.BooleanProperty expanded = new javafx.beans.property.SimpleBooleanProperty();
    /** Bumped on every (re)load so that a late answer for an older load is dropped. */
    long loadGeneration;

    private ResourceNode(Kind kind, String label, String detail, ResourceNode parent, CosmosConnection connection,
            ContainerInfo container) {
        this(kind, label, detail, parent, connection, container, null);
    }

    private ResourceNode(Kind kind, String label, String detail, ResourceNode parent, CosmosConnection connection,
            ContainerInfo container, ScriptKind scriptKind) {
        this.kind = kind;
        this.scriptKind = scriptKind;
        this.expanded.set(kind == Kind.CONNECTION); // connections open on arrival
        this.label = Objects.requireNonNull(label);
        this.detail = detail == null ? "" : detail;
        this.parent = parent;
        this.connection = connection;
        this.container = container;
    }

    static ResourceNode connection(CosmosConnection connection) {
        String kind = connection.profile().authKind().label();
        String detail = (kind.equals(connection.profile().name()) ? "" : kind)
                + (connection.profile().readOnly() ? (kind.equals(connection.profile().name()) ? "" : " · ")
                        + "read-only" : "");
        return new ResourceNode(Kind.CONNECTION, connection.profile().name(), detail, null, connection, null);
    }

    static ResourceNode database(ResourceNode parent, String databaseId) {
        return new ResourceNode(Kind.DATABASE, databaseId, "", parent, parent.connection, null);
    }

    static ResourceNode container(ResourceNode parent, ContainerInfo info) {
        // the throughput has a line of its own (ResourceTreeView): beside the key it was cut at the first-start width
        return new ResourceNode(Kind.CONTAINER, info.ref().containerId(), info.partitionKeyLabel(), parent,
                parent.connection, info);
    }

    /** "Stored procedures", "Triggers" or "User-defined functions" under a container; loads its scripts on expand. */
    static ResourceNode scriptGroup(ResourceNode container, ScriptKind kind) {
        return new ResourceNode(Kind.SCRIPT_GROUP, kind.groupLabel(), "", container, container.connection,
                container.container, kind);
    }

    static ResourceNode script(ResourceNode group, String id) {
        return new ResourceNode(Kind.SCRIPT, id, "", group, group.connection, group.container, group.scriptKind);
    }

    static ResourceNode message(ResourceNode parent, Kind kind, String text) {
        return new ResourceNode(kind, text, "", parent, parent.connection, null);
    }

    public Kind kind() {
        return kind;
    }

    public String label() {
        return label;
    }

    /** Secondary text: the auth kind of a connection, the partition key path(s) of a container. */
    public String detail() {
        return detail;
    }

    public ResourceNode parent() {
        return parent;
    }

    public CosmosConnection connection() {
        return connection;
    }

    /** The container's facts: of the container row, or of the container a script group or script is in; else null. */
    public ContainerInfo container() {
        return container;
    }

    /** Database id for database and container rows. */
    /** Which scripts a script group or script row is about; null for other rows. */
    public ScriptKind scriptKind() {
        return scriptKind;
    }

    public String databaseId() {
        return switch (kind) {
            case DATABASE -> label;
            case CONTAINER, SCRIPT_GROUP, SCRIPT -> container.ref().databaseId();
            default -> parent == null ? null : parent.databaseId();
        };
    }

    public boolean isExpandable() {
        return kind == Kind.CONNECTION || kind == Kind.DATABASE || kind == Kind.CONTAINER || kind == Kind.SCRIPT_GROUP;
    }

    public ObservableList<ResourceNode> children() {
        return children;
    }

    /** Children that pass the tree's filter. */
    public ObservableList<ResourceNode> visibleChildren() {
        return visibleChildren;
    }

    /** Whether the node shows its children; the view follows it both ways. */
    public javafx.beans.property.BooleanProperty expandedProperty() {
        return expanded;
    }

    public ReadOnlyObjectProperty<LoadState> loadStateProperty() {
        return loadState;
    }

    public LoadState loadState() {
        return loadState.get();
    }

    void setLoadState(LoadState state) {
        loadState.set(state);
    }

    void setFilter(Predicate<ResourceNode> predicate) {
        visibleChildren.setPredicate(predicate);
    }

    @Override
    public String toString() {
        return kind + ":" + label;
    }
}
