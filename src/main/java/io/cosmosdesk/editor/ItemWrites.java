package io.cosmosdesk.editor;

import static io.cosmosdesk.editor.EditorChoice.DISCARD_CHANGES;
import static io.cosmosdesk.editor.EditorChoice.KEEP_EDITING;
import static io.cosmosdesk.editor.EditorChoice.MERGE;
import static io.cosmosdesk.editor.EditorChoice.MOVE_ITEM;
import static io.cosmosdesk.editor.EditorChoice.OVERWRITE;
import static io.cosmosdesk.editor.EditorChoice.RELOAD;
import static io.cosmosdesk.editor.EditorChoice.SAVE_AS_NEW;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.editor.ItemEditorViewModel.Mode;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.Choices;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The editor's writes to the server: Save and Delete. Every write is conditional on the ETag the text was
 * based on; a 412 leads to the compare dialog (Overwrite / Reload / Keep editing), an item deleted meanwhile
 * can be saved again as new, an id or partition-key change is never sent as a replace (a new item, or a
 * hand-over to the move engine), and no failure touches what the user typed.
 */
final class ItemWrites {

    private final ItemEditorState item;
    private final ItemService items;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    private int busyOperations;
    private Consumer<DeletedItem> onDeleted = deleted -> { };
    private Consumer<MoveRequest> onMoveRequested;

    ItemWrites(ItemEditorState item, ItemService items, TaskRunner tasks, DialogService dialogs) {
        this.item = Objects.requireNonNull(item);
        this.items = Objects.requireNonNull(items);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
    }

    private io.cosmosdesk.cosmos.ContainerFailures failures = io.cosmosdesk.cosmos.ContainerFailures.IGNORE;

    void reportFailuresTo(io.cosmosdesk.cosmos.ContainerFailures failures) {
        this.failures = Objects.requireNonNull(failures);
    }

    void setOnDeleted(Consumer<DeletedItem> callback) {
        this.onDeleted = Objects.requireNonNull(callback);
    }

    /** Without a move engine, a partition-key change can only be undone. */
    void setOnMoveRequested(Consumer<MoveRequest> callback) {
        this.onMoveRequested = callback;
    }

    // ---- Saving

    /**
     * A replace with If-Match for an existing item, a create for a new one. {@code done} receives true
     * once the user's text is saved or deliberately given up, false when it is still unsaved.
     */
    void save(Consumer<Boolean> done) {
        save(done, null);
    }

    /** As {@link #save(Consumer)}, an existing item's replace recorded as {@code operation} (null: a save). */
    void save(Consumer<Boolean> done, AuditOperation operation) {
        Mode current = item.mode();
        if (current != Mode.EXISTING && current != Mode.NEW || busyOperations > 0) {
            done.accept(false);
            return;
        }
        if (item.isReadOnly()) {
            item.showError(item.readOnlySentence());
            recordRefusedSave(current, operation);
            done.accept(false);
            return;
        }
        ItemValidator.Result result = item.currentValidation();
        if (!result.valid()) {
            String why = result.firstProblem().sentence().strip();
            item.showTextError("Not saved: " + why + (why.matches(".*[.?!]$") ? "" : ".") + " Your text is kept.");
            done.accept(false);
            return;
        }
        ObjectNode edited = ItemContent.withoutSystemProperties(result.item());
        String editedText = item.text();
        ContainerHandle handle = item.handle();
        if (current == Mode.NEW) {
            AuditOperation createdAs = item.createdAs();
            write("Creating item", () -> createdAs == AuditOperation.CREATE ? items.createItem(handle, edited)
                    : items.createItem(handle, edited, createdAs), edited, editedText,
                    "Created \"" + edited.get("id").textValue() + "\".", done);
            return;
        }
        String id = edited.get("id").textValue();
        PartitionKeyValue key = PartitionKeyValue.fromItem(edited, handle.info().partitionKeyPaths());
        if (!key.equals(item.originalKey())) {
            partitionKeyChanged(edited, key, done);
        } else if (!id.equals(item.originalId())) {
            idChanged(edited, id, done);
        } else {
            String etag = item.loadedVersion().etag();
            ObjectNode loaded = item.loadedVersion().json();
            write("Saving item " + id, () -> operation == null ? items.replaceItem(handle, edited, etag)
                    : items.replaceItem(handle, edited, etag, loaded, operation), edited, editedText,
                    operation == AuditOperation.RESTORE ? "Restored that version of \"" + id + "\"."
                            : "Saved \"" + id + "\".", done);
        }
    }

