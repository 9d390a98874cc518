package io.cosmosdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The history of one item: its audit entries, newest first, each with the version it left (the body written, or
 * for a delete the body deleted), and Restore this version, which hands that version to the editor to save as a
 * conditional write (see {@code ItemEditorViewModel.restoreVersion}).
 */
public final class ItemHistoryViewModel {

    /** At most this many entries of one item are listed. */
    static final int LIMIT = 500;

    private final AuditLog log;
    private final TaskRunner tasks;
    private final ContainerHandle handle;
    private final String id;
    private final PartitionKeyValue key;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AuditEntry> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public ItemHistoryViewModel(AuditLog log, TaskRunner tasks, ContainerHandle handle, String id,
            PartitionKeyValue key) {
        this.log = Objects.requireNonNull(log);
        this.tasks = Objects.requireNonNull(tasks);
        this.handle = Objects.requireNonNull(handle);
        this.id = Objects.requireNonNull(id);
        this.key = Objects.requireNonNull(key);
    }

    public String title() {
        return "History of \"" + id + "\" (partition key " + key.display() + ")";
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public ReadOnlyObjectProperty<AuditEntry> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void load() {
        status.set("Reading the audit log…");
        Predicate<AuditEntry> ofItem = of(handle, id, key);
        tasks.start(BackgroundTask.of("Reading the history of " + id, context -> log.read(ofItem, LIMIT))
                .onSuccess(found -> {
                    entries.setAll(found);
                    selected.set(found.isEmpty() ? null : found.get(0));
                    status.set(found.isEmpty() ? "CosmosDesk has recorded no write of this item (the audit log keeps "
                            + "its retention's days)." : found.size() + (found.size() == 1 ? " entry" : " entries")
                            + ", newest first.");
                })
                .onFailure(error -> status.set("The audit log could not be read: " + error.getMessage())));
    }

    public void select(AuditEntry entry) {
        selected.set(entry);
    }

    /** The version an entry left: what it wrote, or what a delete removed; null when it holds none. */
    public static ObjectNode versionOf(AuditEntry entry) {
        JsonNode version = entry.after() != null && entry.ok() ? entry.after() : entry.before();
        return version instanceof ObjectNode node ? node.deepCopy() : null;
    }

    /** Whether the version before {@code entry}'s write can be restored (replaces and deletes keep it). */
    public boolean canRestoreBefore(AuditEntry entry) {
        return entry != null && entry.before() instanceof ObjectNode && entry.after() != null
                && !handle.connection().profile().readOnly();
    }

    /** Hands the version before the selected entry's write to {@code restore}; false when there is none. */
    public boolean restoreBeforeSelected(Consumer<ObjectNode> restore) {
        AuditEntry entry = selected.get();
        if (!canRestoreBefore(entry)) {
            return false;
        }
        restore.accept(((ObjectNode) entry.before()).deepCopy());
        return true;
    }

    /** Whether Restore this version applies to {@code entry}. */
    public boolean canRestore(AuditEntry entry) {
        return entry != null && versionOf(entry) != null && !handle.connection().profile().readOnly();
    }

    /** Hands the selected entry's version to {@code restore} (the editor's restore); false when there is none. */
    public boolean restoreSelected(Consumer<ObjectNode> restore) {
        AuditEntry entry = selected.get();
        if (!canRestore(entry)) {
            return false;
        }
        restore.accept(versionOf(entry));
        return true;
    }

    /** The entries of one item: same endpoint, database, container, id and partition key. */
    static Predicate<AuditEntry> of(ContainerHandle handle, String id, PartitionKeyValue key) {
        String endpoint = AuditEntries.safeEndpoint(handle.connection().profile().endpoint());
        String database = handle.ref().databaseId();
        String container = handle.ref().containerId();
        JsonNode keyJson = key.toJsonArray();
        return entry -> id.equals(entry.id()) && container.equals(entry.container())
                && database.equals(entry.database()) && endpoint.equals(entry.endpoint())
                && keyJson.equals(entry.partitionKey());
    }
}
