package io.cosmosdesk.manage;

import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.jobs.JobHandle;
import io.cosmosdesk.jobs.JobOutcome;
import io.cosmosdesk.jobs.JobTracker;
import io.cosmosdesk.jobs.Jobs;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Deletes a database or a container (after its typed-name confirmation) as a job in the Jobs panel: its progress
 * (Azure Resource Manager's operation as it is polled) and a Cancel that stops the waiting. Neither plane can call a
 * delete back once it is sent, and the job says so. When the data plane refuses a Microsoft Entra ID token, Azure
 * Resource Manager is offered as for a create. FX thread.
 */
public final class ResourceDeletion {

    /** While a delete over the data plane runs: it is one request, gone once sent. */
    public static final String DATA_PLANE_SENT = "Sent over the data plane: a delete cannot be called back once"
            + " sent, so Cancel only stops the waiting.";

    /** A delete over the data plane whose waiting was cancelled. */
    public static final String DATA_PLANE_STOPPED = "Stopped waiting. The delete was already sent over the data"
            + " plane and cannot be called back: it may have been made. The tree is refreshed to show where it stands.";

    /** What happens once a delete ends; called on the FX thread. */
    public interface Outcome {
        /** It is gone. */
        void deleted();

        /** It failed (the job shows the sentence too); a not-found means someone else deleted it first. */
        void failed(Throwable failure);

        /** The user stopped the waiting: whether it was deleted is not known yet. */
        void stoppedWaiting();
    }

    private final ControlPlaneSwitch planes;
    private final TaskRunner tasks;
    private final JobTracker jobs;
    private final DialogService dialogs;

    public ResourceDeletion(ControlPlaneSwitch planes, TaskRunner tasks, JobTracker jobs, DialogService dialogs) {
        this.planes = planes;
        this.tasks = tasks;
        this.jobs = jobs;
        this.dialogs = dialogs;
    }

    public void deleteDatabase(CosmosConnection connection, String database, Outcome outcome) {
        delete("Delete database", "database " + database, connection,
                plane -> plane.deleteDatabase(connection, database), outcome,
                () -> deleteDatabase(connection, database, outcome));
    }

    public void deleteContainer(CosmosConnection connection, ContainerRef ref, Outcome outcome) {
        delete("Delete container", "container " + ref, connection,
                plane -> plane.deleteContainer(connection, ref), outcome,
                () -> deleteContainer(connection, ref, outcome));
    }

    private void delete(String title, String what, CosmosConnection connection, Consumer<ControlPlane> delete,
            Outcome outcome, Runnable again) {
        ControlPlane plane = planes.forConnection(connection);
        boolean resourceManager = planes.usesResourceManager(connection);
        AtomicReference<TaskHandle> task = new AtomicReference<>(TaskHandle.NONE);
        JobHandle job = jobs.trackInFront("Delete", what + " through " + plane.name(), () -> task.get().cancel());
        job.progress(-1, resourceManager ? "Asking Azure Resource Manager…" : DATA_PLANE_SENT);
        task.set(tasks.start(BackgroundTask.of("Deleting " + what + " through " + plane.name(), context -> {
            delete.accept(plane.reporting(context));
            return Boolean.TRUE;
        }).onProgress(job::progress).onSuccess(done -> {
            job.succeeded(new JobOutcome("Deleted " + what + ".", null));
            outcome.deleted();
        }).onFailure(failure -> {
            job.failed(Jobs.sentenceOf(failure), null);
            if (planes.canOffer(connection, failure) && dialogs.confirm(title, ControlPlaneSwitch.OFFER,
                    "Use Azure Resource Manager")) {
                planes.agree(connection);
                again.run();
            } else {
                outcome.failed(failure);
            }
        }).onCancelled(() -> {
            job.cancelled(resourceManager ? ArmOperations.STOPPED_WAITING : DATA_PLANE_STOPPED);
            outcome.stoppedWaiting();
        })));
    }
}
