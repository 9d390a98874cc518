package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreateResourceViewModelTest {

    private static final String CREATING =
            "Creating the database orders: Azure Resource Manager is working on it (1 s)…";

    private final ResourceAdmin admin = mock(ResourceAdmin.class);
    private final ControlPlaneSwitch planes = new ControlPlaneSwitch(admin, null);
    private final io.cosmosdesk.ui.DialogService dialogs = mock(io.cosmosdesk.ui.DialogService.class);

    CreateResourceViewModelTest() {
        when(admin.reporting(any())).thenReturn(admin); // the data plane answers at once: no progress to report
    }
    private final CosmosConnection connection = mock(CosmosConnection.class);

    @Test
    void problemsFollowWhatIsTypedAndNothingIsSentWhileThereAreAny() {
        CreateResourceViewModel form = CreateResourceViewModel.forContainer(planes, dialogs, ImmediateTaskRunner.immediate(),
                connection, "retail");
        assertThat(form.problemsProperty().get()).contains("Give the container an id");
        form.idProperty().set("orders");
        form.keyLevel1Property().set("customerId");
        assertThat(form.problemsProperty().get()).contains("must start with /");
        form.keyLevel1Property().set("/customerId");
        form.requestUnitsProperty().set("350");
        assertThat(form.problemsProperty().get()).contains("starts at 400 RU/s");
        form.requestUnitsProperty().set("400");
        form.ttlModeProperty().set(CreateResourceViewModel.TtlMode.SECONDS);
        form.ttlSecondsProperty().set("a day");
        assertThat(form.problemsProperty().get()).contains("whole number of seconds");
        form.create(info -> { });
        verify(admin, never()).createContainer(any(), any());

        form.ttlSecondsProperty().set("86400");
        assertThat(form.problemsProperty().get()).isEmpty();
        ContainerSpec spec = form.spec();
        assertThat(spec.partitionKeyPaths()).containsExactly("/customerId");
        assertThat(spec.defaultTtlSeconds()).isEqualTo(86400);
        assertThat(spec.throughput()).isEqualTo(new Throughput.Manual(400));
    }

    @Test
    void aPastedIndexingPolicyIsCheckedWithTheSettingsPanesSentences() {
        CreateResourceViewModel form = CreateResourceViewModel.forContainer(planes, dialogs, ImmediateTaskRunner.immediate(),
                connection, "retail");
        form.idProperty().set("orders");
        form.keyLevel1Property().set("/customerId");
        form.requestUnitsProperty().set("400");
        form.indexingPolicyProperty().set("{\"indexingMode\": \"consistent\",\n  \"includedPaths\": [}");
        assertThat(form.problemsProperty().get()).contains("The indexing policy is not valid JSON (line 2, column");
        form.indexingPolicyProperty().set("[]");
        assertThat(form.problemsProperty().get()).contains("The indexing policy must be a JSON object");
        form.indexingPolicyProperty().set("{\"indexingMode\": \"lazy\"}");
        assertThat(form.problemsProperty().get()).contains(
                "indexingMode is \"consistent\" or \"none\" (lazy indexing is no longer offered).");
        form.indexingPolicyProperty().set("{\"excludedPaths\": [{\"path\": \"/payload\"}]}");
        assertThat(form.problemsProperty().get()).contains("The path \"/payload\" in excludedPaths must start with /"
                + " and end with /? (one value) or /* (everything below)");
        form.indexingPolicyProperty().set("{\"vectorIndexes\": []}");
        assertThat(form.problemsProperty().get()).contains("\"vectorIndexes\" is not something CosmosDesk can set");
        form.create(info -> { });
        verify(admin, never()).createContainer(any(), any());

        form.indexingPolicyProperty().set("{\"indexingMode\": \"consistent\", \"excludedPaths\": "
                + "[{\"path\": \"/payload/*\"}]}");
        assertThat(form.problemsProperty().get()).isEmpty();
    }

    @Test
    void aHierarchicalKeyAndUniqueKeysAreReadFromTheirFields() {
        CreateResourceViewModel form = CreateResourceViewModel.forContainer(planes, dialogs, ImmediateTaskRunner.immediate(),
                connection, "retail");
        form.idProperty().set("events");
        form.keyLevel1Property().set("/tenantId");
        form.keyLevel2Property().set(" /userId ");
        form.uniqueKeysProperty().set("/email\n\n/firstName, /lastName\n");
        ContainerSpec spec = form.spec();
        assertThat(spec.partitionKeyPaths()).containsExactly("/tenantId", "/userId");
        assertThat(spec.uniqueKeys()).containsExactly(List.of("/email"), List.of("/firstName", "/lastName"));
    }

    @Test
    void aFailedCreateKeepsEverythingTypedAndShowsTheSentence() {
        when(admin.createContainer(eq(connection), any())).thenThrow(new CosmosDeskException(ErrorKind.CONFLICT,
                "A container named \"orders\" already exists in retail."));
        CreateResourceViewModel form = CreateResourceViewModel.forContainer(planes, dialogs, ImmediateTaskRunner.immediate(),
                connection, "retail");
        form.idProperty().set("orders");
        form.keyLevel1Property().set("/customerId");
        form.indexingPolicyProperty().set("{\"indexingMode\": \"consistent\"}");
        List<ContainerInfo> created = new ArrayList<>();

        form.create(created::add);

        assertThat(created).isEmpty();
        assertThat(form.errorProperty().get()).isEqualTo("A container named \"orders\" already exists in retail.");
        assertThat(form.indexingPolicyProperty().get()).isEqualTo("{\"indexingMode\": \"consistent\"}");
        assertThat(form.busyProperty().get()).isFalse();

        when(admin.createContainer(eq(connection), any())).thenReturn(new ContainerInfo(
                new ContainerRef("retail", "orders2"), List.of("/customerId"), false, 400));
        form.idProperty().set("orders2");
        assertThat(form.errorProperty().get()).isEmpty();
        form.create(created::add);
        assertThat(created).extracting(info -> info.ref().containerId()).containsExactly("orders2");
    }

    @Test
    void aLongCreateShowsHowItIsGoingAndCancelStopsTheWaitingWithASentence() throws Exception {
        WaitingPlane slow = new WaitingPlane("Azure Resource Manager", CREATING, null);
        try (io.cosmosdesk.ui.ThreadedTaskRunner tasks = new io.cosmosdesk.ui.ThreadedTaskRunner()) {
            CreateResourceViewModel form = tasks.onUiGet(() -> CreateResourceViewModel.forDatabase(
                    new ControlPlaneSwitch(slow, null), dialogs, tasks, connection));
            tasks.onUi(() -> {
                form.idProperty().set("orders");
                form.create(info -> { });
            });
            assertThat(slow.started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            WaitingPlane.waitUntil(() -> tasks.onUiGet(() -> form.progressProperty().get()).equals(CREATING));
            assertThat(tasks.onUiGet(() -> form.busyProperty().get())).isTrue();

            tasks.onUi(form::cancel);

            WaitingPlane.waitUntil(() -> !tasks.onUiGet(() -> form.busyProperty().get()));
            assertThat(tasks.onUiGet(() -> form.errorProperty().get())).isEqualTo(ArmOperations.STOPPED_WAITING);
            assertThat(tasks.onUiGet(() -> form.progressProperty().get())).isEmpty();
            assertThat(tasks.onUiGet(() -> form.idProperty().get())).isEqualTo("orders");
            // the form lets go at once; the plane's own wait notices the cancellation on its thread
            WaitingPlane.waitUntil(() -> slow.sawCancel);
        }
    }
}
