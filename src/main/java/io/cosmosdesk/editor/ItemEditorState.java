package io.cosmosdesk.editor;

import io.cosmosdesk.audit.AuditOperation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.editor.ItemEditorViewModel.Mode;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Objects;
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
 * The item in the editor: what its text is based on (container, server version, id, partition key and
 * baseline text) and what derives from the text (dirty, validity, whether Save is possible, the title).
 * {@link ItemEditorViewModel} and {@link ItemWrites} change it only through the transitions below, so the
 * derived state can never disagree with the text.
 */
final class ItemEditorState {

    private AuditOperation createdAs = AuditOperation.CREATE;

    private final ItemValidation validation;

    // ---- Properties
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.EMPTY);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper(this, "readOnly");
    private final ReadOnlyBooleanWrapper canSave = new ReadOnlyBooleanWrapper(this, "canSave");
    private final ReadOnlyStringWrapper saveBlockedReason = new ReadOnlyStringWrapper(this, "saveBlockedReason", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper(this, "statusMessage", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ObservableList<SystemProperty> systemProperties = FXCollections.observableArrayList();
    // one wrapper: a wrapper only weakly listens to its list, so listeners on a throw-away one get lost
    private final ObservableList<SystemProperty> systemPropertiesView =
            FXCollections.unmodifiableObservableList(systemProperties);

    // ---- State
    private ContainerHandle handle;
    /** The server's version the text is based on (EXISTING only); its ETag goes out as If-Match. */
    private ItemVersion loaded;
    private String originalId;
    private PartitionKeyValue originalKey;
    private String baseline = "";
    private Consumer<ObjectNode> onSaved = item -> { };
    /** The banner says the text could not be saved as it is (invalid JSON, a bad id...). */
    private boolean errorIsAboutTheText;

    ItemEditorState(TaskRunner tasks) {
        validation = new ItemValidation(tasks, this::refreshDerived);
        validation.firstProblemProperty().addListener((obs, old, problem) -> {
            if (problem == null && errorIsAboutTheText) {
                showError("");
            }
        });
        text.addListener((obs, old, value) -> textChanged());
        mode.addListener((obs, old, value) -> refreshDerived());
        saving.addListener((obs, old, value) -> refreshDerived());
        readOnly.addListener((obs, old, value) -> refreshDerived());
    }

    ItemValidation validation() {
        return validation;
    }

    StringProperty textProperty() {
        return text;
    }

    String text() {
        return text.get();
    }

    ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    Mode mode() {
        return mode.get();
    }

    /** An item is open or being created, so there is a text to edit, check and save. */
    boolean isEditing() {
        return mode.get() == Mode.EXISTING || mode.get() == Mode.NEW;
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    boolean isDirty() {
        return dirty.get();
    }

    ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    void setSaving(boolean value) {
        saving.set(value);
    }

    ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    /** How the Save of a new item is recorded: create, or clone when it began as a copy of another item. */
    AuditOperation createdAs() {
        return createdAs;
    }

    boolean isReadOnly() {
        return readOnly.get();
    }

    ReadOnlyBooleanProperty canSaveProperty() {
        return canSave.getReadOnlyProperty();
    }

    ReadOnlyStringProperty saveBlockedReasonProperty() {
        return saveBlockedReason.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /**
     * Shows a sentence in the error banner; an empty one hides the banner. A failure makes the status line
     * stale (e.g. "Saved … over the other change" beside a later "Not saved: …"), so it goes.
     */
    void showError(String message) {
        errorMessage.set(message);
        errorIsAboutTheText = false;
        if (!message.isEmpty()) {
            statusMessage.set("");
        }
    }

    /** As {@link #showError}, for a save refused over the text itself: the banner goes once the text is valid. */
    void showTextError(String message) {
        showError(message);
        errorIsAboutTheText = true;
    }

    ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    void showStatus(String message) {
        statusMessage.set(message);
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    ObservableList<SystemProperty> systemProperties() {
        return systemPropertiesView;
    }

    ContainerHandle handle() {
        return handle;
    }

    ItemVersion loadedVersion() {
        return loaded;
    }

    /** The id the text was loaded or saved with (null for a new item). */
    String originalId() {
        return originalId;
    }

    /** The partition key the text was loaded or saved with (null for a new item). */
    PartitionKeyValue originalKey() {
        return originalKey;
    }

    void setOnSaved(Consumer<ObjectNode> callback) {
        this.onSaved = Objects.requireNonNull(callback);
    }

    /** Set when the container was found deleted: the editor saves nothing and says why. */
    private String containerGoneSentence;

    void containerGone(String sentence) {
        containerGoneSentence = sentence;
        readOnly.set(true);
    }

    String readOnlySentence() {
        if (containerGoneSentence != null) {
            return containerGoneSentence;
        }
        return handle == null ? ErrorKind.READ_ONLY.defaultSentence()
                : "\"" + handle.connection().profile().name() + "\" is a read-only connection: changes are not "
                        + "allowed.";
    }

    /** The validation of the current text: the last result when it is current, else computed now. */
    ItemValidator.Result currentValidation() {
        return validation.current(text.get(), handle.info().partitionKeyPaths(), mode.get() == Mode.NEW);
    }

    // ---- Transitions

    /** The container the next item comes from; its connection decides whether the editor is read-only. */
    void useContainer(ContainerHandle container) {
        handle = container;
        readOnly.set(container.connection().profile().readOnly() || containerGoneSentence != null);
    }

    void startLoading(String message) {
        errorMessage.set("");
        statusMessage.set(message);
        mode.set(Mode.LOADING);
    }

    void show(LoadedItem item) {
        loaded = item.version();
        originalId = item.version().id();
        originalKey = PartitionKeyValue.fromItem(item.version().json(), handle.info().partitionKeyPaths());
        baseline = item.text();
        systemProperties.setAll(SystemProperty.of(item.version().json()));
        errorMessage.set("");
        mode.set(Mode.EXISTING);
        setTextAndRevalidate(baseline);
    }

    void startNew(ObjectNode item, String message) {
        startNew(item, message, AuditOperation.CREATE);
    }

    /** A new item whose Save is recorded as {@code createdAs} (create, or clone for a copy of another item). */
    void startNew(ObjectNode item, String message, AuditOperation createdAs) {
        this.createdAs = createdAs;
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

    /** The server now holds {@code saved}, written from {@code edited} (the text {@code editedText}). */
    void saved(LoadedItem saved, ObjectNode edited, String editedText, String message) {
        ObjectNode stored = ItemContent.withoutSystemProperties(saved.version().json());
        // an item just created shows as the server holds it, formatted from the top-left (one typed on a single
        // line must not stay there, scrolled right); a replace keeps the user's own formatting (and caret)
        // when the server stored exactly what was sent
        boolean storedAsSent = mode.get() != Mode.NEW && ItemContent.equalByValue(stored, edited);
        loaded = saved.version();
        originalId = saved.version().id();
        originalKey = PartitionKeyValue.fromItem(stored, handle.info().partitionKeyPaths());
        baseline = storedAsSent ? editedText : saved.text();
        systemProperties.setAll(SystemProperty.of(saved.version().json()));
        mode.set(Mode.EXISTING);
        if (!storedAsSent && text.get().equals(editedText)) {
            // the server's text may read exactly like the user's (14.5 sent as a decimal, stored as a double)
            setTextAndRevalidate(baseline);
        } else {
            // what the user typed while the save ran stays, and shows as unsaved
            textChanged();
        }
        errorMessage.set("");
        statusMessage.set(message);
        onSaved.accept(saved.version().json());
    }

    /** Back to the last loaded or saved text. */
    void revert() {
        errorMessage.set("");
        setTextAndRevalidate(baseline);
    }

    void clearItem() {
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
        dirty.set(isEditing() && !current.equals(baseline));
        if (isEditing()) {
            validation.validate(current, handle.info().partitionKeyPaths(), mode.get() == Mode.NEW);
        } else {
            validation.clear(current);
        }
    }

    private void refreshDerived() {
        Mode current = mode.get();
        String reason;
        if (!isEditing()) {
            reason = current == Mode.LOADING ? "The item is loading." : "Open or create an item first.";
        } else if (readOnly.get()) {
            reason = readOnlySentence();
        } else if (saving.get()) {
            reason = "Saving…";
        } else if (validation.isValidating()) {
            reason = "Checking the item…";
        } else if (!validation.isValid()) {
            ValidationProblem problem = validation.firstProblemProperty().get();
            reason = problem == null ? "The item is not valid." : problem.sentence();
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
}
