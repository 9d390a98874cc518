package io.cosmosdesk.schema;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.GridFilter;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Schema tab of one container: draws a sample (100 / 1,000 / 10,000 / all, the last after showing its estimated
 * charge), shows the figures as they fill in, and acts on a chosen field in the container's grid (add as column,
 * filter on a value, sort) or in the query workspace. Late updates of a stopped or replaced run are dropped.
 */
public final class SchemaViewModel implements AutoCloseable {

    /** What the tab asks of the rest of the app for a field; see {@code SchemaFeature}. */
    public interface Host {
        /** @return why the column was not added (e.g. the grid already shows it), or empty */
        Optional<String> addColumn(ContainerHandle container, JsonPath path);

        /** Applies {@code filter} (text with {@code @names}, their values as parameters) to the container's grid. */
        void setFilter(ContainerHandle container, GridFilter filter);

        void sortBy(ContainerHandle container, JsonPath path);

        /** Opens the query workspace on {@code sql}; false when there is none in this build. */
        boolean openQuery(ContainerHandle container, String sql);

        /** After each finished sample: the catalog of field paths (query completion, filter box). */
        default void sampled(ContainerHandle container, SchemaSummary summary) { }
    }

    private final ContainerHandle handle;
    private final SchemaService service;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Host host;
    private TaskHandle running = TaskHandle.NONE;
    /** The newest figures shown of the sample running, or null. */
    private SampleProgress lastStep;
    /** Items the sample running should come to (for all items, the estimate's count), or 0 if not known. */
    private long expectedItems;
    private int generation;

