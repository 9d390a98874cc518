package io.cosmosdesk.move;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskContext;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The move dialog: a target value per partition key level, a preview (count, ids already in the target,
 * estimated RU), Run with progress, counts and ETA, Cancel, and the final report with Save.
 */
public final class MoveDialogViewModel {

    // ---- Properties
    private final ObservableList<TargetLevel> levels = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MovePreview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    /** Shown until there is a preview: Move waits for one, and the user should know why. */
    static final String PREVIEW_HINT = "Choose the target value, then Preview: Move is enabled once the preview shows "
            + "what will change.";

    private final ObservableList<String> previewLines = FXCollections.observableArrayList();
    private final ObservableList<String> previewLinesView = FXCollections.unmodifiableObservableList(previewLines);
    private final ReadOnlyStringWrapper previewText = new ReadOnlyStringWrapper(this, "previewText", PREVIEW_HINT);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(this, "cancelRequested");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper(this, "countsText", "");
    private final ReadOnlyStringWrapper etaText = new ReadOnlyStringWrapper(this, "etaText", "");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    static final String PREVIEWING = "Reading the items for the preview…";
    private final ReadOnlyObjectWrapper<MoveReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final BooleanBinding canRun;

    private final MoveService service;
    private final TaskRunner tasks;
    private final ContainerHandle handle;
    /** The selection, or for {@link #matching} its first items (the preview lines and suggestions). */
    private final List<MoveSource> sources;
    /** Every item a query selects (read a page at a time by the preview and the move); null for a selection. */
    private final MatchingItems matching;
    private final boolean editedItem;
    private MoveControl control;
    /** The target the job was started with; the fields may not say so any more once it ends. */
    private MoveTarget ranTarget;
    private TaskHandle previewTask = TaskHandle.NONE;
    private int previewGeneration;
    private io.cosmosdesk.jobs.JobTracker jobs = io.cosmosdesk.jobs.JobTracker.NONE;

    /** A selection (or every item of a filter) from the grid. */
    public MoveDialogViewModel(MoveService service, TaskRunner tasks, ContainerHandle handle, List<MoveSource> sources) {
        this(service, tasks, handle, sources, false);
    }

    /** {@code editedItem}: one item handed over by the editor, its body being the edited text. */
    public MoveDialogViewModel(MoveService service, TaskRunner tasks, ContainerHandle handle, List<MoveSource> sources,
            boolean editedItem) {
        this(service, tasks, handle, sources, null, editedItem);
    }

    /** Every item a query selects (the grid's Move with nothing selected): never all in memory. */
    public MoveDialogViewModel(MoveService service, TaskRunner tasks, ContainerHandle handle, MatchingItems matching) {
        this(service, tasks, handle, matching.firstItems(), matching, false);
    }

    private MoveDialogViewModel(MoveService service, TaskRunner tasks, ContainerHandle handle,
            List<MoveSource> sources, MatchingItems matching, boolean editedItem) {
        this.service = service;
        this.tasks = tasks;
        this.handle = handle;
        this.sources = List.copyOf(sources);
        this.matching = matching;
        this.editedItem = editedItem;
        // a hierarchical key is usually changed in one level: every level starts as "keep each item's own"
        List<String> paths = handle.info().partitionKeyPaths();
        for (int i = 0; i < paths.size(); i++) {
            int at = i;
            List<Object> current = this.sources.stream().map(MoveSource::partitionKey)
                    .filter(key -> key.components().size() > at).map(key -> key.components().get(at)).toList();
            TargetLevel level = new TargetLevel(paths.get(i), handle.info().hierarchical(), current);
            level.kindProperty().addListener((o, a, b) -> targetEdited());
            level.textProperty().addListener((o, a, b) -> targetEdited());
            levels.add(level);
        }
        canRun = Bindings.createBooleanBinding(() -> preview.get() != null && !running.get() && report.get() == null
                && !busy.get(), preview, running, report, busy);
        if (handle.connection().profile().readOnly()) {
            errorMessage.set("\"" + handle.connection().profile().name()
                    + "\" is a read-only connection: items cannot be moved.");
            // the refusal is recorded in the audit log like any other refused write; nothing is sent
            List<MoveSource> refused = this.sources;
            tasks.start(BackgroundTask.of("Recording the refused move", ctx -> service.recordRefusedMove(handle,
                    refused)).onFailure(error -> { }));
        }
    }

    public ObservableList<TargetLevel> levels() {
        return levels;
    }