    @FunctionalInterface
    private interface Write {
        ItemVersion run();
    }

    private void write(String taskTitle, Write work, ObjectNode edited, String editedText, String savedMessage,
            Consumer<Boolean> done) {
        item.showError("");
        ContainerHandle container = item.handle();
        Mode before = item.mode();
        runBusy(BackgroundTask.of(taskTitle, ctx -> LoadedItem.of(work.run()))
                .onSuccess(saved -> {
                    if (container != item.handle()) {
                        done.accept(true);
                        return;
                    }
                    item.saved(saved, edited, editedText, savedMessage);
                    done.accept(true);
                })
                .onFailure(error -> {
                    failures.seen(container, error); // a 404 may be the container's: checked there
                    writeFailed(CosmosErrors.classify(error), before, edited, done);
                }));
    }

    private void writeFailed(CosmosDeskException e, Mode before, ObjectNode edited, Consumer<Boolean> done) {
        String id = edited.path("id").asText();
        switch (e.kind()) {
            case CHANGED_BY_SOMEONE_ELSE -> {
                if (before == Mode.EXISTING) {
                    conflict(edited, done);
                } else {
                    // only a replace carries an ETag: a create has no version of its own to compare with
                    notSaved("the server refused to create the item (412, a precondition failed); try Save "
                            + "again.", done);
                }
            }
            case NOT_FOUND -> {
                if (before == Mode.EXISTING) {
                    deletedMeanwhile(edited, done);
                } else {
                    notSaved(e.userMessage(), done);
                }
            }
            case CONFLICT -> notSaved("an item with id \"" + id + "\" already exists in this partition. Change the "
                    + "id, or open the existing item.", done);
            default -> notSaved(e.userMessage(), done);
        }
    }

    private void notSaved(String reason, Consumer<Boolean> done) {
        item.showError("Not saved: " + lowerFirst(reason) + " Your text is kept in the editor.");
        done.accept(false);
    }

    /**
     * 412: show the server's version beside the user's, each change marked as theirs or yours, and let the user
     * decide; never overwrite on our own. Changes to different fields merge (Merge: the server's version plus
     * the user's changed fields, conditional on the server's current ETag); Overwrite is offered only when both
     * changed the same field, and even then keeps their changes to the other fields.
     */
    private void conflict(ObjectNode edited, Consumer<Boolean> done) {
        ContainerHandle container = item.handle();
        String id = item.originalId();
        compareWithServer(edited, true, "Your change was not saved.", "Not saved", (server, merge) -> {
            ObjectNode toSave = ItemContent.withoutSystemProperties(merge.merged());
            String text = ItemJson.pretty(toSave);
            // the editor shows what is saved: their changes joined with the user's
            item.textProperty().set(text);
            boolean clash = merge.hasClash();
            write((clash ? "Overwriting item " : "Merging item ") + id,
                    () -> items.overwriteItem(container, toSave, server.version().etag()), toSave, text,
                    clash ? "Saved \"" + id + "\" with your values where you both changed a field ("
                            + String.join(", ", merge.paths(FieldMerge.Side.CLASH)) + "); their other changes were kept."
                            : "Merged: saved \"" + id + "\" with their changes and yours.", done);
        }, done);
    }

