package io.cosmosdesk.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One item in the editor: its text, whether it is dirty and valid, and the commands on it. Every write
 * is conditional on the ETag the text was based on; a 412 leads to the compare dialog (Overwrite /
 * Reload / Keep editing), an id or partition-key change is never sent as a replace, and no failure
 * touches what the user typed.
 *
 * <p>Hosts call {@link #canLeave()} before replacing the item ({@link #open}, {@link #newItem}, closing,
 * disconnecting, quitting); the editor's own commands guard themselves.
 */
public final class ItemEditorViewModel {

    public enum Mode { EMPTY, LOADING, EXISTING, NEW }

    public static final String SAVE = "Save";
    public static final String DISCARD = "Discard";
    public static final String CANCEL = "Cancel";
    public static final String OVERWRITE = "Overwrite";
    public static final String RELOAD = "Reload";
    public static final String KEEP_EDITING = "Keep editing";
    public static final String MOVE_ITEM = "Move item…";
    public static final String SAVE_AS_NEW = "Save as new item";
    public static final String DISCARD_CHANGES = "Discard changes";

    /** Texts longer than this are validated on a background thread, after a short pause in typing. */
    static final int BACKGROUND_VALIDATION_CHARS = 64 * 1024;
    private static final long VALIDATION_PAUSE_MS = 150;

    private final ItemService items;
    private final TaskRunner tasks;
    private final DialogService dialogs;