    public ReadOnlyObjectProperty<MovePreview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty previewTextProperty() {
        return previewText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty etaTextProperty() {
        return etaText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<MoveReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public BooleanBinding canRunBinding() {
        return canRun;
    }

    public int itemCount() {
        return matching == null ? sources.size() : (int) Math.min(Integer.MAX_VALUE, matching.count());
    }

    /** The dialog's heading: how many items, and where they are now. */
    public String title() {
        if (matching != null) {
            return String.format("Move %,d %s (every item the query selects) to another partition key value",
                    matching.count(), matching.count() == 1 ? "item" : "items");
        }
        if (sources.size() == 1) {
            MoveSource item = sources.get(0);
            return "Move \"" + item.id() + "\" from " + item.partitionKey().display() + " to another partition key value";
        }
        long from = sources.stream().map(MoveSource::partitionKey).distinct().count();
        return String.format("Move %,d items from %s to another partition key value", sources.size(),
                from == 1 ? sources.get(0).partitionKey().display() : String.format("%,d partition key values", from));
    }

    /** How the dialog ended so far: the report (if a job ended), its target and the last error. */
    public MoveDialogResult result() {
        return new MoveDialogResult(report.get(), ranTarget, errorMessage.get());
    }

    /** Where a run is also shown (the Jobs panel), with its progress, Cancel and outcome. */
    public void reportTo(io.cosmosdesk.jobs.JobTracker tracker) {
        this.jobs = java.util.Objects.requireNonNull(tracker);
    }

    /** True when a running move may leave its window: it is listed in the Jobs panel, which has its Cancel. */
    public boolean canRunOnWithoutWindow() {
        return jobs != io.cosmosdesk.jobs.JobTracker.NONE;
    }

    /**
     * The window was closed: {@code onEnded} hears how the dialog ended, at once, or, when a move still runs (it
     * goes on in the Jobs panel), once the move has ended, so the grid refreshes and the editor follows its item
     * then and not before.
     */
    public void windowClosed(java.util.function.Consumer<MoveDialogResult> onEnded) {
        if (!running.get()) {
            onEnded.accept(result());
            return;
        }
        running.addListener(new javafx.beans.value.ChangeListener<Boolean>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> observable, Boolean was,
                    Boolean now) {
                if (!now) {
                    running.removeListener(this);
                    onEnded.accept(result());
                }
            }
        });
    }

    // ---- Commands

    /** Puts a value in the target fields (e.g. the editor's new value). */
    public void showTarget(PartitionKeyValue value) {
        for (int i = 0; i < levels.size() && i < value.components().size(); i++) {
            levels.get(i).show(value.components().get(i));
        }
    }

    /**
     * Adds each level's existing values in the container to its suggestions (in the background; a failure
     * only leaves the selection's own values).
     */
    public void loadSuggestions() {
        for (TargetLevel level : levels) {
            tasks.start(BackgroundTask.of("Reading the values of " + level.path(),
                            ctx -> service.suggestTargetValues(handle, level.path(), TargetLevel.MAX_SUGGESTIONS))
                    .onSuccess(values -> level.addSuggestions(values == null ? List.of() : values))
                    .onFailure(error -> { }));
        }
    }

    /** The target as typed; throws IllegalArgumentException with a sentence when it is not valid. */
    public MoveTarget target() {
        List<Object> components = new ArrayList<>();
        for (TargetLevel level : levels) {
            components.add(level.component());
        }
        MoveTarget target = MoveTarget.ofLevels(components.toArray());
        if (target.keepsAll()) {
            throw new IllegalArgumentException("Choose a new value for at least one level: every level is set to "
                    + "keep each item's own.");
        }
        return target;
    }

    public void preview() {
        preview(false);
    }

    /**
     * Preview, then Move without waiting for a click: for a move the user already chose elsewhere (the
     * editor's Overwrite after someone else changed the item). Nothing runs when the preview fails.
     */
    public void previewThenRun() {
        preview(true);
    }

    private void preview(boolean thenRun) {
        if (handle.connection().profile().readOnly()) {
            return;
        }
        MoveTarget target;
        try {
            target = target();
        } catch (IllegalArgumentException e) {
            errorMessage.set(e.getMessage());
            return;
        }
        previewTask.cancel();
        int generation = ++previewGeneration;
        busy.set(true);
        errorMessage.set("");
        // a preview of every item a filter matches reads them all: seconds for thousands, so say what is going on
        statusText.set(PREVIEWING);
        previewTask = tasks.start(BackgroundTask.of("Previewing the move",
                        ctx -> matching != null ? service.previewMoveTo(handle, matching, target)
                                : service.previewMoveTo(handle, sources, target))
                .onSuccess(result -> {
                    if (generation == previewGeneration) {
                        preview.set(result);
                        previewText.set(describe(result, target));
                        previewLines.setAll(lines(result, target));
                    }
                })
                .onFailure(error -> {
                    if (generation == previewGeneration) {
                        errorMessage.set(CosmosErrors.classify(error).userMessage());
                    }
                })
                .onFinally(() -> {
                    if (generation == previewGeneration) {
                        busy.set(false);
                        if (PREVIEWING.equals(statusText.get())) {
                            statusText.set("");
                        }
                        if (thenRun && preview.get() != null) {
                            run();
                        }
                    }
                }));
    }