    /**
     * The move this editor handed over refused the item because someone else changed it since it was read:
     * the same choice as for a save. Overwrite hands the move over again, conditional on the server's
     * current ETag, so a change made after the compare is still refused.
     */
    void moveRefusedAsChanged(ObjectNode edited) {
        ContainerHandle container = item.handle();
        String id = item.originalId();
        PartitionKeyValue key = item.originalKey();
        PartitionKeyValue target = PartitionKeyValue.fromItem(edited, container.info().partitionKeyPaths());
        if (onMoveRequested == null) {
            return;
        }
        compareWithServer(edited, false, "It was not moved to partition " + target.display() + ".", "Not moved",
                (server, merge) -> {
                    item.showStatus("Moving \"" + id + "\" to partition " + target.display() + "…");
                    onMoveRequested.accept(new MoveRequest(container, id, key, server.version().etag(), edited,
                            true));
                }, saved -> { });
    }

    /**
     * Reads the server's version and shows it beside {@code edited}, each changed line marked as theirs or yours
     * against the version the user opened. {@code merging} (a save): with no field changed by both, Merge runs
     * {@code save} with the merged version; with a clash, Overwrite does (yours at the clashes). Otherwise (a
     * move): Overwrite runs {@code save}. Reload shows the server's version (discarding the user's text), Keep
     * editing keeps the text with a banner.
     */
    private void compareWithServer(ObjectNode edited, boolean merging, String whatHappened, String notDone,
            java.util.function.BiConsumer<LoadedItem, FieldMerge.Result> save, Consumer<Boolean> done) {
        ContainerHandle container = item.handle();
        String id = item.originalId();
        PartitionKeyValue key = item.originalKey();
        ObjectNode base = item.loadedVersion() == null ? null
                : ItemContent.withoutSystemProperties(item.loadedVersion().json());
        runBusy(BackgroundTask.of("Reading the server's version of " + id,
                        ctx -> LoadedItem.of(items.readItem(container, id, key)))
                .onSuccess(server -> {
                    String mine = ItemJson.pretty(edited);
                    String when = server.version().json().has("_ts")
                            ? " (saved " + SystemProperty.of(server.version().json()).stream()
                                    .filter(p -> p.name().equals("_ts")).findFirst()
                                    .map(p -> p.value().replaceAll("\\s+\\(\\d+\\)$", "")).orElse("") + ")"
                            : "";
                    ObjectNode theirs = ItemContent.withoutSystemProperties(server.version().json());
                    ObjectNode yours = ItemContent.withoutSystemProperties(edited);
                    FieldMerge.Result merge = FieldMerge.merge(base == null ? theirs : base, theirs, yours);
                    boolean canMerge = merging && base != null && !merge.hasClash();
                    String choose = canMerge ? "Merge keeps both: their changes and yours are saved together; "
                            + "Reload discards yours."
                            : merging ? "Overwrite saves your values where you both changed a field and keeps "
                                    + "their other changes; Reload discards yours."
                            : "Overwrite moves yours there in place of their version, Reload discards yours.";
                    Optional<EditorChoice> choice = dialogs.compare("Someone else changed this item",
                            "\"" + id + "\" was changed on the server after you opened it" + when + ". "
                                    + whatHappened + " " + merge.whoChangedWhat() + " " + choose,
                            base == null ? null : ItemJson.pretty(base),
                            "On the server now", server.text(), "Yours", mine,
                            canMerge ? Choices.of(MERGE, RELOAD, KEEP_EDITING).byDefault(KEEP_EDITING)
                                    .destructive(RELOAD)
                                    : Choices.of(OVERWRITE, RELOAD, KEEP_EDITING).byDefault(KEEP_EDITING)
                                            .destructive(OVERWRITE, RELOAD));
                    if (choice.orElse(KEEP_EDITING) == (canMerge ? MERGE : OVERWRITE)) {
                        save.accept(server, merge);
                    } else if (choice.orElse(KEEP_EDITING) == RELOAD) {
                        item.show(server);
                        item.showStatus("Reloaded \"" + id + "\" from the server; your changes were discarded.");
                        done.accept(true);
                    } else {
                        item.showStatus("");
                        item.showError(notDone + ": someone else changed \"" + id + "\" since you opened it. Your "
                                + "text is kept; Save again to compare with their version, or Reload.");
                        done.accept(false);
                    }
                })
                .onFailure(error -> {
                    CosmosDeskException e = CosmosErrors.classify(error);
                    if (e.kind() == ErrorKind.NOT_FOUND) {
                        deletedMeanwhile(edited, done);
                    } else {
                        item.showError(notDone + ": someone else changed \"" + id + "\", and their version could "
                                + "not be read: " + lowerFirst(e.userMessage()) + " Your text is kept in the editor.");
                        done.accept(false);
                    }
                }));
    }

