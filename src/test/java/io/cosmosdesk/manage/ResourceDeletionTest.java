package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.jobs.Job;
import io.cosmosdesk.jobs.JobState;
import io.cosmosdesk.jobs.Jobs;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskContext;
import io.cosmosdesk.ui.ThreadedTaskRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Deleting a database or container as a job: progress, Cancel that says what it cannot undo, the Entra offer. */
class ResourceDeletionTest {

    private static final ContainerRef ORDERS = new ContainerRef("retail", "orders");

    private final DialogService dialogs = mock(DialogService.class);
    private final CosmosConnection connection = mock(CosmosConnection.class);
    private final List<String> heard = new CopyOnWriteArrayList<>();

    ResourceDeletionTest() {
        when(connection.profile()).thenReturn(ConnectionProfile.create("Entra", AuthKind.ENTRA_ID,
                "https://example.documents.azure.com:443/"));
    }

    @Test
    void aDataPlaneDeleteIsAJobThatSaysItCannotBeCalledBackAndCancelOnlyStopsTheWaiting() throws Exception {
        DeletePlane dataPlane = new DeletePlane("the data plane", null);
        try (ThreadedTaskRunner tasks = new ThreadedTaskRunner()) {
            Jobs jobs = tasks.onUiGet(() -> new Jobs(tasks));
            ResourceDeletion deletion = new ResourceDeletion(new ControlPlaneSwitch(dataPlane, null), tasks, jobs,
                    dialogs);
            tasks.onUi(() -> deletion.deleteContainer(connection, ORDERS, outcome()));
            assertThat(dataPlane.started.await(10, TimeUnit.SECONDS)).isTrue();
            Job job = tasks.onUiGet(() -> jobs.jobs().get(0));
            assertThat(job.kind()).isEqualTo("Delete");
            assertThat(job.title()).isEqualTo("container retail/orders through the data plane");
            assertThat(tasks.onUiGet(() -> job.statusProperty().get())).isEqualTo(ResourceDeletion.DATA_PLANE_SENT);

            tasks.onUi(job::cancel);

            waitUntil(() -> tasks.onUiGet(job::state) == JobState.CANCELLED);
            assertThat(tasks.onUiGet(() -> job.statusProperty().get())).isEqualTo(ResourceDeletion.DATA_PLANE_STOPPED)
                    .contains("cannot be called back");
            assertThat(heard).containsExactly("stopped waiting");
            waitUntil(() -> dataPlane.sawCancel);
        }
    }

    @Test
    void aDeleteThatEndsIsShownDoneAndTheCallerHearsItIsGone() throws Exception {
        DeletePlane dataPlane = new DeletePlane("the data plane", null);
        dataPlane.finishAtOnce = true;
        try (ThreadedTaskRunner tasks = new ThreadedTaskRunner()) {
            Jobs jobs = tasks.onUiGet(() -> new Jobs(tasks));
            ResourceDeletion deletion = new ResourceDeletion(new ControlPlaneSwitch(dataPlane, null), tasks, jobs,
                    dialogs);
            tasks.onUi(() -> deletion.deleteDatabase(connection, "retail", outcome()));
            waitUntil(() -> heard.contains("deleted"));
            Job job = tasks.onUiGet(() -> jobs.jobs().get(0));
            assertThat(tasks.onUiGet(job::state)).isEqualTo(JobState.DONE);
            assertThat(tasks.onUiGet(() -> job.statusProperty().get())).isEqualTo("Deleted database retail.");
            assertThat(dataPlane.deleted).containsExactly("database retail");
        }
    }

