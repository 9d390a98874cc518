package io.cosmosdesk.transfer;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The import dialog's state: the file and its options, the check (preview of the first items exactly as they
 * will be sent, every bad row), then the run (progress, Cancel) and its outcome with the report's path. Changing
 * an option checks the file again; a check or a run answers only for the generation it was started in.
 */
public final class ImportDialogViewModel {

    private final ImportService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ContainerHandle target;

    // ---- Properties
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final ObjectProperty<ImportFormat> format = new SimpleObjectProperty<>(ImportFormat.JSONL);
    private final ObjectProperty<ImportMode> mode = new SimpleObjectProperty<>(ImportMode.CREATE_ONLY);
    private final BooleanProperty generateIds = new SimpleBooleanProperty();
    private final BooleanProperty keepText = new SimpleBooleanProperty();
    private final BooleanProperty skipInvalid = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ImportCheck> check = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper("");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Choose a .json, .jsonl or .csv file.");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ImportResult> result = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canImport;

    private ImportRequest request;
    private long generation;
    private TaskHandle checkTask;
    private ImportControl control;
    private io.cosmosdesk.jobs.JobTracker jobs = io.cosmosdesk.jobs.JobTracker.NONE;
    private java.util.function.Consumer<ContainerHandle> written = container -> { };

    public ImportDialogViewModel(ImportService service, TaskRunner tasks, DialogService dialogs,
            ContainerHandle target) {
        this.service = service;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.target = target;
        canImport = Bindings.createBooleanBinding(() -> !checking.get() && !running.get() && result.get() == null
                && check.get() != null && check.get().valid() > 0 && (check.get().clean() || skipInvalid.get()),
                checking, running, check, skipInvalid, result);
        format.addListener((o, a, b) -> recheck());
        generateIds.addListener((o, a, b) -> recheck());
        keepText.addListener((o, a, b) -> recheck());
    }

    /**
     * @param tracker where a run also appears (the Jobs panel: progress, Cancel, outcome and report), so the dialog
     *        may be closed while it runs
     * @param onWritten told (FX thread) when a run ended having written items, e.g. to refresh the grid showing them
     */
    public void reportTo(io.cosmosdesk.jobs.JobTracker tracker, java.util.function.Consumer<ContainerHandle> onWritten) {
        this.jobs = java.util.Objects.requireNonNull(tracker);
        this.written = java.util.Objects.requireNonNull(onWritten);
    }

    // ---- Properties

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ObjectProperty<ImportFormat> formatProperty() {
        return format;
    }

    public ObjectProperty<ImportMode> modeProperty() {
        return mode;
    }

    public BooleanProperty generateIdsProperty() {
        return generateIds;
    }

    public BooleanProperty keepTextProperty() {
        return keepText;
    }

