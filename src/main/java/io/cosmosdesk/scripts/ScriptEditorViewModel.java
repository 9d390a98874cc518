package io.cosmosdesk.scripts;

import com.azure.cosmos.models.TriggerOperation;
import com.azure.cosmos.models.TriggerType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.cosmos.ScriptKind;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.query.QueryInputException;
import io.cosmosdesk.query.QueryScope;
import io.cosmosdesk.query.ScopeInput;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One script editor: a stored procedure, trigger or user-defined function of a container, new or loaded. Save
 * creates or replaces it (conditional on the ETag it was loaded with), Delete removes it after a confirmation,
 * Execute runs a stored procedure in one partition with JSON parameters and shows its result and script log.
 * Every failure is a sentence in {@link #messageProperty()}; nothing typed is ever replaced by a failure.
 */
public final class ScriptEditorViewModel {

    private final ScriptService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ContainerHandle container;
    private final ScriptKind kind;
    private Runnable onListChanged = () -> { };

    // Properties
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final ObjectProperty<TriggerType> triggerType = new SimpleObjectProperty<>(this, "triggerType",
            TriggerType.PRE);
    private final ObjectProperty<TriggerOperation> triggerOperation = new SimpleObjectProperty<>(this,
            "triggerOperation", TriggerOperation.ALL);
    private final ReadOnlyBooleanWrapper stored = new ReadOnlyBooleanWrapper(this, "stored");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone");
    private io.cosmosdesk.cosmos.ContainerFailures failures = io.cosmosdesk.cosmos.ContainerFailures.IGNORE;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ScopeInput partitionKey;
    private final StringProperty parameters = new SimpleStringProperty(this, "parameters", "[]");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyStringWrapper scriptLog = new ReadOnlyStringWrapper(this, "scriptLog", "");
    /** What is stored, as last loaded or saved: the dirty check compares with it. */
    private ScriptDefinition saved;
    private final BooleanBinding dirty;

    public ScriptEditorViewModel(ScriptService service, TaskRunner tasks, DialogService dialogs,
            ContainerHandle container, ScriptKind kind) {
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.container = Objects.requireNonNull(container);
        this.kind = Objects.requireNonNull(kind);
        this.partitionKey = new ScopeInput(container.info().partitionKeyPaths());
        partitionKey.allPartitionsProperty().set(false);
        this.dirty = Bindings.createBooleanBinding(() -> saved == null ? !id.get().isBlank() || !body.get().equals(template(kind))
                : !saved.equals(current().withEtag(saved.etag())), id, body, triggerType, triggerOperation, stored);
        body.set(template(kind));
        title.bind(Bindings.createStringBinding(() -> (stored.get() ? "" : "New ") + (stored.get() ? capital(kind.noun())
                : kind.noun()) + (id.get().isBlank() ? "" : " " + id.get().strip()), stored, id));
    }

    public ScriptKind kind() {
        return kind;
    }

    public ContainerHandle container() {
        return container;
    }

    /** Called after a create or delete, so the tree's list follows. */
    public void setOnListChanged(Runnable onListChanged) {
        this.onListChanged = Objects.requireNonNull(onListChanged);
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ObjectProperty<TriggerType> triggerTypeProperty() {
        return triggerType;
    }

    public ObjectProperty<TriggerOperation> triggerOperationProperty() {
        return triggerOperation;
    }

    /** True once the script exists in the container (loaded or created): the id is fixed then. */
    public ReadOnlyBooleanProperty storedProperty() {
        return stored.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The last failure as a sentence, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** What last went well ("Saved.", "Ran in 3.1 RU."), or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    /** One text per partition key level, read as the query scope's inputs are. */
    public ScopeInput partitionKey() {
        return partitionKey;
    }

    public StringProperty parametersProperty() {
        return parameters;
    }

    /** The stored procedure's answer, pretty JSON. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scriptLogProperty() {
        return scriptLog.getReadOnlyProperty();
    }

    /** True once the container is known to be gone: Save, Delete and Execute are refused. */
    public ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    /** Where a failure met here is reported, so the container's other tabs learn it is gone. */
    public void reportFailuresTo(io.cosmosdesk.cosmos.ContainerFailures failures) {
        this.failures = java.util.Objects.requireNonNull(failures);
    }

    // Commands

    /** The container no longer exists: the text stays (it can be copied), nothing can be written or run. */
    public void containerGone(String sentence) {
        gone.set(true);
        status.set("");
        message.set(sentence);
    }

    /** Loads a stored script into the editor. */
    public void load(String scriptId) {
        run("Loading " + kind.noun() + " " + scriptId, () -> service.readScript(container, kind, scriptId), loaded -> {
            show(loaded);
            status.set("");
        });
    }

    /** Creates the script (new) or replaces it, conditional on the version loaded. */
    public void save() {
        String invalid = validate();
        if (invalid != null) {
            status.set("");
            message.set(invalid);
            return;
        }
        ScriptDefinition toSave = current().withEtag(saved == null ? null : saved.etag());
        boolean create = !stored.get();
        run((create ? "Creating " : "Saving ") + kind.noun() + " " + toSave.id(),
                () -> create ? service.createScript(container, toSave) : service.replaceScript(container, toSave),
                written -> {
                    saved = written;
                    stored.set(true);
                    status.set(create ? "Created." : "Saved.");
                    if (create) {
                        onListChanged.run();
                    }
                });
    }

    /** Loads the stored version again, after asking when there are unsaved changes. */
    public void reload() {
        if (!stored.get()) {
            return;
        }
        if (dirty.get() && !dialogs.confirm("Reload " + kind.noun(), "Your unsaved changes to '" + id.get()
                + "' will be replaced by the stored version.", "Reload", true)) {
            return;
        }
        load(saved.id());
    }

    /** Deletes the stored script after a confirmation; the editor keeps the text (it becomes a new script). */
    public void delete() {
        if (!stored.get()) {
            return;
        }
        String scriptId = saved.id();
        if (!dialogs.confirm("Delete " + kind.noun(), "Delete the " + kind.noun() + " '" + scriptId + "' from "
                + container.ref() + "? This cannot be undone.", "Delete", true)) {
            return;
        }
        String etag = saved.etag();
        run("Deleting " + kind.noun() + " " + scriptId, () -> {
            service.deleteScript(container, kind, scriptId, etag);
            return Boolean.TRUE;
        }, done -> {
            saved = null;
            stored.set(false);
            status.set("Deleted. The text is still here: Save creates it again.");
            onListChanged.run();
        });
    }

    /** Runs the stored procedure (as stored: save first) in the partition typed, with the parameters typed. */
    public void execute() {
        if (kind != ScriptKind.STORED_PROCEDURE || !stored.get()) {
            message.set("Save the stored procedure before running it: what runs is the stored version.");
            return;
        }
        PartitionKeyValue key;
        List<Object> arguments;
        try {
            key = key();
            arguments = arguments(parameters.get());
        } catch (QueryInputException e) {
            status.set("");
            message.set(e.getMessage());
            return;
        }
        if (dirty.get()) {
            status.set("Running the stored version; your unsaved changes are not part of this run.");
        }
        String scriptId = saved.id();
        result.set("");
        scriptLog.set("");
        run("Running stored procedure " + scriptId, () -> service.executeStoredProcedure(container, scriptId, key,
                arguments), answer -> {
                    result.set(pretty(answer.resultJson()));
                    scriptLog.set(answer.scriptLog());
                    status.set(String.format("Ran in partition %s: %.2f RU.", key.display(), answer.requestCharge()));
                });
    }

    // ---- rules

    /** A sentence for what is wrong with the definition, or null. */
    String validate() {
        String text = id.get() == null ? "" : id.get().strip();
        if (text.isEmpty()) {
            return "Give the " + kind.noun() + " an id.";
        }
        if (text.length() > 255) {
            return "An id can have at most 255 characters.";
        }
        for (char c : new char[] {'/', '\\', '?', '#'}) {
            if (text.indexOf(c) >= 0) {
                return "An id cannot contain '" + c + "' (Cosmos DB reserves /, \\, ? and #).";
            }
        }
        if (body.get() == null || body.get().isBlank()) {
            return "The " + kind.noun() + " has no JavaScript: write its function.";
        }
        if (!body.get().contains("function")) {
            return "The body must be a JavaScript function, e.g. function (x) { … }.";
        }
        return null;
    }

    private PartitionKeyValue key() {
        if (partitionKey.levels().stream().allMatch(level -> level.get() == null || level.get().isBlank())) {
            throw new QueryInputException("Type the partition key value (" + String.join(" › ",
                    partitionKey.keyPaths()) + "): a stored procedure runs in one partition.");
        }
        QueryScope scope = partitionKey.toScope();
        PartitionKeyValue key = scope.partitionKey();
        if (key.components().size() < partitionKey.keyPaths().size()) {
            throw new QueryInputException("A stored procedure runs in one partition: type a value for every level "
                    + "of the partition key (" + String.join(" › ", partitionKey.keyPaths()) + ").");
        }
        return key;
    }

    /** The parameters typed: a JSON array (each element one parameter), a single JSON value, or nothing. */
    static List<Object> arguments(String text) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(typed);
        } catch (JsonProcessingException e) {
            throw new QueryInputException("The parameters are not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): write a JSON array such as [\"abc\", 42].");
        }
        List<Object> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> values.add(Json.MAPPER.convertValue(element, Object.class)));
        } else {
            values.add(Json.MAPPER.convertValue(node, Object.class));
        }
        return values;
    }

    private ScriptDefinition current() {
        return new ScriptDefinition(kind, id.get() == null ? "" : id.get().strip(), body.get(), triggerType.get(),
                triggerOperation.get(), null);
    }

    private void show(ScriptDefinition loaded) {
        saved = loaded;
        id.set(loaded.id());
        body.set(loaded.body());
        if (loaded.triggerType() != null) {
            triggerType.set(loaded.triggerType());
            triggerOperation.set(loaded.triggerOperation());
        }
        stored.set(true);
        message.set("");
    }

    private <T> void run(String name, java.util.concurrent.Callable<T> call, java.util.function.Consumer<T> done) {
        if (gone.get()) {
            message.set(io.cosmosdesk.browse.ItemsViewModel.CONTAINER_GONE);
            return;
        }
        busy.set(true);
        message.set("");
        tasks.start(BackgroundTask.of(name, context -> call.call())
                .onSuccess(done::accept)
                .onFailure(failure -> {
                    failures.seen(container, failure); // a 404 may be the container's: checked there
                    status.set("");
                    if (!gone.get()) {
                        message.set(CosmosErrors.classify(failure).userMessage());
                    }
                })
                .onFinally(() -> busy.set(false)));
    }

    private static String pretty(String json) {
        if (json == null || json.isBlank()) {
            return "(no body: the stored procedure did not call setBody)";
        }
        try {
            return Json.pretty().writeValueAsString(Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    private static String capital(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** What a new script starts with: a working example of its kind. */
    static String template(ScriptKind kind) {
        return switch (kind) {
            case STORED_PROCEDURE -> """
                    function sample(prefix) {
                        var collection = getContext().getCollection();
                        var accepted = collection.queryDocuments(collection.getSelfLink(), 'SELECT * FROM c',
                            function (err, items) {
                                if (err) throw err;
                                console.log('found ' + items.length + ' items');
                                getContext().getResponse().setBody({ prefix: prefix, count: items.length });
                            });
                        if (!accepted) throw new Error('The query was not accepted.');
                    }
                    """;
            case TRIGGER -> """
                    function stamp() {
                        var request = getContext().getRequest();
                        var item = request.getBody();
                        item.modifiedAt = new Date().toISOString();
                        request.setBody(item);
                    }
                    """;
            case USER_DEFINED_FUNCTION -> """
                    function (price) {
                        return price * 1.2;
                    }
                    """;
        };
    }
}
