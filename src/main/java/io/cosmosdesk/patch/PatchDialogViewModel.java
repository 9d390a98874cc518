package io.cosmosdesk.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.jobs.Job;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.LineDiff;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The bulk patch dialog's state and commands: the operations (op, path, value as JSON), the condition, the scope
 * (the grid's selection or every item a filter selects), Dry run (count and sample diffs), Apply (a Jobs-panel job:
 * progress and Cancel), and Undo once it ran. Nothing the user typed is cleared by a failure.
 */
public final class PatchDialogViewModel {

    public enum Scope { SELECTION, FILTER }

    /** One operation as typed: op ("set", "increment" ...), path, and the value as JSON (for move: the source). */
    public static final class OperationRow {
        private final StringProperty op = new SimpleStringProperty(this, "op", "set");
        private final StringProperty path = new SimpleStringProperty(this, "path", "");
        private final StringProperty value = new SimpleStringProperty(this, "value", "");

        public StringProperty opProperty() {
            return op;
        }

        public StringProperty pathProperty() {
            return path;
        }

        public StringProperty valueProperty() {
            return value;
        }
    }

    /** One line of the dry run's sample diffs. */
    public record DiffLine(Kind kind, String text) {
        public enum Kind { TITLE, SAME, REMOVED, ADDED, NOTE }
    }

    /** Unchanged lines shown around each change in the sample diffs. */
    static final int CONTEXT = 2;

    public static final List<String> OPERATIONS = List.of("set", "add", "replace", "remove", "increment", "move");

    private final ContainerHandle handle;
    private final List<ObjectNode> selection;
    private final PatchJobs patchJobs;
    private final TaskRunner tasks;

    // Properties
    private final ObservableList<OperationRow> operations = FXCollections.observableArrayList(
            row -> new Observable[] {row.opProperty(), row.pathProperty(), row.valueProperty()});
    private final StringProperty condition = new SimpleStringProperty(this, "condition", "");
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper dryRunText = new ReadOnlyStringWrapper(this, "dryRunText", "");
    private final ObservableList<DiffLine> sampleLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper undoable = new ReadOnlyBooleanWrapper(this, "undoable");
    private Job job;
    private Job patchJob;
    private Path journal;
    private int generation;

    public PatchDialogViewModel(ContainerHandle handle, List<ObjectNode> selection, String filterText,
            PatchJobs patchJobs, TaskRunner tasks) {
        this.handle = handle;
        this.selection = List.copyOf(selection);
        this.patchJobs = patchJobs;
        this.tasks = tasks;
        this.filter.set(filterText == null ? "" : filterText);
        this.scope.set(this.selection.isEmpty() ? Scope.FILTER : Scope.SELECTION);
        operations.add(new OperationRow());
        operations.addListener((javafx.collections.ListChangeListener<OperationRow>) change -> changed());
        condition.addListener((o, a, b) -> changed());
        scope.addListener((o, a, b) -> changed());
        filter.addListener((o, a, b) -> changed());
        validate();
    }

    // ---- Properties

    public ContainerHandle handle() {
        return handle;
    }

    public ObservableList<OperationRow> operations() {
        return operations;
    }

