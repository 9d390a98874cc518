package io.cosmosdesk.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.ItemHistoryViewModel;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * One item in the editor: its text, whether it is dirty and valid, and the commands on it. Every write
 * is conditional on the ETag the text was based on; a 412 leads to the compare dialog (Overwrite /
 * Reload / Keep editing), an id or partition-key change is never sent as a replace, and no failure
 * touches what the user typed.
 *
 * <p>The item and the state derived from it live in {@link ItemEditorState}, its validation in
 * {@link ItemValidation}, Save and Delete in {@link ItemWrites}, reading an item in {@link ItemLoading} and
 * the unsaved-changes question in {@link LeaveGuard}; this class is what the view and the hosts see.
 *
 * <p>Hosts call {@link #canLeave()} before replacing the item ({@link #open}, {@link #newItem}, closing,
 * disconnecting, quitting); the editor's own commands guard themselves.
 */
public final class ItemEditorViewModel {

    public enum Mode { EMPTY, LOADING, EXISTING, NEW }

    private final ItemService items;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ItemEditorState item;
    private final ItemValidation validation;
    private final ItemWrites writes;
    private final ItemLoading loading;
    private final LeaveGuard guard;

    public ItemEditorViewModel(ItemService items, TaskRunner tasks, DialogService dialogs) {
        this.items = Objects.requireNonNull(items);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.item = new ItemEditorState(tasks);
        this.validation = item.validation();
        this.writes = new ItemWrites(item, items, tasks, dialogs);
        this.loading = new ItemLoading(items, tasks, item);
        this.guard = new LeaveGuard(item, writes, dialogs);
    }

    // ---- Properties

    /** The editor's text, without system properties; the view writes the user's edits here. */
    public StringProperty textProperty() {
        return item.textProperty();
    }

    public String getText() {
        return item.text();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return item.modeProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return item.dirtyProperty();
    }

    public boolean isDirty() {
        return item.isDirty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return validation.validProperty();
    }

    public ReadOnlyBooleanProperty validatingProperty() {
        return validation.validatingProperty();
    }

    /** True while a save, delete or the conflict re-read runs. */
    public ReadOnlyBooleanProperty savingProperty() {
        return item.savingProperty();
    }

    /**
     * Where a failure met on the container is reported: a 404 on an item is checked against its container, and a
     * container found gone puts all its tabs (this editor too) in the gone state.
     */
    public void reportFailuresTo(io.cosmosdesk.cosmos.ContainerFailures failures) {
        loading.reportFailuresTo(failures);
        writes.reportFailuresTo(failures);
    }

    /** The container was deleted (elsewhere): nothing can be saved any more, and Save says so. */
    public void containerGone(String sentence) {
        item.containerGone(sentence);
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return item.readOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return item.canSaveProperty();
    }

    /** Why Save is disabled, as a sentence for its tooltip; empty when it is enabled. */
    public ReadOnlyStringProperty saveBlockedReasonProperty() {
        return item.saveBlockedReasonProperty();
    }

    /** The inline banner: what failed and that the text is kept; empty when there is nothing to say. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return item.errorMessageProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return item.statusMessageProperty();
    }

    /** For a tab: the item's id (with a dot when dirty) or "New item". */
    public ReadOnlyStringProperty titleProperty() {
        return item.titleProperty();
    }

    /** The first validation problem (with a line and column for syntax errors), or null. */
    public ReadOnlyObjectProperty<ValidationProblem> firstProblemProperty() {
        return validation.firstProblemProperty();
    }

    public ObservableList<ValidationProblem> problems() {
        return validation.problems();
    }

    public ObservableList<SystemProperty> systemProperties() {
        return item.systemProperties();
    }

    public ContainerHandle handle() {
        return item.handle();
    }

    /** The server version being edited (null unless {@link Mode#EXISTING}). */
    public ItemVersion loadedVersion() {
        return item.loadedVersion();
    }

    public void setOnSaved(Consumer<ObjectNode> callback) {
        item.setOnSaved(callback);
    }

    public void setOnDeleted(Consumer<DeletedItem> callback) {
        writes.setOnDeleted(callback);
    }

    /** The move engine's entry point; without one, a partition-key change can only be undone. */
    public void setOnMoveRequested(Consumer<MoveRequest> callback) {
        writes.setOnMoveRequested(callback);
    }

    public void clearError() {
        item.showError("");
    }

    // ---- Commands

    /** Opens an item, read fresh from the server. Call {@link #canLeave()} first. */
    public void open(ContainerHandle container, String id, PartitionKeyValue partitionKey) {
        Objects.requireNonNull(container, "container");
        loading.load(container, id, partitionKey, "", "Could not open item \"" + id + "\": ");
    }