    @Test
    void anEntraRefusalOffersResourceManagerWhoseProgressTheJobShowsAndCancelStopsTheWaiting() throws Exception {
        DeletePlane dataPlane = new DeletePlane("the data plane",
                new CosmosDeskException(ErrorKind.FORBIDDEN, ResourceAdmin.ENTRA_CONTROL_PLANE));
        DeletePlane resourceManager = new DeletePlane("Azure Resource Manager", null);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        ControlPlaneSwitch planes = new ControlPlaneSwitch(dataPlane, resourceManager);
        try (ThreadedTaskRunner tasks = new ThreadedTaskRunner()) {
            Jobs jobs = tasks.onUiGet(() -> new Jobs(tasks));
            ResourceDeletion deletion = new ResourceDeletion(planes, tasks, jobs, dialogs);
            tasks.onUi(() -> deletion.deleteContainer(connection, ORDERS, outcome()));
            assertThat(resourceManager.started.await(10, TimeUnit.SECONDS)).isTrue();
            verify(dialogs).confirm("Delete container", ControlPlaneSwitch.OFFER, "Use Azure Resource Manager");
            Job refused = tasks.onUiGet(() -> jobs.jobs().get(1));
            assertThat(tasks.onUiGet(refused::state)).isEqualTo(JobState.FAILED);
            Job job = tasks.onUiGet(() -> jobs.jobs().get(0));
            assertThat(job.title()).isEqualTo("container retail/orders through Azure Resource Manager");
            waitUntil(() -> DeletePlane.WORKING.equals(tasks.onUiGet(() -> job.statusProperty().get())));

            tasks.onUi(job::cancel);

            waitUntil(() -> tasks.onUiGet(job::state) == JobState.CANCELLED);
            assertThat(tasks.onUiGet(() -> job.statusProperty().get())).isEqualTo(ArmOperations.STOPPED_WAITING);
            assertThat(heard).containsExactly("stopped waiting");
        }
    }

    private ResourceDeletion.Outcome outcome() {
        return new ResourceDeletion.Outcome() {
            @Override
            public void deleted() {
                heard.add("deleted");
            }

            @Override
            public void failed(Throwable failure) {
                heard.add("failed: " + failure.getMessage());
            }

            @Override
            public void stoppedWaiting() {
                heard.add("stopped waiting");
            }
        };
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition reached in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Deletes that run until cancelled (telling the task as they wait), refuse, or finish at once. */
    private static final class DeletePlane implements ControlPlane {
        static final String WORKING = "Deleting: Azure Resource Manager is working on it (1 s)…";
        final CountDownLatch started = new CountDownLatch(1);
        final List<String> deleted = new CopyOnWriteArrayList<>();
        final String name;
        final CosmosDeskException refusal;
        volatile boolean finishAtOnce;
        volatile boolean sawCancel;
        private TaskContext context;

        DeletePlane(String name, CosmosDeskException refusal) {
            this.name = name;
            this.refusal = refusal;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public ControlPlane reporting(TaskContext taskContext) {
            this.context = taskContext;
            return this;
        }

        private void delete(String what) {
            if (refusal != null) {
                throw refusal;
            }
            if (finishAtOnce) {
                deleted.add(what);
                return;
            }
            if (name.contains("Resource Manager")) {
                context.progress(-1, WORKING);
            }
            started.countDown();
            while (!context.isCancelled()) {
                Thread.onSpinWait();
            }
            sawCancel = true;
            throw new CosmosDeskException(ErrorKind.CANCELLED, ArmOperations.STOPPED_WAITING);
        }

        @Override
        public void deleteDatabase(CosmosConnection connection, String id) {
            delete("database " + id);
        }

        @Override
        public void deleteContainer(CosmosConnection connection, ContainerRef ref) {
            delete("container " + ref);
        }

        @Override
        public void createDatabase(CosmosConnection connection, String id, Throughput throughput) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ContainerInfo createContainer(CosmosConnection connection, ContainerSpec spec) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replaceSettings(CosmosConnection connection, ContainerRef ref, String etag,
                SettingsChange change) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replaceThroughput(CosmosConnection connection, ContainerRef ref, Throughput expected,
                Throughput throughput) {
            throw new UnsupportedOperationException();
        }
    }
}
