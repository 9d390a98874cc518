package io.cosmosdesk.patch;

import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Undo a patch…": the patches of one container whose journals the data folder keeps (also those of an earlier
 * run of the app, or one that stopped mid-job), and Undo of the one picked, as a Jobs-panel job conditional on the
 * ETags the patch left. FX thread.
 */
public final class PastPatchesViewModel {

    private final ContainerHandle handle;
    private final PatchJobs jobs;
    private final TaskRunner tasks;
    // Properties
    private final ObservableList<PastPatch> patches = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public PastPatchesViewModel(ContainerHandle handle, PatchJobs jobs, TaskRunner tasks) {
        this.handle = Objects.requireNonNull(handle);
        this.jobs = Objects.requireNonNull(jobs);
        this.tasks = Objects.requireNonNull(tasks);
    }

    public ContainerHandle handle() {
        return handle;
    }

    /** Newest first. */
    public ObservableList<PastPatch> patches() {
        return patches;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** What happened last, as a sentence; empty when nothing to say. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands

    /** Lists the journals of this container's patches (reading their headers off the FX thread). */
    public void load() {
        loading.set(true);
        tasks.start(BackgroundTask.of("Listing the patches of " + handle.ref(),
                context -> PatchJournals.of(jobs.service().folder(), handle))
                .onSuccess(found -> {
                    patches.setAll(found);
                    status.set(found.isEmpty() ? "No patch of " + handle.ref() + " is kept (journals are deleted "
                            + "after the journal retention set in Settings)." : "");
                })
                .onFailure(failure -> status.set("The patches could not be listed: " + failure.getMessage()))
                .onFinally(() -> loading.set(false)));
    }

    /**
     * Undoes {@code patch} as a job: each item gets its before-image back only if it still has the ETag the patch
     * left (an item changed since is reported, not overwritten). Refused on a read-only connection, with a sentence.
     */
    public void undo(PastPatch patch) {
        if (patch == null) {
            status.set("Pick the patch to undo.");
            return;
        }
        if (handle.connection().profile().readOnly()) {
            status.set("\"" + handle.connection().profile().name() + "\" is a read-only connection: a patch cannot "
                    + "be undone on it.");
            return;
        }
        status.set("Undoing the patch of " + patch.describe() + ": see the Jobs panel.");
        jobs.undo(handle, patch.journal(), report -> {
            status.set(report.summary("Restored"));
            load();
        }, sentence -> status.set("Undo failed: " + sentence));
    }

    /** The patches listed now (for tests). */
    List<PastPatch> listed() {
        return List.copyOf(patches);
    }
}