    public StringProperty conditionProperty() {
        return condition;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public boolean hasSelection() {
        return !selection.isEmpty();
    }

    public String selectionText() {
        return new PatchScope.Selection(selection).describe();
    }

    /** Why the form cannot run yet, in a sentence; empty when it can. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dryRunTextProperty() {
        return dryRunText.getReadOnlyProperty();
    }

    public ObservableList<DiffLine> sampleLines() {
        return sampleLines;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** A dry run is reading. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The patch or its undo runs as a job. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** A patch ran and wrote something: Undo is offered. */
    public ReadOnlyBooleanProperty undoableProperty() {
        return undoable.getReadOnlyProperty();
    }

    // ---- Commands

    public OperationRow addOperation() {
        OperationRow row = new OperationRow();
        operations.add(row);
        return row;
    }

    public void removeOperation(OperationRow row) {
        if (operations.size() > 1) {
            operations.remove(row);
        }
    }

    /** Reads the scope and shows how many items the patch would touch and a sample's before -> after. */
    public void dryRun() {
        PatchSpec spec = validate();
        if (spec == null || busy.get() || running.get()) {
            return;
        }
        PatchScope chosen = chosenScope();
        int run = ++generation;
        busy.set(true);
        error.set("");
        dryRunText.set("Reading the items…");
        sampleLines.clear();
        tasks.start(BackgroundTask.of("Dry run of a patch on " + handle.ref(),
                        context -> patchJobs.service().dryRun(handle, chosen, spec, new BulkPatchService.Control() {
                            @Override
                            public boolean cancelled() {
                                return context.isCancelled();
                            }

                            @Override
                            public void progress(long done, long total, String message) {
                                context.progress(total > 0 ? (double) done / total : -1, message);
                            }
                        }))
                .onSuccess(result -> {
                    if (run == generation) {
                        showDryRun(result);
                    }
                })
                .onFailure(failure -> {
                    if (run == generation) {
                        dryRunText.set("");
                        error.set(sentence(failure));
                    }
                })
                .onFinally(() -> busy.set(false)));
    }

    /** Starts the patch as a job (it goes on when the dialog closes). */
    public void apply() {
        PatchSpec spec = validate();
        if (spec == null || running.get()) {
            return;
        }
        error.set("");
        undoable.set(false);
        running.set(true);
        status.set("Patching…");
        PatchJobs.Started started = patchJobs.apply(handle, chosenScope(), spec,
                report -> status.set(report.summary("Patched")), sentence -> error.set(sentence));
        job = started.job();
        patchJob = job;
        journal = started.journal();
        follow(job);
    }

    /** Cancels the running patch or undo: items already written stay written (Undo can put them back). */
    public void cancel() {
        if (job != null) {
            job.cancel();
        }
    }

    /** Puts the before-images back, only where the items still have the ETags the patch left. */
    public void undo() {
        if (journal == null || running.get()) {
            return;
        }
        Path undoing = journal;
        if (patchJob != null) {
            patchJob.offer(null); // undone from here: the Jobs panel no longer offers it
        }
        error.set("");
        undoable.set(false);
        running.set(true);
        status.set("Undoing…");
        job = patchJobs.undo(handle, undoing, report -> status.set(report.summary("Restored")),
                error::set);
        follow(job);
    }

    // ---- Internals

    private void follow(Job followed) {
        progress.bind(followed.progressProperty());
        followed.statusProperty().addListener((o, a, now) -> {
            if (followed == job && followed.state() == io.cosmosdesk.jobs.JobState.RUNNING) {
                status.set(now);
            }
        });
        followed.stateProperty().addListener((o, a, now) -> finished(followed));
        finished(followed);
    }

    private void finished(Job followed) {
        if (!followed.state().finished() || followed != job) {
            return;
        }
        progress.unbind();
        running.set(false);
        if (followed.state() != io.cosmosdesk.jobs.JobState.DONE) {
            status.set(followed.statusProperty().get());
        }
        // the patch job offers Undo once it wrote anything (also when cancelled or stopped mid-way)
        // an undo that failed or was cancelled can be tried again
        undoable.set(followed == patchJob ? followed.followUpProperty().get() != null
                : followed.state() != io.cosmosdesk.jobs.JobState.DONE);
    }

    private PatchScope chosenScope() {
        return scope.get() == Scope.SELECTION ? new PatchScope.Selection(selection)
                : new PatchScope.Matching(ItemQuery.filtered(filter.get()));
    }

    private void changed() {
        validate();
        generation++;
        dryRunText.set("");
        sampleLines.clear();
    }

    /** The spec the form describes, or null with {@link #problemProperty} saying why. */
    private PatchSpec validate() {
        try {
            List<PatchOp> ops = new ArrayList<>();
            for (int i = 0; i < operations.size(); i++) {
                OperationRow row = operations.get(i);
                try {
                    ops.add(PatchOp.parse(row.opProperty().get(), row.pathProperty().get(),
                            row.valueProperty().get()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Operation " + (i + 1) + ": " + e.getMessage());
                }
            }
            PatchSpec spec = new PatchSpec(ops, condition.get());
            spec.requireAllowedFor(handle.info().partitionKeyPaths());
            if (scope.get() == Scope.SELECTION && selection.isEmpty()) {
                throw new IllegalArgumentException("Select items in the grid, or patch every item matching a filter.");
            }
            problem.set("");
            return spec;
        } catch (IllegalArgumentException e) {
            problem.set(e.getMessage());
            return null;
        }
    }

    private void showDryRun(DryRun result) {
        dryRunText.set(result.summary() + (result.samples().isEmpty() ? "" : " Sample (before -> after):"));
        List<DiffLine> lines = new ArrayList<>();
        for (DryRun.Sample sample : result.samples()) {
            lines.add(new DiffLine(DiffLine.Kind.TITLE, sample.id() + "  ·  " + sample.key().display()));
            if (sample.after() == null) {
                lines.add(new DiffLine(DiffLine.Kind.NOTE, "Not patched: " + sample.problem()));
                continue;
            }
            if (Boolean.FALSE.equals(sample.conditionMet())) {
                lines.add(new DiffLine(DiffLine.Kind.NOTE,
                        "Does not satisfy the condition: it would be left as it is."));
            }
            List<LineDiff.Row> rows = LineDiff.compare(pretty(sample.before()), pretty(sample.after()));
            boolean skipping = false;
            for (int i = 0; i < rows.size(); i++) {
                LineDiff.Row row = rows.get(i);
                if (row.kind() == LineDiff.Kind.SAME && !nearAChange(rows, i)) {
                    // unchanged lines away from a change fold into one "…": the change is what matters
                    if (!skipping) {
                        lines.add(new DiffLine(DiffLine.Kind.SAME, "  …"));
                    }
                    skipping = true;
                    continue;
                }
                skipping = false;
                switch (row.kind()) {
                    case SAME -> lines.add(new DiffLine(DiffLine.Kind.SAME, "  " + row.left()));
                    case REMOVED -> lines.add(new DiffLine(DiffLine.Kind.REMOVED, "- " + row.left()));
                    case ADDED -> lines.add(new DiffLine(DiffLine.Kind.ADDED, "+ " + row.right()));
                    case CHANGED -> {
                        lines.add(new DiffLine(DiffLine.Kind.REMOVED, "- " + row.left()));
                        lines.add(new DiffLine(DiffLine.Kind.ADDED, "+ " + row.right()));
                    }
                }
            }
        }
        sampleLines.setAll(lines);
    }

    /** Within {@value #CONTEXT} lines of a changed line. */
    private static boolean nearAChange(List<LineDiff.Row> rows, int index) {
        for (int i = Math.max(0, index - CONTEXT); i <= Math.min(rows.size() - 1, index + CONTEXT); i++) {
            if (rows.get(i).kind() != LineDiff.Kind.SAME) {
                return true;
            }
        }
        return false;
    }

    private static String pretty(ObjectNode item) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(
                    ItemContent.withoutSystemProperties(item));
        } catch (JsonProcessingException e) {
            return item.toString();
        }
    }

    private static String sentence(Throwable failure) {
        return failure instanceof CosmosDeskException cosmos ? cosmos.userMessage()
                : "The dry run stopped: " + failure.getMessage();
    }
}