    public BooleanProperty skipInvalidProperty() {
        return skipInvalid;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportCheck> checkProperty() {
        return check.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewTextProperty() {
        return previewText.getReadOnlyProperty();
    }

    public ObservableList<String> problems() {
        return FXCollections.unmodifiableObservableList(problems);
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ImportResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public BooleanBinding canImportProperty() {
        return canImport;
    }

    public ContainerHandle target() {
        return target;
    }

    /** A warning to show beside the mode, or empty. */
    public String modeWarning() {
        return mode.get() == ImportMode.UPSERT
                ? "Upsert overwrites items that already exist with the same id and partition key." : "";
    }

    // ---- Commands

    /** Takes a file (chosen or dropped): its format from its name, then checks it. */
    public void open(Path chosen) {
        file.set(chosen);
        ImportFormat.fromFileName(chosen).ifPresent(format::set); // a change rechecks
        recheck();
    }

    /** Reads the whole file as the import will, in the background: preview and bad rows. */
    public void recheck() {
        Path chosen = file.get();
        if (chosen == null || running.get()) {
            return;
        }
        long mine = ++generation;
        if (checkTask != null) {
            checkTask.cancel();
        }
        request = new ImportRequest(chosen, format.get(), new CsvOptions(null, !keepText.get()), mode.get(),
                generateIds.get(), true, request == null ? null : request.idSeed());
        ImportRequest checked = request;
        checking.set(true);
        errorMessage.set("");
        check.set(null);
        problems.clear();
        previewText.set("");
        summary.set("Checking " + chosen.getFileName() + " …");
        checkTask = tasks.start(BackgroundTask.of("Checking " + chosen.getFileName(), context ->
                        ImportValidation.check(checked, target.info().partitionKeyPaths(), row -> { },
                                context::isCancelled))
                .onSuccess(found -> {
                    if (mine == generation) {
                        showCheck(found);
                    }
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        summary.set("");
                        errorMessage.set(sentence(error));
                    }
                })
                .onFinally(() -> {
                    if (mine == generation) {
                        checking.set(false);
                    }
                }));
    }

    private void showCheck(ImportCheck found) {
        check.set(found);
        StringBuilder text = new StringBuilder();
        for (PreparedRow row : found.preview()) {
            try {
                text.append(Json.pretty().writeValueAsString(row.body())).append('\n');
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                text.append(row.body()).append('\n');
            }
        }
        previewText.set(text.toString());
        found.problems().forEach(row -> problems.add(row.describe()));
        if (found.invalid() > found.problems().size()) {
            problems.add("… and " + (found.invalid() - found.problems().size()) + " more (all are in the report).");
        }
        summary.set(found.summary() + (found.preview().isEmpty() ? "" : " The first " + found.preview().size()
                + " items below are exactly what will be sent."));
    }

    /** Starts the import; upsert asks first. */
    public void startImport() {
        if (!canImport.get()) {
            return;
        }
        if (mode.get() == ImportMode.UPSERT && !dialogs.confirm("Overwrite existing items?",
                "Upsert replaces every item of " + target.ref() + " that has the same id and partition key as a row of "
                        + file.get().getFileName() + ". Items that are not in the file are not touched.",
                "Upsert", true)) {
            return;
        }
        ImportRequest run = request.withMode(mode.get()).withSkipInvalid(true);
        // Cancel is pressed on the UI thread, progress is published from the task's: one control for both
        java.util.concurrent.atomic.AtomicReference<java.util.function.Consumer<Object>> publish =
                new java.util.concurrent.atomic.AtomicReference<>(update -> { });
        control = new ImportControl(update -> publish.get().accept(update));
        ImportControl mine = control;
        running.set(true);
        errorMessage.set("");
        status.set("Importing …");
        io.cosmosdesk.jobs.JobHandle job = jobs.track("Import", file.get().getFileName() + " → " + target, this::cancel);
        tasks.start(BackgroundTask.of("Importing " + file.get().getFileName(), context -> {
                    publish.set(context::publish);
                    return service.importItems(target, run, mine);
                })
                .onUpdate(update -> {
                    if (update instanceof ImportProgress p) {
                        progress.set(p.fraction() < 0 ? -1 : p.fraction());
                        status.set(p.summary() + (p.status() == null ? "" : " — " + p.status()));
                        job.progress(progress.get(), status.get());
                    }
                })
                .onSuccess(done -> {
                    result.set(done);
                    progress.set(1);
                    status.set((done.cancelled() ? "Stopped: " : "Done: ") + done.totals().summary() + ".");
                    if (done.cancelled()) {
                        job.cancelled(status.get());
                    } else {
                        job.succeeded(new io.cosmosdesk.jobs.JobOutcome(status.get() + (done.allFine() ? ""
                                : " The report lists the rows not imported."), done.report()));
                    }
                    if (wroteAny(done.totals())) {
                        written.accept(target);
                    }
                })
                .onFailure(error -> {
                    errorMessage.set(sentence(error));
                    job.failed(errorMessage.get(), null);
                    written.accept(target); // batches before the failure may have been written
                })
                .onFinally(() -> running.set(false)));
    }

    /** Asks a running import to stop after the batch in flight. */
    public void cancel() {
        if (control != null && running.get()) {
            control.requestCancel();
            status.set("Stopping after the items in flight …");
        }
    }

    static boolean wroteAny(ImportProgress totals) {
        return totals.count(RowOutcome.CREATED) + totals.count(RowOutcome.UPSERTED) > 0;
    }

    private static String sentence(Throwable error) {
        if (error instanceof ImportInputException input) {
            return input.sentence();
        }
        if (error instanceof CosmosDeskException cosmos) {
            return cosmos.userMessage();
        }
        return "The import failed: " + error.getMessage();
    }
}
