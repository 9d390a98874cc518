package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.jobs.Job;
import io.cosmosdesk.jobs.JobState;
import io.cosmosdesk.jobs.Jobs;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ThreadedTaskRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Deleting a database or container as a job: progress, Cancel that says what it cannot undo, the Entra offer. */
class ResourceDeletionTest {

    private static final ContainerRef ORDERS = new ContainerRef("retail", "orders");
    private static final String WORKING = "Deleting: Azure Resource Manager is working on it (1 s)…";

    private final DialogService dialogs = mock(DialogService.class);
    private final CosmosConnection connection = mock(CosmosConnection.class);
    private final List<String> heard = new CopyOnWriteArrayList<>();

    ResourceDeletionTest() {
        when(connection.profile()).thenReturn(ConnectionProfile.create("Entra", AuthKind.ENTRA_ID,
                "https://example.documents.azure.com:443/"));
    }

    @Test
    void aDataPlaneDeleteIsAJobThatSaysItCannotBeCalledBackAndCancelOnlyStopsTheWaiting() throws Exception {
        WaitingPlane dataPlane = new WaitingPlane("the data plane", null, null);
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

            WaitingPlane.waitUntil(() -> tasks.onUiGet(job::state) == JobState.CANCELLED);
            assertThat(tasks.onUiGet(() -> job.statusProperty().get())).isEqualTo(ResourceDeletion.DATA_PLANE_STOPPED)
                    .contains("cannot be called back");
            assertThat(heard).containsExactly("stopped waiting");
            WaitingPlane.waitUntil(() -> dataPlane.sawCancel);
        }
    }

    @Test
    void aDeleteThatEndsIsShownDoneAndTheCallerHearsItIsGone() throws Exception {
        WaitingPlane dataPlane = new WaitingPlane("the data plane", null, null);
        dataPlane.finishAtOnce = true;
        try (ThreadedTaskRunner tasks = new ThreadedTaskRunner()) {
            Jobs jobs = tasks.onUiGet(() -> new Jobs(tasks));
            ResourceDeletion deletion = new ResourceDeletion(new ControlPlaneSwitch(dataPlane, null), tasks, jobs,
                    dialogs);
            tasks.onUi(() -> deletion.deleteDatabase(connection, "retail", outcome()));
            WaitingPlane.waitUntil(() -> heard.contains("deleted"));
            Job job = tasks.onUiGet(() -> jobs.jobs().get(0));
            assertThat(tasks.onUiGet(job::state)).isEqualTo(JobState.DONE);
            assertThat(tasks.onUiGet(() -> job.statusProperty().get())).isEqualTo("Deleted database retail.");
            assertThat(dataPlane.done).containsExactly("database retail");
        }
    }

    @Test
    void anEntraRefusalOffersResourceManagerWhoseProgressTheJobShowsAndCancelStopsTheWaiting() throws Exception {
        WaitingPlane dataPlane = new WaitingPlane("the data plane", null,
                new CosmosDeskException(ErrorKind.FORBIDDEN, ResourceAdmin.ENTRA_CONTROL_PLANE));
        WaitingPlane resourceManager = new WaitingPlane("Azure Resource Manager", WORKING, null);
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
            WaitingPlane.waitUntil(() -> WORKING.equals(tasks.onUiGet(() -> job.statusProperty().get())));

            tasks.onUi(job::cancel);

            WaitingPlane.waitUntil(() -> tasks.onUiGet(job::state) == JobState.CANCELLED);
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
}
