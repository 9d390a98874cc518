package io.cosmosdesk.transfer;

import com.azure.cosmos.models.SqlQuerySpec;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.jobs.JobHandle;
import io.cosmosdesk.jobs.JobOutcome;
import io.cosmosdesk.jobs.JobTracker;
import io.cosmosdesk.manage.ResourceNames;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The copy dialog's state and commands: what to copy (the grid's filter, a query, or the whole container), where
 * (any open connection's database and container, created when missing with the source's partition key), the mode
 * (create only, skip existing, upsert with a warning). {@link #copy} starts the copy as a job in the Jobs panel;
 * a read-only target is refused with a sentence before anything runs.
 */
public final class CopyDialogViewModel {

    /** Where the items come from. */
    public enum SourceKind { GRID_FILTER, QUERY, WHOLE_CONTAINER }

    static final String UPSERT_WARNING = "Upsert replaces every item of the target that has the same id and "
            + "partition key as a copied item.";

    private final CopyService service;
    private final ResourceService resources;
    private final TaskRunner tasks;
    private final JobTracker jobs;
    private final DialogService dialogs;
    private final ContainerHandle source;
    private final ItemQuery gridQuery;
    private final Consumer<ContainerHandle> onWritten;
    private final Consumer<ContainerHandle> onTargetReady;

    // Properties
    private final ObjectProperty<SourceKind> sourceKind = new SimpleObjectProperty<>(this, "sourceKind");
    private final StringProperty queryText = new SimpleStringProperty(this, "queryText", "SELECT * FROM c");
    private final ObservableList<CosmosConnection> connections = FXCollections.observableArrayList();
    private final ObjectProperty<CosmosConnection> targetConnection = new SimpleObjectProperty<>(this, "target");
    private final StringProperty targetDatabase = new SimpleStringProperty(this, "targetDatabase", "");
    private final StringProperty targetContainer = new SimpleStringProperty(this, "targetContainer", "");
    private final ObservableList<String> databaseSuggestions = FXCollections.observableArrayList();
    private final ObservableList<String> containerSuggestions = FXCollections.observableArrayList();
    private final ObjectProperty<ImportMode> mode = new SimpleObjectProperty<>(this, "mode", ImportMode.CREATE_ONLY);
    private final StringBinding problem;
    private final StringBinding modeWarning;
    private final BooleanBinding canCopy;
    private int suggestionGeneration;

    /**
     * @param gridQuery the source container's grid filter and sort, or null when its grid shows everything
     * @param connections the open connections, the source's among them
     * @param onWritten told (FX thread) of the target once a copy wrote to it, so a grid showing it refreshes
     * @param onTargetReady told (FX thread) of the target once the copy has it (it may have created it), and again
     *        when the copy ends, so the connection tree shows a new container without a Refresh
     */
    public CopyDialogViewModel(CopyService service, ResourceService resources, TaskRunner tasks, JobTracker jobs,
            DialogService dialogs, ContainerHandle source, ItemQuery gridQuery, List<CosmosConnection> connections,
            Consumer<ContainerHandle> onWritten, Consumer<ContainerHandle> onTargetReady) {
        this.service = Objects.requireNonNull(service);
        this.resources = Objects.requireNonNull(resources);
        this.tasks = Objects.requireNonNull(tasks);
        this.jobs = Objects.requireNonNull(jobs);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.source = Objects.requireNonNull(source);
        this.gridQuery = gridQuery == null || (gridQuery.filter().isEmpty() && gridQuery.conditions().isEmpty())
                ? null : gridQuery;
        this.onWritten = Objects.requireNonNull(onWritten);
        this.onTargetReady = Objects.requireNonNull(onTargetReady);
        this.connections.setAll(connections.contains(source.connection()) ? connections
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(source.connection()),
                        connections.stream()).toList());
        sourceKind.set(this.gridQuery != null ? SourceKind.GRID_FILTER : SourceKind.WHOLE_CONTAINER);
        targetConnection.set(source.connection());
        targetDatabase.set(source.ref().databaseId());
        targetContainer.set(source.ref().containerId() + "-copy");
        problem = Bindings.createStringBinding(this::findProblem, sourceKind, queryText, targetConnection,
                targetDatabase, targetContainer);
        modeWarning = Bindings.createStringBinding(() -> mode.get() == ImportMode.UPSERT ? UPSERT_WARNING : "", mode);
        canCopy = Bindings.createBooleanBinding(() -> problem.get().isEmpty(), problem);
        targetConnection.addListener((obs, old, now) -> loadDatabases());
        targetDatabase.addListener((obs, old, now) -> loadContainers());
    }

    // Properties

    public ObjectProperty<SourceKind> sourceKindProperty() {
        return sourceKind;
    }

    /** True when the source container's grid has a filter (then it is offered, and chosen at first). */
    public boolean offersGridFilter() {
        return gridQuery != null;
    }

    /** The grid filter's choice as the user reads it: {@code Only the items matching WHERE c.status = "paid"}. */
    public String gridFilterText() {
        return gridQuery == null ? "" : ExportSource.of(source, gridQuery).describeSelection();
    }

    public StringProperty queryTextProperty() {
        return queryText;
    }

    public ObservableList<CosmosConnection> connections() {
        return connections;
    }

    public ObjectProperty<CosmosConnection> targetConnectionProperty() {
        return targetConnection;
    }

    public StringProperty targetDatabaseProperty() {
        return targetDatabase;
    }

    public StringProperty targetContainerProperty() {
        return targetContainer;
    }

    /** The target connection's databases (loaded in the background); a name not among them is created. */
    public ObservableList<String> databaseSuggestions() {
        return databaseSuggestions;
    }

    /** The target database's containers; a name not among them is created with the source's partition key. */
    public ObservableList<String> containerSuggestions() {
        return containerSuggestions;
    }

    public ObjectProperty<ImportMode> modeProperty() {
        return mode;
    }

    /** Why the copy cannot start as chosen (one sentence), or empty. */
    public StringBinding problemProperty() {
        return problem;
    }

    /** Shown under the modes while upsert is chosen. */
    public StringBinding modeWarningProperty() {
        return modeWarning;
    }

    public BooleanBinding canCopyProperty() {
        return canCopy;
    }

    public ContainerHandle source() {
        return source;
    }

    // Commands

    /** Loads the target connection's databases (and the chosen database's containers) as suggestions. */
    public void loadDatabases() {
        CosmosConnection connection = targetConnection.get();
        int generation = ++suggestionGeneration;
        databaseSuggestions.clear();
        if (connection == null) {
            return;
        }
        tasks.start(BackgroundTask.of("Reading the databases of " + connection.profile().name(),
                        context -> resources.readDatabases(connection))
                .onSuccess(names -> {
                    if (generation == suggestionGeneration) {
                        databaseSuggestions.setAll(names);
                        loadContainers();
                    }
                }));
    }

    private void loadContainers() {
        CosmosConnection connection = targetConnection.get();
        String database = targetDatabase.get();
        containerSuggestions.clear();
        if (connection == null || database == null || !databaseSuggestions.contains(database)) {
            return; // a new database: nothing to suggest
        }
        int generation = suggestionGeneration;
        tasks.start(BackgroundTask.of("Reading the containers of " + database,
                        context -> resources.readContainers(connection, database))
                .onSuccess(found -> {
                    if (generation == suggestionGeneration && database.equals(targetDatabase.get())) {
                        containerSuggestions.setAll(found.stream().map(info -> info.ref().containerId()).toList());
                    }
                }));
    }

    /**
     * Starts the copy as a job in the Jobs panel (upsert asks first). True when it started (the dialog then
     * closes); false when the choices have a problem or the user declined the upsert.
     */
    public boolean copy() {
        if (!canCopy.get()) {
            return false;
        }
        ImportMode chosenMode = mode.get();
        CopyTarget target = new CopyTarget(targetConnection.get(), targetDatabase.get().strip(),
                targetContainer.get().strip());
        if (chosenMode == ImportMode.UPSERT && !dialogs.confirm("Overwrite existing items?", UPSERT_WARNING
                + " Target: " + target + ".", "Upsert", true)) {
            return false;
        }
        SqlQuerySpec query = query();
        String what = new ExportSource(source, query, null).describe();
        AtomicReference<Consumer<Object>> publish = new AtomicReference<>(update -> { });
        ImportControl control = new ImportControl(update -> publish.get().accept(update));
        JobHandle job = jobs.track("Copy", what + " → " + target, control::requestCancel);
        ContainerHandle written = new ContainerHandle(target.connection(), new ContainerInfo(
                new ContainerRef(target.database(), target.container()), source.info().partitionKeyPaths(),
                source.info().hierarchical(), null));
        boolean[] targetShown = {false};
        tasks.start(BackgroundTask.of("Copying " + what, context -> {
                    publish.set(context::publish);
                    return service.copyItems(source, query, target, chosenMode, control);
                })
                .onUpdate(update -> {
                    if (update instanceof ImportProgress progress) {
                        if (!targetShown[0]) {
                            targetShown[0] = true;
                            onTargetReady.accept(written);
                        }
                        job.progress(progress.countedFraction(), progressLine(progress));
                    }
                })
                .onSuccess(result -> {
                    String summary = (result.cancelled() ? "Stopped: " : "Copied: ") + result.totals().summary() + "."
                            + (result.allFine() || result.cancelled() ? "" : " The report lists the items not copied.");
                    if (result.cancelled()) {
                        job.cancelled(summary);
                    } else {
                        job.succeeded(new JobOutcome(summary, result.report()));
                    }
                    onTargetReady.accept(written);
                    if (ImportDialogViewModel.wroteAny(result.totals())) {
                        onWritten.accept(written);
                    }
                })
                .onFailure(error -> {
                    job.failed(sentence(error), null);
                    onTargetReady.accept(written); // it may have been created before the failure
                    onWritten.accept(written); // pages before the failure may have been written
                }));
        return true;
    }

    /** The query the copy runs for the chosen source. */
    SqlQuerySpec query() {
        return switch (sourceKind.get()) {
            case GRID_FILTER -> gridQuery.toSqlQuerySpec();
            case QUERY -> new SqlQuerySpec(queryText.get().strip());
            case WHOLE_CONTAINER -> new SqlQuerySpec("SELECT * FROM c");
        };
    }

    /**
     * The Jobs panel's line: {@code 1,200 of 5,000 items (24 %), about 13 s left · 1,190 created, 10 conflicts ·
     * 310 items/s} once the source is counted; before that (or for a query that cannot be counted) the rows so far.
     */
    static String progressLine(ImportProgress progress) {
        String rate = String.format(" · %,.0f items/s", progress.rate());
        return progress.ofTotal()
                .map(total -> total + (progress.outcomes().isEmpty() ? "" : " · " + progress.outcomes()) + rate)
                .orElseGet(() -> progress.summary() + rate);
    }

    private String findProblem() {
        CosmosConnection connection = targetConnection.get();
        if (connection == null) {
            return "Choose the connection to copy into.";
        }
        if (connection.profile().readOnly()) {
            return "\"" + connection.profile().name() + "\" is a read-only connection: nothing can be copied into it. "
                    + "Choose another target.";
        }
        Optional<String> database = ResourceNames.idProblem("database", targetDatabase.get());
        if (database.isPresent()) {
            return database.get();
        }
        Optional<String> container = ResourceNames.idProblem("container", targetContainer.get());
        if (container.isPresent()) {
            return container.get();
        }
        if (connection == source.connection() && targetDatabase.get().strip().equals(source.ref().databaseId())
                && targetContainer.get().strip().equals(source.ref().containerId())) {
            return "The target is the source container: choose another container (a new name creates it).";
        }
        if (sourceKind.get() == SourceKind.QUERY && queryText.get().isBlank()) {
            return "Type the query that selects the items to copy.";
        }
        if (sourceKind.get() == SourceKind.GRID_FILTER && gridQuery == null) {
            return "The grid has no filter: choose the whole container or a query.";
        }
        return "";
    }

    private static String sentence(Throwable error) {
        if (error instanceof CosmosDeskException cosmos) {
            return cosmos.userMessage();
        }
        return CosmosErrors.classify(error).userMessage();
    }
}