    /**
     * A move of the item shown here ended with it under {@code target}: the editor follows it and opens it
     * from there (clean, with its new ETag). {@code movedBody} is what was moved (system properties removed);
     * unsaved text that differs from it was not part of the move, so it is kept and the editor says so.
     * Ignored when the editor shows another item by now.
     */
    public void moved(String id, PartitionKeyValue source, PartitionKeyValue target, ObjectNode movedBody) {
        if (!shows(id, source)) {
            return;
        }
        String where = "\"" + id + "\" to partition " + target.display();
        if (item.isDirty() && !textIs(movedBody)) {
            item.showStatus("");
            item.showError("Moved " + where + " without your unsaved changes: they are kept here, but still "
                    + "belong to its old partition " + source.display() + ". Copy what you need, then open the "
                    + "item again.");
            return;
        }
        loading.load(item.handle(), id, target, "Moved " + where + ".",
                "Moved " + where + ", but it could not be opened from there: ");
    }

    /**
     * The move the editor handed over ({@link #setOnMoveRequested}) did not happen, or not completely: the
     * text stays as typed (still unsaved) and the banner says why. Ignored when the editor shows another item.
     */
    public void notMoved(String id, PartitionKeyValue source, String reason) {
        if (!shows(id, source)) {
            return;
        }
        item.showStatus("");
        item.showError("Not moved: " + reason + " Your text is kept; Save again to retry the move, or change the "
                + "partition key back.");
    }

    /**
     * The move the editor handed over refused the item because someone else changed it since it was read
     * ({@code edited} is what was to be moved): the compare dialog, as for a save, with Overwrite moving the
     * user's version conditional on the server's current ETag. Ignored when the editor shows another item.
     */
    public void changedBeforeMove(String id, PartitionKeyValue source, ObjectNode edited) {
        if (!shows(id, source)) {
            return;
        }
        writes.moveRefusedAsChanged(edited);
    }

    /** True when the editor shows (or is opening) the item {@code id} read from {@code partitionKey}. */
    public boolean shows(String id, PartitionKeyValue partitionKey) {
        return item.mode() == Mode.EXISTING && Objects.equals(id, item.originalId())
                && Objects.equals(partitionKey, item.originalKey());
    }

    private boolean textIs(ObjectNode body) {
        ItemValidator.Result result = item.currentValidation();
        return body != null && result.item() != null
                && ItemContent.equalByValue(ItemContent.withoutSystemProperties(result.item()), body);
    }

    /** A new item: a fresh UUID as id and every partition key path present. Call {@link #canLeave()} first. */
    public void newItem(ContainerHandle container) {
        Objects.requireNonNull(container, "container");
        item.useContainer(container);
        ObjectNode template = ItemJson.newObject();
        template.put("id", UUID.randomUUID().toString());
        List<String> paths = container.info().partitionKeyPaths();
        Object[] empty = new Object[paths.size()];
        Arrays.fill(empty, "");
        if (!paths.isEmpty()) {
            PartitionKeyValue.of(empty).writeInto(template, paths);
        }
        startNew(template, "New item: fill in the partition key and the rest, then Save.");
    }

    /** Turns the editor into a new item with the current text and a new id (same partition by default). */
    public void cloneCurrent() {
        if (!item.isEditing()) {
            return;
        }
        ItemValidator.Result result = item.currentValidation();
        if (result.item() == null) {
            item.showError("Fix the JSON before cloning: " + result.firstProblem().sentence());
            return;
        }
        String source = result.item().path("id").asText("");
        ObjectNode copy = ItemContent.withoutSystemProperties(result.item());
        copy.put("id", UUID.randomUUID().toString());
        startNew(copy, "Copy of \"" + source + "\" with a new id: change what you need, then Save to create it.",
                AuditOperation.CLONE);
    }

    /** Saves (Ctrl+S): a replace with If-Match for an existing item, a create for a new one. */
    public void save() {
        writes.save(saved -> { });
    }

    /** The open item's history in the audit log; empty when no item is open (or there is no log, in tests). */
    public Optional<ItemHistoryViewModel> history() {
        if (item.mode() != Mode.EXISTING || items.writes() == null) {
            return Optional.empty();
        }
        return Optional.of(new ItemHistoryViewModel(items.writes().log(), tasks, item.handle(), item.originalId(),
                item.originalKey()));
    }