    private void deletedMeanwhile(ObjectNode edited, Consumer<Boolean> done) {
        String id = item.originalId();
        EditorChoice choice = dialogs.choose("Item was deleted",
                "\"" + id + "\" was deleted by someone else after you opened it. Your text is kept. Save it as a "
                        + "new item, or discard it?", Choices.of(SAVE_AS_NEW, DISCARD_CHANGES, KEEP_EDITING)
                        .byDefault(KEEP_EDITING).destructive(DISCARD_CHANGES)).orElse(KEEP_EDITING);
        if (choice == SAVE_AS_NEW) {
            ContainerHandle container = item.handle();
            write("Creating item " + id, () -> items.overwriteItem(container, edited, null), edited, item.text(),
                    "Saved \"" + id + "\" again as a new item.", done);
        } else if (choice == DISCARD_CHANGES) {
            DeletedItem gone = new DeletedItem(item.handle(), id, item.originalKey());
            item.clearItem();
            item.showStatus("\"" + id + "\" was deleted by someone else.");
            onDeleted.accept(gone);
            done.accept(true);
        } else {
            item.showError("Not saved: \"" + id + "\" was deleted by someone else. Your text is kept; Save again "
                    + "to recreate it.");
            done.accept(false);
        }
    }

    private void partitionKeyChanged(ObjectNode edited, PartitionKeyValue newKey, Consumer<Boolean> done) {
        String explanation = "The partition key changed from " + item.originalKey().display() + " to "
                + newKey.display() + ". Cosmos DB cannot change an item's partition key in place: the item has to "
                + "be moved (created in the new partition, then deleted from the old one).";
        if (onMoveRequested == null) {
            item.showError("Not saved: " + explanation + " Moving is not available here; change the partition "
                    + "key back to save your other changes. Your text is kept.");
            done.accept(false);
            return;
        }
        EditorChoice choice = dialogs.choose("Partition key changed", explanation,
                Choices.of(MOVE_ITEM, KEEP_EDITING).byDefault(MOVE_ITEM)).orElse(KEEP_EDITING);
        if (choice == MOVE_ITEM) {
            // nothing moves until the user presses Move in the dialog: the outcome is told when it closes
            item.showError("");
            item.showStatus("");
            onMoveRequested.accept(new MoveRequest(item.handle(), item.originalId(), item.originalKey(),
                    item.loadedVersion().etag(), edited));
        } else {
            item.showError("Not saved: the partition key changed, which needs a move. Your text is kept; change "
                    + "the key back, or Save again and choose Move item….");
        }
        done.accept(false);
    }

    private void idChanged(ObjectNode edited, String newId, Consumer<Boolean> done) {
        String originalId = item.originalId();
        EditorChoice choice = dialogs.choose("The id changed",
                "An item's id cannot be changed in place. Save your text as a new item \"" + newId + "\" (the "
                        + "original \"" + originalId + "\" stays as it is), or discard your changes?",
                Choices.of(SAVE_AS_NEW, DISCARD_CHANGES, KEEP_EDITING).byDefault(SAVE_AS_NEW)
                        .destructive(DISCARD_CHANGES)).orElse(KEEP_EDITING);
        if (choice == SAVE_AS_NEW) {
            ContainerHandle container = item.handle();
            write("Creating item " + newId, () -> items.createItem(container, edited), edited, item.text(),
                    "Saved as a new item \"" + newId + "\"; \"" + originalId + "\" is unchanged.", done);
        } else if (choice == DISCARD_CHANGES) {
            item.revert();
            done.accept(true);
        } else {
            item.showError("Not saved: the id changed. Your text is kept; change the id back, or Save again and "
                    + "choose Save as new item.");
            done.accept(false);
        }
    }

