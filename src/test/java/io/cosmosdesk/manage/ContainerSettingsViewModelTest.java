package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.manage.CreateResourceViewModel.TtlMode;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class ContainerSettingsViewModelTest {

    private static final ContainerRef REF = new ContainerRef("retail", "orders");
    private static final String POLICY = "{\n  \"indexingMode\" : \"consistent\",\n  \"automatic\" : true,\n"
            + "  \"includedPaths\" : [ {\n    \"path\" : \"/*\"\n  } ],\n  \"excludedPaths\" : [ ]\n}";

    private final ContainerSettingsService service = mock(ContainerSettingsService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final CosmosConnection connection = mock(CosmosConnection.class);
    private final ControlPlaneSwitch controlPlanes = new ControlPlaneSwitch(new ResourceAdmin(), null);
    private final List<Duration> waits = new ArrayList<>();
    private ContainerSettingsViewModel form;

    private static ContainerSettings settings(String etag, Integer ttl, String policy, Throughput throughput,
            long progress) {
        return new ContainerSettings(REF, etag, List.of("/customerId"), false, List.of(List.of("/email")),
                "Last writer wins, by /_ts", ttl, policy, "[ ]", throughput, null, progress);
    }

    @BeforeEach
    void setUp() {
        when(connection.profile()).thenReturn(ConnectionProfile.create("Local", AuthKind.EMULATOR,
                "https://localhost:8081"));
        when(service.controlPlanes()).thenReturn(controlPlanes);
        when(service.read(any())).thenReturn(settings("\"e1\"", null, POLICY, new Throughput.Manual(400), 100));
        form = new ContainerSettingsViewModel(new ContainerHandle(connection, new ContainerInfo(REF,
                List.of("/customerId"), false, 400)), service, ImmediateTaskRunner.immediate(), dialogs, waits::add);
        form.load();
    }

    @Test
    void fieldsShowWhatWasReadAndNothingIsDirty() {
        assertThat(form.requestUnitsProperty().get()).isEqualTo("400");
        assertThat(form.ttlModeProperty().get()).isEqualTo(TtlMode.OFF);
        assertThat(form.indexingPolicyProperty().get()).isEqualTo(POLICY);
        assertThat(form.isDirty()).isFalse();
        assertThat(form.problemsProperty().getValue()).isEmpty();
    }

    @Test
    void aSwitchOfModeIsRefusedWithTheSentenceWhereOnlyTheDataPlaneCanBeUsed() {
        form.throughputModeProperty().set(ThroughputInput.Mode.AUTOSCALE);
        form.requestUnitsProperty().set("4000");
        assertThat(form.problemsProperty().getValue()).isEqualTo(ResourceAdmin.MODE_SWITCH);
        form.throughputModeProperty().set(ThroughputInput.Mode.MANUAL);
        form.requestUnitsProperty().set("400");
        assertThat(form.problemsProperty().getValue()).isEmpty();
        assertThat(form.isDirty()).isFalse();
    }

    @Test
    void aSwitchOfModeGoesToResourceManagerAsAMigrationAndTheReviewSaysHowItIsMade() {
        when(connection.profile()).thenReturn(ConnectionProfile.create("Entra", AuthKind.ENTRA_ID,
                "https://example.documents.azure.com:443/"));
        ControlPlaneSwitch withResourceManager = new ControlPlaneSwitch(new ResourceAdmin(), mock(ControlPlane.class));
        when(service.controlPlanes()).thenReturn(withResourceManager);

        form.throughputModeProperty().set(ThroughputInput.Mode.AUTOSCALE);
        form.requestUnitsProperty().set("4000");

        assertThat(form.problemsProperty().getValue()).isEmpty();
        assertThat(form.change().throughput()).isEqualTo(new Throughput.Autoscale(4000));
        assertThat(form.planeNote()).isEqualTo(ContainerSettingsViewModel.MIGRATION);
        withResourceManager.agree(connection);
        assertThat(form.planeNote()).isEqualTo(ContainerSettingsViewModel.MIGRATION + " "
                + ContainerSettingsViewModel.NO_IF_MATCH);
    }

    @Test
    void problemsUseTheCreateDialogsSentencesAndBlockTheReview() {
        form.requestUnitsProperty().set("450");
        assertThat(form.problemsProperty().getValue()).contains("steps of 100 RU/s (e.g. 500)");
        form.requestUnitsProperty().set("400");
        form.ttlModeProperty().set(TtlMode.SECONDS);
        form.ttlSecondsProperty().set("a day");
        assertThat(form.problemsProperty().getValue()).contains("whole number of seconds");
        form.ttlSecondsProperty().set("86400");
        form.indexingPolicyProperty().set("{\n  \"indexingMode\": \"consistent\",\n  \"includedPaths\": [\n}");
        assertThat(form.problemsProperty().getValue()).isEqualTo("The indexing policy is not valid JSON (line 4,"
                + " column 1): Unexpected close marker '}': expected ']'");
        form.computedPropertiesProperty().set("[{\"name\": \"id\", \"query\": \"SELECT VALUE 1 FROM c\"}]");
        form.review();
        assertThat(form.reviewProperty().get()).isNull();
        form.apply();
        verify(service, never()).apply(any(), any(), any(), any());
        form.indexingPolicyProperty().set(POLICY);
        assertThat(form.problemsProperty().getValue()).contains("\"id\" is a system property name");
    }

    @Test
    void reviewShowsTheDiffAndApplySendsTheChangeWithWhatWasRead() {
        form.ttlModeProperty().set(TtlMode.SECONDS);
        form.ttlSecondsProperty().set("3600");
        form.indexingPolicyProperty().set(POLICY.replace("\"excludedPaths\" : [ ]",
                "\"excludedPaths\" : [ { \"path\" : \"/big/*\" } ]"));
        assertThat(form.isDirty()).isTrue();
        form.apply();
        verify(service, never()).apply(any(), any(), any(), any());

        form.review();
        ContainerSettingsViewModel.Review review = form.reviewProperty().get();
        assertThat(review.before()).contains("Time to live: off");
        assertThat(review.after()).contains("Time to live: 3,600 seconds").contains("/big/*");
        assertThat(review.changedLines()).isGreaterThan(1);

        when(service.apply(any(), any(), any(), any())).thenReturn(settings("\"e2\"", 3600, POLICY, new Throughput.Manual(400),
                40));
        when(service.indexTransformationProgress(any())).thenReturn(70L, 100L);
        form.apply();

        ArgumentCaptor<SettingsChange> change = ArgumentCaptor.forClass(SettingsChange.class);
        ArgumentCaptor<ContainerSettings> before = ArgumentCaptor.forClass(ContainerSettings.class);
        verify(service).apply(any(), before.capture(), change.capture(), any());
        assertThat(before.getValue().etag()).isEqualTo("\"e1\"");
        assertThat(change.getValue().defaultTtlSeconds()).isEqualTo(3600);
        assertThat(change.getValue().indexingPolicyJson()).contains("/big/*");
        assertThat(form.statusProperty().get()).isEqualTo("Applied through the data plane.");
        assertThat(form.reviewProperty().get()).isNull();
        // the index transformation is followed until the service says 100
        assertThat(form.indexProgressProperty().get()).isEqualTo(100);
        assertThat(waits).hasSize(2);
        assertThat(form.loadedProperty().get().etag()).isEqualTo("\"e2\"");
    }

    @Test
    void anEditAfterTheReviewNeedsAnotherReview() {
        form.ttlModeProperty().set(TtlMode.ON_NO_DEFAULT);
        form.review();
        assertThat(form.reviewProperty().get()).isNotNull();
        form.requestUnitsProperty().set("500");
        assertThat(form.reviewProperty().get()).isNull();
    }

    @Test
    void aChangeMadeElsewhereIsShownAndWhatWasTypedIsKept() {
        when(service.apply(any(), any(), any(), any())).thenThrow(new CosmosDeskException(
                ErrorKind.CHANGED_BY_SOMEONE_ELSE, ResourceAdmin.CHANGED_ELSEWHERE));
        form.ttlModeProperty().set(TtlMode.SECONDS);
        form.ttlSecondsProperty().set("60");
        form.review();
        form.apply();
        assertThat(form.errorProperty().get()).isEqualTo(ResourceAdmin.CHANGED_ELSEWHERE);
        assertThat(form.ttlSecondsProperty().get()).isEqualTo("60");
        assertThat(form.isDirty()).isTrue();
        assertThat(form.busyProperty().get()).isFalse();
    }

    @Test
    void aContainerDeletedElsewhereFreezesThePane() {
        when(service.apply(any(), any(), any(), any())).thenThrow(new CosmosDeskException(ErrorKind.NOT_FOUND));
        form.ttlModeProperty().set(TtlMode.ON_NO_DEFAULT);
        form.review();
        form.apply();
        assertThat(form.goneProperty().get()).isTrue();
        assertThat(form.errorProperty().get()).contains("no longer exists");
    }

    @Test
    void closingWithUnappliedEditsAsksAndKeepsThemWhenTheUserSaysNo() {
        assertThat(form.confirmClose()).isTrue();
        form.ttlModeProperty().set(TtlMode.ON_NO_DEFAULT);
        when(dialogs.confirm(anyString(), anyString(), eq("Discard"), anyBoolean())).thenReturn(false);
        assertThat(form.confirmClose()).isFalse();
        verify(dialogs).confirm(eq("Unapplied settings"), anyString(), eq("Discard"), eq(true));
    }
}