    /**
     * Restore this version (from the item's history): the editor shows {@code version} and saves it conditionally
     * on the ETag it opened the item with, so a change made since leads to the compare dialog, never a blind
     * overwrite. Recorded in the audit log as a restore. Only for the open item (same id and partition key).
     */
    public void restoreVersion(ObjectNode version) {
        if (item.mode() != Mode.EXISTING || version == null
                || !item.originalId().equals(version.path("id").asText(null))) {
            return;
        }
        if (item.isDirty() && !dialogs.confirm("Restore this version", "Restoring that version replaces your unsaved "
                + "changes to \"" + item.originalId() + "\" in the editor.", "Restore", true)) {
            return;
        }
        item.textProperty().set(ItemJson.pretty(ItemContent.withoutSystemProperties(version)));
        writes.save(saved -> { }, AuditOperation.RESTORE);
    }

    /** Esc: back to the last loaded or saved text (asks first when there are changes). */
    public void discard() {
        if (item.mode() == Mode.NEW) {
            if (!item.isDirty() || dialogs.confirm("Discard new item", "Discard this new item? It was never saved.",
                    EditorChoice.DISCARD.label())) {
                item.clearItem();
            }
            return;
        }
        if (item.mode() == Mode.EXISTING && item.isDirty()
                && dialogs.confirm("Discard changes", "Discard your unsaved changes to \"" + item.originalId()
                        + "\"?", EditorChoice.DISCARD.label())) {
            item.revert();
        }
    }

    /** Reads the item again from the server (asks first when there are changes). */
    public void reload() {
        if (item.mode() != Mode.EXISTING) {
            return;
        }
        if (item.isDirty() && !dialogs.confirm("Reload item",
                "Reload \"" + item.originalId() + "\" from the server? Your unsaved changes will be lost.",
                EditorChoice.RELOAD.label(),
                true)) {
            return;
        }
        open(item.handle(), item.originalId(), item.originalKey());
    }

    /** Deletes the item after confirmation, only if nobody changed it since it was read. */
    public void delete() {
        if (item.mode() == Mode.NEW) {
            discard();
            return;
        }
        writes.delete();
    }

    /** Reformats valid JSON with two-space indentation. */
    public void prettyPrint() {
        formattedText().ifPresent(item.textProperty()::set);
    }

    /**
     * The text reformatted with two-space indentation, for a view that applies it itself (as one undoable
     * edit); empty, with the reason in the error banner, when the text is not valid JSON.
     */
    public Optional<String> formattedText() {
        if (!item.isEditing()) {
            return Optional.empty();
        }
        ItemValidator.Result result = item.currentValidation();
        if (result.item() == null) {
            item.showError("Cannot format: " + result.firstProblem().sentence());
            return Optional.empty();
        }
        return Optional.of(ItemJson.pretty(result.item()));
    }

    /**
     * The unsaved-changes guard: completes with true at once when there is nothing to lose; otherwise asks
     * Save / Discard / Cancel and completes when that is done (true when saved or discarded). Completes on
     * the UI thread.
     */
    public CompletableFuture<Boolean> canLeave() {
        return guard.canLeave("");
    }

    /**
     * {@link #canLeave()} before the whole container goes (its tab closes, the app quits): the question names
     * the container too, since the user may be looking at another one.
     */
    public CompletableFuture<Boolean> canLeaveContainer() {
        return guard.canLeave(item.handle() == null ? "" : " in " + item.handle().ref());
    }

    /** Empties the editor (e.g. on disconnect), after {@link #canLeave()}. */
    public void clear() {
        loading.forget();
        item.clearItem();
        item.showError("");
    }

    /**
     * The item shown (or opening) here was deleted by this user outside the editor, e.g. from the grid: the
     * editor lets go of it, so Save and Delete cannot act on an item that is gone, and says so.
     */
    public void deleted(String id) {
        deleted(id, 1);
    }

    /**
     * As {@link #deleted(String)}, when {@code count} items went at once (a bulk delete from the grid): the status
     * says how many, and that the one shown here was among them and is closed.
     */
    public void deleted(String id, int count) {
        clear();
        item.showStatus(count <= 1 ? "Deleted \"" + id + "\"."
                : "Deleted " + count + " items, including \"" + id + "\", which was open here and is now closed.");
    }

    /** A new or cloned item replaces whatever was loading, so a late answer cannot overwrite it. */
    private void startNew(ObjectNode template, String message) {
        startNew(template, message, AuditOperation.CREATE);
    }

    private void startNew(ObjectNode template, String message, AuditOperation createdAs) {
        loading.forget();
        item.startNew(template, message, createdAs);
    }
}