    // ---- Deleting

    /** Deletes the open item after confirmation, only if nobody changed it since it was read. */
    void delete() {
        if (item.mode() != Mode.EXISTING) {
            return;
        }
        if (item.isReadOnly()) {
            item.showError(item.readOnlySentence());
            recordRefused("Recording the refused delete", () -> items.deleteItem(item.handle(), item.originalId(),
                    item.originalKey(), item.loadedVersion().etag(), item.loadedVersion().json()));
            return;
        }
        String id = item.originalId();
        PartitionKeyValue key = item.originalKey();
        String message = "Delete item \"" + id + "\" (partition key " + key.display() + ")? This cannot be undone."
                + (item.isDirty() ? " Your unsaved changes will be lost too." : "");
        if (!dialogs.confirm("Delete item", message, "Delete")) {
            return;
        }
        ContainerHandle container = item.handle();
        String etag = item.loadedVersion().etag();
        runBusy(BackgroundTask.of("Deleting item " + id, ctx -> {
            items.deleteItem(container, id, key, etag);
            return Boolean.TRUE;
        }).onSuccess(done -> deleted(container, id, key, "Deleted \"" + id + "\"."))
                .onFailure(error -> {
                    failures.seen(container, error);
                    CosmosDeskException e = CosmosErrors.classify(error);
                    switch (e.kind()) {
                        case NOT_FOUND -> deleted(container, id, key, "\"" + id + "\" was already deleted.");
                        case CHANGED_BY_SOMEONE_ELSE -> item.showError("Not deleted: someone else changed \"" + id
                                + "\" since you opened it. Reload to see their change, then delete again if you "
                                + "still want to.");
                        default -> item.showError("Not deleted: " + e.userMessage());
                    }
                }));
    }

    private void deleted(ContainerHandle container, String id, PartitionKeyValue key, String message) {
        if (container == item.handle() && Objects.equals(id, item.originalId())) {
            item.clearItem();
        }
        item.showStatus(message);
        onDeleted.accept(new DeletedItem(container, id, key));
    }

    // ---- Refused on a read-only connection

    /**
     * The save the user asked for, sent to the audited door, which refuses it on a read-only connection and records
     * the refusal (the text typed, when it is an item); nothing reaches the server. Text that is not an item yet
     * is no write to record.
     */
    private void recordRefusedSave(Mode current, AuditOperation operation) {
        ItemValidator.Result result = item.currentValidation();
        if (!result.valid()) {
            return;
        }
        ObjectNode edited = ItemContent.withoutSystemProperties(result.item());
        ContainerHandle handle = item.handle();
        if (current == Mode.NEW) {
            AuditOperation createdAs = item.createdAs();
            recordRefused("Recording the refused create", () -> items.createItem(handle, edited, createdAs));
        } else {
            String etag = item.loadedVersion().etag();
            ObjectNode loaded = item.loadedVersion().json();
            recordRefused("Recording the refused save", () -> items.replaceItem(handle, edited, etag, loaded,
                    operation == null ? AuditOperation.REPLACE : operation));
        }
    }

    @FunctionalInterface
    private interface Refused {
        void attempt();
    }

    private void recordRefused(String title, Refused attempt) {
        tasks.start(BackgroundTask.of(title, ctx -> {
            attempt.attempt();
            return Boolean.TRUE;
        }).onFailure(error -> {
            // refused and recorded, as expected; the sentence is on screen already
        }));
    }

    // ---- Helpers

    /** Saving stays true until the last of overlapping writes (a save and its conflict re-read) ends. */
    private <T> void runBusy(BackgroundTask<T> task) {
        busyOperations++;
        item.setSaving(true);
        tasks.start(task.onFinally(() -> {
            busyOperations--;
            item.setSaving(busyOperations > 0);
        }));
    }

    private static String lowerFirst(String sentence) {
        if (sentence.length() > 1 && Character.isUpperCase(sentence.charAt(0))
                && !Character.isUpperCase(sentence.charAt(1))) {
            return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
        }
        return sentence;
    }
}