    // ---- Properties
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.EMPTY);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper validating = new ReadOnlyBooleanWrapper(this, "validating");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyStringWrapper saveBlockedReason = new ReadOnlyStringWrapper(this, "saveBlockedReason", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyObjectWrapper<ValidationProblem> firstProblem = new ReadOnlyObjectWrapper<>(this,
            "firstProblem");
    private final ObservableList<ValidationProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<SystemProperty> systemProperties = FXCollections.observableArrayList();
    // one wrapper each: a wrapper only weakly listens to its list, so listeners on a throw-away one get lost
    private final ObservableList<ValidationProblem> problemsView = FXCollections.unmodifiableObservableList(problems);
    private final ObservableList<SystemProperty> systemPropertiesView =
            FXCollections.unmodifiableObservableList(systemProperties);

    // ---- State
    private ContainerHandle handle;
    /** The server's version the text is based on (EXISTING only); its ETag goes out as If-Match. */
    private ItemVersion loaded;
    private String originalId;
    private PartitionKeyValue originalKey;
    private String baseline = "";
    private ItemValidator.Result validation;
    private String validatedText;
    private long loadGeneration;
    private long validationGeneration;
    private int busyOperations;
    private TaskHandle loading = TaskHandle.NONE;
    private TaskHandle pendingValidation = TaskHandle.NONE;
    private Consumer<ObjectNode> onSaved = item -> { };
    private Consumer<DeletedItem> onDeleted = item -> { };
    private Consumer<MoveRequest> onMoveRequested;

    public ItemEditorViewModel(ItemService items, TaskRunner tasks, DialogService dialogs) {
        this.items = Objects.requireNonNull(items);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        text.addListener((obs, old, value) -> textChanged());
        mode.addListener((obs, old, value) -> refreshDerived());
        saving.addListener((obs, old, value) -> refreshDerived());
        readOnly.addListener((obs, old, value) -> refreshDerived());
    }

    /** The editor's text, without system properties; the view writes the user's edits here. */
    public StringProperty textProperty() {
        return text;
    }

    public String getText() {
        return text.get();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validatingProperty() {
        return validating.getReadOnlyProperty();
    }

    /** True while a save, delete or the conflict re-read runs. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    /** Why Save is disabled, as a sentence for its tooltip; empty when it is enabled. */
    public ReadOnlyStringProperty saveBlockedReasonProperty() {
        return saveBlockedReason.getReadOnlyProperty();
    }

    /** The inline banner: what failed and that the text is kept; empty when there is nothing to say. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    /** For a tab: the item's id (with a dot when dirty) or "New item". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The first validation problem (with a line and column for syntax errors), or null. */
    public ReadOnlyObjectProperty<ValidationProblem> firstProblemProperty() {
        return firstProblem.getReadOnlyProperty();
    }

    public ObservableList<ValidationProblem> problems() {
        return problemsView;
    }

    public ObservableList<SystemProperty> systemProperties() {
        return systemPropertiesView;
    }

    public ContainerHandle handle() {
        return handle;
    }

    /** The server version being edited (null unless {@link Mode#EXISTING}). */
    public ItemVersion loadedVersion() {
        return loaded;
    }

    public void setOnSaved(Consumer<ObjectNode> callback) {
        this.onSaved = Objects.requireNonNull(callback);
    }

    public void setOnDeleted(Consumer<DeletedItem> callback) {
        this.onDeleted = Objects.requireNonNull(callback);
    }

    /** The move engine's entry point; without one, a partition-key change can only be undone. */
    public void setOnMoveRequested(Consumer<MoveRequest> callback) {
        this.onMoveRequested = callback;
    }

    public void clearError() {
        errorMessage.set("");
    }

    // ---- Commands

    /** Opens an item, read fresh from the server. Call {@link #canLeave()} first. */
    public void open(ContainerHandle container, String id, PartitionKeyValue partitionKey) {
        Objects.requireNonNull(container, "container");
        loading.cancel();
        long generation = ++loadGeneration;
        handle = container;
        readOnly.set(container.connection().profile().readOnly());
        errorMessage.set("");
        statusMessage.set("Loading \"" + id + "\"…");
        mode.set(Mode.LOADING);
        loading = tasks.start(BackgroundTask.of("Opening item " + id,
                        ctx -> Loaded.of(items.readItem(container, id, partitionKey)))
                .onSuccess(loadedItem -> {
                    if (generation == loadGeneration) {
                        show(loadedItem);
                        statusMessage.set("");
                    }
                })
                .onFailure(error -> {
                    if (generation == loadGeneration) {
                        CosmosDeskException e = CosmosErrors.classify(error);
                        clearItem();
                        errorMessage.set(e.kind() == ErrorKind.NOT_FOUND
                                ? "Item \"" + id + "\" no longer exists: it may have been deleted by someone else. "
                                        + "Refresh the list."
                                : "Could not open item \"" + id + "\": " + e.userMessage());
                    }
                }));
    }

    /** A new item: a fresh UUID as id and every partition key path present. Call {@link #canLeave()} first. */
    public void newItem(ContainerHandle container) {
        Objects.requireNonNull(container, "container");
        handle = container;
        readOnly.set(container.connection().profile().readOnly());
        ObjectNode template = ItemJson.newObject();
        template.put("id", UUID.randomUUID().toString());
        List<String> paths = container.info().partitionKeyPaths();
        Object[] empty = new Object[paths.size()];
        java.util.Arrays.fill(empty, "");
        if (!paths.isEmpty()) {
            PartitionKeyValue.of(empty).writeInto(template, paths);
        }
        startNew(template, "New item: fill in the partition key and the rest, then Save.");
    }

    /** Turns the editor into a new item with the current text and a new id (same partition by default). */
    public void cloneCurrent() {
        if (mode.get() != Mode.EXISTING && mode.get() != Mode.NEW) {
            return;
        }
        ItemValidator.Result result = currentValidation();
        if (result.item() == null) {
            errorMessage.set("Fix the JSON before cloning: " + result.firstProblem().sentence());
            return;
        }
        String source = result.item().path("id").asText("");
        ObjectNode copy = ItemService.withoutSystemProperties(result.item());
        copy.put("id", UUID.randomUUID().toString());
        startNew(copy, "Copy of \"" + source + "\" with a new id: change what you need, then Save to create it.");
    }

    /** Saves (Ctrl+S): a replace with If-Match for an existing item, a create for a new one. */
    public void save() {
        save(saved -> { });
    }

    /** Esc: back to the last loaded or saved text (asks first when there are changes). */
    public void discard() {
        if (mode.get() == Mode.NEW) {
            if (!dirty.get() || dialogs.confirm("Discard new item", "Discard this new item? It was never saved.",
                    DISCARD)) {
                clearItem();
            }
            return;
        }
        if (mode.get() == Mode.EXISTING && dirty.get()
                && dialogs.confirm("Discard changes", "Discard your unsaved changes to \"" + originalId + "\"?",
                        DISCARD)) {
            revert();
        }
    }

    /** Reads the item again from the server (asks first when there are changes). */
    public void reload() {
        if (mode.get() != Mode.EXISTING) {
            return;
        }
        if (dirty.get() && !dialogs.confirm("Reload item",
                "Reload \"" + originalId + "\" from the server? Your unsaved changes will be lost.", RELOAD)) {
            return;
        }
        open(handle, originalId, originalKey);
    }

    /** Deletes the item after confirmation, only if nobody changed it since it was read. */
    public void delete() {
        if (mode.get() == Mode.NEW) {
            discard();
            return;
        }
        if (mode.get() != Mode.EXISTING) {
            return;
        }
        if (readOnly.get()) {
            errorMessage.set(readOnlySentence());
            return;
        }
        String id = originalId;
        PartitionKeyValue key = originalKey;
        String message = "Delete item \"" + id + "\" (partition key " + key.display() + ")? This cannot be undone."
                + (dirty.get() ? " Your unsaved changes will be lost too." : "");
        if (!dialogs.confirm("Delete item", message, "Delete")) {
            return;
        }
        ContainerHandle container = handle;
        String etag = loaded.etag();
        runBusy(BackgroundTask.of("Deleting item " + id, ctx -> {
            items.deleteItem(container, id, key, etag);
            return Boolean.TRUE;
        }).onSuccess(done -> deleted(container, id, key, "Deleted \"" + id + "\"."))
                .onFailure(error -> {
                    CosmosDeskException e = CosmosErrors.classify(error);
                    switch (e.kind()) {
                        case NOT_FOUND -> deleted(container, id, key, "\"" + id + "\" was already deleted.");
                        case CHANGED_BY_SOMEONE_ELSE -> errorMessage.set("Not deleted: someone else changed \"" + id
                                + "\" since you opened it. Reload to see their change, then delete again if you "
                                + "still want to.");
                        default -> errorMessage.set("Not deleted: " + e.userMessage());
                    }
                }));
    }

    /** Reformats valid JSON with two-space indentation. */
    public void prettyPrint() {
        formattedText().ifPresent(text::set);
    }

    /**
     * The text reformatted with two-space indentation, for a view that applies it itself (as one undoable
     * edit); empty, with the reason in the error banner, when the text is not valid JSON.
     */
    public Optional<String> formattedText() {
        if (mode.get() != Mode.EXISTING && mode.get() != Mode.NEW) {
            return Optional.empty();
        }
        ItemValidator.Result result = currentValidation();
        if (result.item() == null) {
            errorMessage.set("Cannot format: " + result.firstProblem().sentence());
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
        if (!dirty.get() || (mode.get() != Mode.EXISTING && mode.get() != Mode.NEW)) {
            return CompletableFuture.completedFuture(true);
        }
        String name = mode.get() == Mode.NEW ? "The new item" : "\"" + originalId + "\"";
        ItemValidator.Result result = currentValidation();
        boolean savable = result.valid() && !readOnly.get();
        String message = name + " has unsaved changes."
                + (savable ? " Save them before you go on?"
                        : " They cannot be saved as they are (" + (readOnly.get() ? readOnlySentence()
                                : result.firstProblem().sentence()) + ").");
        Optional<String> choice = dialogs.choose("Unsaved changes", message,
                savable ? List.of(SAVE, DISCARD, CANCEL) : List.of(DISCARD, CANCEL));
        if (choice.filter(SAVE::equals).isPresent()) {
            CompletableFuture<Boolean> decision = new CompletableFuture<>();
            save(decision::complete);
            return decision;
        }
        if (choice.filter(DISCARD::equals).isPresent()) {
            revert();
            return CompletableFuture.completedFuture(true);
        }
        return CompletableFuture.completedFuture(false);
    }

    /** Empties the editor (e.g. on disconnect), after {@link #canLeave()}. */
    public void clear() {
        loading.cancel();
        loadGeneration++;
        clearItem();
        errorMessage.set("");
    }

    // ---- Saving

    private void save(Consumer<Boolean> done) {
        Mode current = mode.get();
        if (current != Mode.EXISTING && current != Mode.NEW || busyOperations > 0) {
            done.accept(false);
            return;
        }
        if (readOnly.get()) {
            errorMessage.set(readOnlySentence());
            done.accept(false);
            return;
        }
        ItemValidator.Result result = currentValidation();
        if (!result.valid()) {
            errorMessage.set("Not saved: " + result.firstProblem().sentence() + " Your text is kept.");
            done.accept(false);
            return;
        }
        ObjectNode edited = ItemService.withoutSystemProperties(result.item());
        String editedText = text.get();
        if (current == Mode.NEW) {
            write("Creating item", () -> items.createItem(handle, edited), edited, editedText,
                    "Created \"" + edited.get("id").textValue() + "\".", done);
            return;
        }
        String id = edited.get("id").textValue();
        PartitionKeyValue key = PartitionKeyValue.fromItem(edited, handle.info().partitionKeyPaths());
        if (!key.equals(originalKey)) {
            partitionKeyChanged(edited, key, done);
        } else if (!id.equals(originalId)) {
            idChanged(edited, id, done);
        } else {
            String etag = loaded.etag();
            write("Saving item " + id, () -> items.replaceItem(handle, edited, etag), edited, editedText,
                    "Saved \"" + id + "\".", done);
        }
    }

    @FunctionalInterface
    private interface Write {
        ItemVersion run();
    }

    private void write(String taskTitle, Write work, ObjectNode edited, String editedText, String savedMessage,
            Consumer<Boolean> done) {
        errorMessage.set("");
        ContainerHandle container = handle;
        Mode before = mode.get();
        runBusy(BackgroundTask.of(taskTitle, ctx -> Loaded.of(work.run()))
                .onSuccess(saved -> {
                    if (container != handle) {
                        done.accept(true);
                        return;
                    }
                    saved(saved, edited, editedText, savedMessage);
                    done.accept(true);
                })
                .onFailure(error -> writeFailed(CosmosErrors.classify(error), before, edited, done)));
    }

    private void writeFailed(CosmosDeskException e, Mode before, ObjectNode edited, Consumer<Boolean> done) {
        String id = edited.path("id").asText();
        switch (e.kind()) {
            case CHANGED_BY_SOMEONE_ELSE -> conflict(edited, done);
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
        errorMessage.set("Not saved: " + lowerFirst(reason) + " Your text is kept in the editor.");
        done.accept(false);
    }

    /** 412: show the server's version beside the user's and let the user decide; never overwrite on our own. */
    private void conflict(ObjectNode edited, Consumer<Boolean> done) {
        ContainerHandle container = handle;
        String id = originalId;
        PartitionKeyValue key = originalKey;
        runBusy(BackgroundTask.of("Reading the server's version of " + id,
                        ctx -> Loaded.of(items.readItem(container, id, key)))
                .onSuccess(server -> {
                    String mine = ItemJson.pretty(edited);
                    String when = server.version().json().has("_ts")
                            ? " (saved " + SystemProperty.of(server.version().json()).stream()
                                    .filter(p -> p.name().equals("_ts")).findFirst()
                                    .map(p -> p.value().replaceAll("\\s+\\(\\d+\\)$", "")).orElse("") + ")"
                            : "";
                    Optional<String> choice = dialogs.compare("Someone else changed this item",
                            "\"" + id + "\" was changed on the server after you opened it" + when + ". Your change "
                                    + "was not saved. Compare the two versions, then choose: Overwrite replaces "
                                    + "their version with yours, Reload discards yours.",
                            "On the server now", server.text(), "Yours", mine,
                            List.of(OVERWRITE, RELOAD, KEEP_EDITING));
                    if (choice.filter(OVERWRITE::equals).isPresent()) {
                        String etag = server.version().etag();
                        write("Overwriting item " + id, () -> items.overwriteItem(container, edited, etag), edited,
                                text.get(), "Saved \"" + id + "\" over the other change.", done);
                    } else if (choice.filter(RELOAD::equals).isPresent()) {
                        show(server);
                        statusMessage.set("Reloaded \"" + id + "\" from the server; your changes were discarded.");
                        done.accept(true);
                    } else {
                        errorMessage.set("Not saved: someone else changed \"" + id + "\" since you opened it. Your "
                                + "text is kept; Save again to compare with their version, or Reload.");
                        done.accept(false);
                    }
                })
                .onFailure(error -> {
                    CosmosDeskException e = CosmosErrors.classify(error);
                    if (e.kind() == ErrorKind.NOT_FOUND) {
                        deletedMeanwhile(edited, done);
                    } else {
                        notSaved("someone else changed \"" + id + "\", and their version could not be read: "
                                + e.userMessage(), done);
                    }
                }));
    }

    private void deletedMeanwhile(ObjectNode edited, Consumer<Boolean> done) {
        String id = originalId;
        Optional<String> choice = dialogs.choose("Item was deleted",
                "\"" + id + "\" was deleted by someone else after you opened it. Your text is kept. Save it as a "
                        + "new item, or discard it?", List.of(SAVE_AS_NEW, DISCARD_CHANGES, KEEP_EDITING));
        if (choice.filter(SAVE_AS_NEW::equals).isPresent()) {
            ContainerHandle container = handle;
            write("Creating item " + id, () -> items.overwriteItem(container, edited, null), edited, text.get(),
                    "Saved \"" + id + "\" again as a new item.", done);
        } else if (choice.filter(DISCARD_CHANGES::equals).isPresent()) {
            DeletedItem gone = new DeletedItem(handle, id, originalKey);
            clearItem();
            statusMessage.set("\"" + id + "\" was deleted by someone else.");
            onDeleted.accept(gone);
            done.accept(true);
        } else {
            errorMessage.set("Not saved: \"" + id + "\" was deleted by someone else. Your text is kept; Save again "
                    + "to recreate it.");
            done.accept(false);
        }
    }

    private void partitionKeyChanged(ObjectNode edited, PartitionKeyValue newKey, Consumer<Boolean> done) {
        String explanation = "The partition key changed from " + originalKey.display() + " to " + newKey.display()
                + ". Cosmos DB cannot change an item's partition key in place: the item has to be moved (created "
                + "in the new partition, then deleted from the old one).";
        if (onMoveRequested == null) {
            errorMessage.set("Not saved: " + explanation + " Moving is not available here; change the partition "
                    + "key back to save your other changes. Your text is kept.");
            done.accept(false);
            return;
        }
        Optional<String> choice = dialogs.choose("Partition key changed", explanation,
                List.of(MOVE_ITEM, KEEP_EDITING));
        if (choice.filter(MOVE_ITEM::equals).isPresent()) {
            statusMessage.set("Moving \"" + originalId + "\" to partition " + newKey.display() + "…");
            onMoveRequested.accept(new MoveRequest(handle, originalId, originalKey, loaded.etag(), edited));
        } else {
            errorMessage.set("Not saved: the partition key changed, which needs a move. Your text is kept; change "
                    + "the key back, or Save again and choose Move item….");
        }
        done.accept(false);
    }

    private void idChanged(ObjectNode edited, String newId, Consumer<Boolean> done) {
        Optional<String> choice = dialogs.choose("The id changed",
                "An item's id cannot be changed in place. Save your text as a new item \"" + newId + "\" (the "
                        + "original \"" + originalId + "\" stays as it is), or discard your changes?",
                List.of(SAVE_AS_NEW, DISCARD_CHANGES, KEEP_EDITING));
        if (choice.filter(SAVE_AS_NEW::equals).isPresent()) {
            ContainerHandle container = handle;
            write("Creating item " + newId, () -> items.createItem(container, edited), edited, text.get(),
                    "Saved as a new item \"" + newId + "\"; \"" + originalId + "\" is unchanged.", done);
        } else if (choice.filter(DISCARD_CHANGES::equals).isPresent()) {
            revert();
            done.accept(true);
        } else {
            errorMessage.set("Not saved: the id changed. Your text is kept; change the id back, or Save again and "
                    + "choose Save as new item.");
            done.accept(false);
        }
    }

    private void saved(Loaded saved, ObjectNode edited, String editedText, String message) {
        ObjectNode stored = ItemService.withoutSystemProperties(saved.version().json());
        // keep the user's own formatting (and caret) when the server stored exactly what was sent
        boolean storedAsSent = stored.equals(edited);
        loaded = saved.version();
        originalId = saved.version().id();
        originalKey = PartitionKeyValue.fromItem(stored, handle.info().partitionKeyPaths());
        baseline = storedAsSent ? editedText : saved.text();
        systemProperties.setAll(SystemProperty.of(saved.version().json()));
        mode.set(Mode.EXISTING);
        if (!storedAsSent && text.get().equals(editedText)) {
            text.set(baseline);
        } else {
            // what the user typed while the save ran stays, and shows as unsaved
            textChanged();
        }
        errorMessage.set("");
        statusMessage.set(message);
        onSaved.accept(saved.version().json());
    }

    private void deleted(ContainerHandle container, String id, PartitionKeyValue key, String message) {
        if (container == handle && Objects.equals(id, originalId)) {
            clearItem();
        }
        statusMessage.set(message);
        onDeleted.accept(new DeletedItem(container, id, key));
    }

    // ---- State changes

    /** A version read or written on a background thread, with its pretty text computed there too. */
    private record Loaded(ItemVersion version, String text) {
        static Loaded of(ItemVersion version) {
            return new Loaded(version, ItemJson.pretty(ItemService.withoutSystemProperties(version.json())));
        }
    }

    private void show(Loaded item) {
        loaded = item.version();
        originalId = item.version().id();
        originalKey = PartitionKeyValue.fromItem(item.version().json(), handle.info().partitionKeyPaths());
        baseline = item.text();
        systemProperties.setAll(SystemProperty.of(item.version().json()));
        errorMessage.set("");
        mode.set(Mode.EXISTING);
        setTextAndRevalidate(baseline);
    }

    private void startNew(ObjectNode item, String message) {
        loading.cancel();
        loadGeneration++;
        loaded = null;
        originalId = null;
        originalKey = null;
        baseline = ItemJson.pretty(item);
        systemProperties.clear();
        errorMessage.set("");
        statusMessage.set(message);
        mode.set(Mode.NEW);
        setTextAndRevalidate(baseline);
    }

    private void revert() {
        errorMessage.set("");
        setTextAndRevalidate(baseline);
    }

    private void clearItem() {
        loaded = null;
        originalId = null;
        originalKey = null;
        baseline = "";
        systemProperties.clear();
        statusMessage.set("");
        mode.set(Mode.EMPTY);
        setTextAndRevalidate("");
    }

    private void setTextAndRevalidate(String value) {
        if (text.get().equals(value)) {
            textChanged();
        } else {
            text.set(value);
        }
    }

    private void textChanged() {
        String current = text.get();
        dirty.set((mode.get() == Mode.EXISTING || mode.get() == Mode.NEW) && !current.equals(baseline));
        pendingValidation.cancel();
        long generation = ++validationGeneration;
        if (mode.get() != Mode.EXISTING && mode.get() != Mode.NEW) {
            applyValidation(current, new ItemValidator.Result(null, List.of()));
            return;
        }
        List<String> paths = handle.info().partitionKeyPaths();
        boolean requireKey = mode.get() == Mode.NEW;
        if (current.length() < BACKGROUND_VALIDATION_CHARS) {
            applyValidation(current, ItemValidator.validate(current, paths, requireKey));
            return;
        }
        validating.set(true);
        refreshDerived();
        pendingValidation = tasks.start(BackgroundTask.of("Checking the item", ctx -> {
            Thread.sleep(VALIDATION_PAUSE_MS); // a pause in typing: most keystrokes cancel this first
            ctx.throwIfCancelled();
            return ItemValidator.validate(current, paths, requireKey);
        }).onSuccess(result -> {
            if (generation == validationGeneration) {
                applyValidation(current, result);
            }
        }));
    }

    /** The validation of the current text: the last result when it is current, else computed now. */
    private ItemValidator.Result currentValidation() {
        String current = text.get();
        if (validation != null && current.equals(validatedText)) {
            return validation;
        }
        pendingValidation.cancel();
        validationGeneration++;
        applyValidation(current, ItemValidator.validate(current, handle.info().partitionKeyPaths(),
                mode.get() == Mode.NEW));
        return validation;
    }

    private void applyValidation(String forText, ItemValidator.Result result) {
        validation = result;
        validatedText = forText;
        validating.set(false);
        problems.setAll(result.problems());
        firstProblem.set(result.firstProblem());
        valid.set(result.valid());
        refreshDerived();
    }

    private void refreshDerived() {
        Mode current = mode.get();
        boolean editing = current == Mode.EXISTING || current == Mode.NEW;
        String reason;
        if (!editing) {
            reason = current == Mode.LOADING ? "The item is loading." : "Open or create an item first.";
        } else if (readOnly.get()) {
            reason = readOnlySentence();
        } else if (saving.get()) {
            reason = "Saving…";
        } else if (validating.get()) {
            reason = "Checking the item…";
        } else if (!valid.get()) {
            reason = firstProblem.get() == null ? "The item is not valid." : firstProblem.get().sentence();
        } else if (current == Mode.EXISTING && !dirty.get()) {
            reason = "No changes to save.";
        } else {
            reason = "";
        }
        saveBlockedReason.set(reason);
        canSave.set(reason.isEmpty());
        title.set(switch (current) {
            case EMPTY -> "";
            case LOADING -> "Loading…";
            case NEW -> "New item" + (dirty.get() ? " ●" : "");
            case EXISTING -> originalId + (dirty.get() ? " ●" : "");
        });
    }

    private <T> void runBusy(BackgroundTask<T> task) {
        busyOperations++;
        saving.set(true);
        tasks.start(task.onFinally(() -> {
            busyOperations--;
            saving.set(busyOperations > 0);
        }));
    }

    private String readOnlySentence() {
        return handle == null ? ErrorKind.READ_ONLY.defaultSentence()
                : "\"" + handle.connection().profile().name() + "\" is a read-only connection: changes are not "
                        + "allowed.";
    }

    private static String lowerFirst(String sentence) {
        if (sentence.length() > 1 && Character.isUpperCase(sentence.charAt(0))
                && !Character.isUpperCase(sentence.charAt(1))) {
            return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
        }
        return sentence;
    }
}