    public void run() {
        if (!canRun.get()) {
            return;
        }
        MoveTarget target = target();
        ranTarget = target;
        AtomicReference<MoveProgress> latest = new AtomicReference<>();
        AtomicReference<TaskContext> context = new AtomicReference<>();
        // progress goes through the task's coalescing channel; Cancel is a request the job honours between batches
        MoveControl jobControl = new MoveControl(update -> {
            latest.set(update);
            TaskContext ctx = context.get();
            if (ctx != null) {
                ctx.progress(update.fraction(), update.status());
            }
        });
        control = jobControl;
        running.set(true);
        cancelRequested.set(false);
        errorMessage.set("");
        statusText.set("Moving…");
        io.cosmosdesk.jobs.JobHandle job = jobs.track("Move", String.format("%,d %s of %s → %s", itemCount(),
                itemCount() == 1 ? "item" : "items", handle, target.display(handle.info().partitionKeyPaths())),
                this::cancel);
        tasks.start(BackgroundTask.<MoveReport>of("Moving items", ctx -> {
                    context.set(ctx);
                    return move(target, jobControl);
                })
                .onProgress((fraction, message) -> {
                    show(latest.get());
                    job.progress(progress.get(), countsText.get() + (etaText.get().isEmpty() ? "" : " · "
                            + etaText.get()));
                })
                .onSuccess(result -> {
                    show(latest.get());
                    report.set(result);
                    progress.set(1);
                    etaText.set("");
                    statusText.set(result.message());
                    if (result.status() == MoveReport.Status.COMPLETED) {
                        job.succeeded(new io.cosmosdesk.jobs.JobOutcome(result.message(), result.journal()));
                    } else if (result.status() == MoveReport.Status.CANCELLED) {
                        job.cancelled(result.message());
                    } else {
                        job.failed(result.message(), result.journal());
                    }
                })
                .onFailure(error -> {
                    errorMessage.set(CosmosErrors.classify(error).userMessage());
                    job.failed(errorMessage.get(), null);
                })
                .onFinally(() -> running.set(false)));
    }

    /** Asks the job to stop after the items in flight; it then ends with a report. */
    public void cancel() {
        previewTask.cancel();
        if (control != null && running.get()) {
            control.requestCancel();
            cancelRequested.set(true);
            statusText.set("Cancelling: finishing the items in flight…");
        }
    }

    public void saveReport(Path file) {
        MoveReport current = report.get();
        if (current == null) {
            return;
        }
        try {
            MoveReportWriter.save(current, file);
        } catch (RuntimeException e) {
            errorMessage.set(e.getMessage());
        }
    }

    private MoveReport move(MoveTarget target, MoveControl jobControl) {
        if (editedItem && sources.size() == 1) {
            MoveSource item = sources.get(0);
            return service.moveEditedItem(handle, item.id(), item.partitionKey(), item.etag(), item.body(),
                    target.resolve(item.partitionKey()), jobControl);
        }
        if (matching != null) {
            return service.moveItemsTo(handle, matching, target, jobControl);
        }
        return service.moveItemsTo(handle, sources, target, jobControl);
    }

    private void targetEdited() {
        preview.set(null);
        previewText.set(PREVIEW_HINT);
        previewLines.clear();
    }

    private void show(MoveProgress update) {
        if (update == null) {
            return;
        }
        progress.set(update.fraction());
        countsText.set(String.format("%,d of %,d · %,d moved · %,d skipped · %,d conflicts · %,d changed · %,d failed",
                update.processed(), update.total(), update.moved(), update.skipped(), update.conflicts(),
                update.changed(), update.failed()));
        etaText.set(update.remaining() == null ? "" : "About " + human(update.remaining()) + " left");
        if (!update.status().isEmpty()) {
            statusText.set(update.status());
        }
    }

    String describe(MovePreview preview, MoveTarget target) {
        return MovePreviewText.describe(preview, target, handle.info().partitionKeyPaths());
    }

    /** Shown in the preview list at most: the counts above say how many more. */
    static final int PREVIEW_LINES = MovePreviewText.LINES;

    List<String> lines(MovePreview result, MoveTarget target) {
        // every item a query selects: the preview counted them, the first few are at hand
        long total = matching == null ? sources.size() : Math.max(result.total(), sources.size());
        return MovePreviewText.lines(result, target, sources, total);
    }

    /** The preview as a list: each item's id, its current value and the target. */
    public ObservableList<String> previewLines() {
        return previewLinesView;
    }

    static String human(Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        return seconds < 90 ? seconds + " s" : (seconds + 30) / 60 + " min";
    }
}