    // Properties
    private final ObjectProperty<SampleSize> sampleSize = new SimpleObjectProperty<>(this, "sampleSize",
            SampleSize.DEFAULT);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status",
            "Choose a sample size and press Analyse.");
    private final ReadOnlyStringWrapper howDrawn = new ReadOnlyStringWrapper(this, "howDrawn", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");
    private final ReadOnlyObjectWrapper<SchemaSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary",
            SchemaSummary.EMPTY);
    private final ObjectProperty<FieldPath> selectedPath = new SimpleObjectProperty<>(this, "selectedPath");
    private final ReadOnlyObjectWrapper<FieldSummary> selectedField = new ReadOnlyObjectWrapper<>(this,
            "selectedField");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyBooleanWrapper gone = new ReadOnlyBooleanWrapper(this, "gone");
    private io.cosmosdesk.cosmos.ContainerFailures failures = io.cosmosdesk.cosmos.ContainerFailures.IGNORE;

    public SchemaViewModel(ContainerHandle handle, SchemaService service, TaskRunner tasks, DialogService dialogs,
            Host host) {
        this.handle = Objects.requireNonNull(handle);
        this.service = Objects.requireNonNull(service);
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.host = Objects.requireNonNull(host);
        selectedPath.addListener((obs, old, path) -> refreshSelected());
        // invalidation, not change listeners, on the figures: a change listener compares the new snapshot with the
        // old one by equals, which walks both whole summaries whenever they match (4 times a second)
        summary.addListener((javafx.beans.InvalidationListener) o -> refreshSelected());
    }

    // Properties

    public ContainerHandle handle() {
        return handle;
    }

    public ObjectProperty<SampleSize> sampleSizeProperty() {
        return sampleSize;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0 to 1, or -1 while reading all items (their number is only estimated). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** e.g. "Read 450 of 1,000 items · 12.3 RU". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** How the sample was drawn, once there is one. */
    public ReadOnlyStringProperty howDrawnProperty() {
        return howDrawn.getReadOnlyProperty();
    }

    /** A failure for the banner; null when none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A line about the last action on a field; null when none. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SchemaSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True once a sample has ended (completed or stopped) and its figures can be exported. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    /** The field the user picked; follows the figures as they fill in. */
    public ObjectProperty<FieldPath> selectedPathProperty() {
        return selectedPath;
    }

    public ReadOnlyObjectProperty<FieldSummary> selectedFieldProperty() {
        return selectedField.getReadOnlyProperty();
    }

    /** True once the container is known to be gone: nothing more can be read from it. */
    public ReadOnlyBooleanProperty goneProperty() {
        return gone.getReadOnlyProperty();
    }

    /** Where a failure met here is reported, so the container's other tabs learn it is gone. */
    public void reportFailuresTo(io.cosmosdesk.cosmos.ContainerFailures failures) {
        this.failures = Objects.requireNonNull(failures);
    }

    // Commands

    /** The container no longer exists: the sample stops, the figures read stay, and the tab says so. */
    public void containerGone(String sentence) {
        gone.set(true);
        stop();
        error.set(sentence);
        status.set("The container no longer exists.");
    }

    /** Draws a sample of the chosen size; for all items, asks first with the estimated charge. */
    public void analyse() {
        if (gone.get()) {
            return;
        }
        stop();
        error.set(null);
        SampleSize size = sampleSize.get();
        if (size != SampleSize.ALL) {
            start(size.limit(), size.limit());
            return;
        }
        int run = ++generation;
        // asked again over figures already shown: declining (or stopping the estimate) leaves those figures, and the
        // status that describes them, as they were (it said "Not analysed" over a tree full of figures)
        String before = summary.get().itemsInspected() > 0 ? status.get()
                : "Not analysed: choose a sample size and press Analyse.";
        busy.set(true);
        progress.set(-1);
        status.set("Estimating what reading every item costs…");
        running = tasks.start(BackgroundTask.of("Estimating the charge of reading " + handle.ref(),
                        context -> service.estimateFullRead(handle, context::isCancelled))
                .onSuccess(estimate -> {
                    if (run != generation) {
                        return;
                    }
                    busy.set(false);
                    status.set("");
                    boolean go = dialogs.confirm("Analyse every item?", String.format(Locale.ROOT,
                            "%s holds %,d items. Reading them all costs about %,.0f RU. %s", handle.ref(),
                            estimate.items(), estimate.estimatedCharge(), estimate.basis()), "Analyse all");
                    if (go) {
                        start(Long.MAX_VALUE, estimate.items());
                    } else {
                        status.set(before);
                    }
                })
                .onFailure(failure -> failed(run, failure))
                .onCancelled(() -> {
                    if (run == generation) {
                        status.set(before);
                    }
                })
                .onFinally(() -> ended(run)));
    }

    /** @param expected items the sample should come to (for all items: the count the estimate made), 0 if unknown */
    private void start(long target, long expected) {
        int run = ++generation;
        lastStep = null;
        expectedItems = expected;
        busy.set(true);
        finished.set(false);
        progress.set(expected > 0 ? 0 : -1);
        status.set("Reading items…");
        howDrawn.set("");
        // only the newest snapshot matters: progress is coalesced by the runner, so a busy UI thread gets one
        // update to apply, never a queue of stale ones
        java.util.concurrent.atomic.AtomicReference<SampleProgress> latest =
                new java.util.concurrent.atomic.AtomicReference<>();
        running = tasks.start(BackgroundTask.of("Analysing the schema of " + handle.ref(),
                        context -> service.sample(handle, target, step -> {
                            latest.set(step);
                            context.progress(step.fraction(), "");
                        }, context::isCancelled))
                .onProgress((fraction, message) -> {
                    SampleProgress step = latest.getAndSet(null);
                    if (run == generation && step != null) {
                        show(step);
                    }
                })
                .onSuccess(result -> {
                    if (run != generation) {
                        return;
                    }
                    summary.set(result.summary());
                    howDrawn.set(result.howDrawn());
                    status.set(String.format(Locale.ROOT, "%,d items analysed · %,.1f RU%s", result.itemsRead(),
                            result.requestCharge(), result.stopped() ? " · stopped" : ""));
                    progress.set(1);
                    finished.set(true);
                    host.sampled(handle, result.summary());
                })
                .onFailure(failure -> failed(run, failure))
                .onCancelled(() -> stopped(run))
                .onFinally(() -> ended(run)));
    }

    /**
     * Stop pressed: the figures read so far stay, and the tab says that they are a part (it kept showing "Read 200
     * items" as if still reading); they can be exported like a finished sample's, with the items inspected.
     */
    private void stopped(int run) {
        SampleProgress last = lastStep;
        if (run != generation || last == null || summary.get().itemsInspected() == 0) {
            return;
        }
        status.set(String.format(Locale.ROOT, "Stopped after %,d items · %,.1f RU: the figures are of the items "
                + "read so far.", last.itemsRead(), last.requestCharge()));
        howDrawn.set(String.format(Locale.ROOT, "Stopped: the first %,d items read of the sample, not all of it.",
                last.itemsRead()));
        finished.set(true);
    }

    private void show(SampleProgress step) {
        lastStep = step;
        summary.set(step.summary());
        if (step.target() != Long.MAX_VALUE) {
            progress.set(step.fraction());
            status.set(String.format(Locale.ROOT, "Read %,d of %,d items · %,.1f RU", step.itemsRead(), step.target(),
                    step.requestCharge()));
        } else if (expectedItems > 0 && step.itemsRead() <= expectedItems) {
            // all items: the estimate counted them, so the bar and the text have a total (about: items may come and go)
            progress.set((double) step.itemsRead() / expectedItems);
            status.set(String.format(Locale.ROOT, "Read %,d of ~%,d items · %,.1f RU", step.itemsRead(),
                    expectedItems, step.requestCharge()));
        } else {
            progress.set(-1);
            status.set(String.format(Locale.ROOT, "Read %,d items · %,.1f RU", step.itemsRead(),
                    step.requestCharge()));
        }
    }

    private void failed(int run, Throwable failure) {
        failures.seen(handle, failure);
        if (run != generation) {
            return;
        }
        error.set(failure instanceof CosmosDeskException known ? known.getMessage()
                : "The sample could not be read: " + failure.getMessage());
        status.set("Stopped by an error.");
    }

    private void ended(int run) {
        if (run == generation) {
            busy.set(false);
        }
    }

    /** Stops the sample; the figures read so far stay. */
    public void stop() {
        running.cancel();
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** Adds the selected field as a column of the container's grid. */
    public void addAsColumn() {
        withJsonPath("add it as a column", path -> {
            // a column the grid already shows is not added again: say so, not "Added"
            notice.set(host.addColumn(handle, path).orElse("Added " + path + " as a column of the Items tab."));
        });
    }

    /** Sorts the container's grid by the selected field, on the server. */
    public void sortBy() {
        withJsonPath("sort by it", path -> host.sortBy(handle, path));
    }

    /** Filters the grid on {@code filter} (from {@link FieldFilters}). */
    public void filter(GridFilter filter) {
        host.setFilter(handle, filter);
    }

    /** The starter query on the selected field, opened in the query workspace; empty when it was opened. */
    public Optional<String> openQuery() {
        FieldSummary field = selectedField.get();
        if (field == null) {
            return Optional.empty();
        }
        String sql = FieldFilters.starterQuery(field.path());
        if (host.openQuery(handle, sql)) {
            return Optional.empty();
        }
        notice.set("There is no query workspace in this build yet: the starter query was copied instead.");
        return Optional.of(sql);
    }

    /** The JSON Schema of the figures. */
    public String jsonSchemaText() {
        try {
            return Json.pretty().writeValueAsString(JsonSchemaExport.toJsonSchema(summary.get(),
                    handle.ref().toString(), howDrawn.get()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String markdownText() {
        return MarkdownExport.toMarkdown(summary.get(), handle.ref().toString(), howDrawn.get());
    }

    /** An export was written. */
    public void saved(String fileName) {
        notice.set("Saved " + fileName + ".");
    }

    public void saveFailed(String fileName, Throwable failure) {
        error.set("Could not save " + fileName + ": " + failure.getMessage());
    }

    /** A file name for an export, e.g. {@code retail-orders.schema.json}. */
    public String exportFileName(String extension) {
        return (handle.ref().databaseId() + "-" + handle.ref().containerId()).replaceAll("[^A-Za-z0-9._-]", "_")
                + extension;
    }

    private void withJsonPath(String what, Consumer<JsonPath> action) {
        FieldSummary field = selectedField.get();
        if (field == null) {
            return;
        }
        Optional<JsonPath> path = field.path().toJsonPath();
        if (path.isEmpty()) {
            notice.set(field.path() + " is inside an array: one item holds many of it, so the grid cannot " + what
                    + ". Filter on one of its values instead.");
            return;
        }
        action.accept(path.get());
    }

    private void refreshSelected() {
        FieldPath path = selectedPath.get();
        SchemaSummary figures = summary.get(); // read even without a pick: it re-arms the invalidation listener
        selectedField.set(path == null ? null : figures.field(path).orElse(null));
    }

    @Override
    public void close() {
        generation++;
        stop();
    }
}
