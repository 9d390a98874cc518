package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MoveDialogViewModelTest {

    private final MoveService service = mock(MoveService.class);
    private final ImmediateTaskRunner tasks = ImmediateTaskRunner.immediate();
    private final List<MoveSource> sources = List.of(MoveSource.ref("a", PartitionKeyValue.of("p1")),
            MoveSource.ref("b", PartitionKeyValue.of("p2")));

    @TempDir
    Path folder;

    private static ContainerHandle handle(boolean readOnly, String... paths) {
        CosmosConnection connection = mock(CosmosConnection.class);
        when(connection.profile()).thenReturn(ConnectionProfile.create("Orders", AuthKind.EMULATOR,
                "https://localhost:8081").withReadOnly(readOnly));
        return new ContainerHandle(connection, new ContainerInfo(new ContainerRef("shop", "orders"), List.of(paths),
                paths.length > 1, null));
    }

    private static MoveReport report(MoveReport.Status status, MoveOutcome... outcomes) {
        List<MoveReport.ItemResult> items = new java.util.ArrayList<>();
        for (int i = 0; i < outcomes.length; i++) {
            items.add(new MoveReport.ItemResult("id-" + i, "\"p1\"", "\"t\"", outcomes[i], ""));
        }
        return new MoveReport("job", status, "Done.", items, Duration.ofSeconds(2), 10, Path.of("job.jsonl"));
    }

    @Test
    void typedTargetsPerLevel() {
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle(false, "/pk"), sources);
        TargetLevel level = vm.levels().get(0);
        assertThat(level.allowedKinds()).contains(TargetLevel.Kind.MISSING, TargetLevel.Kind.NULL);

        level.textProperty().set("42");
        level.kindProperty().set(TargetLevel.Kind.NUMBER);
        assertThat(vm.target()).isEqualTo(MoveTarget.of(PartitionKeyValue.of(42L)));
        level.kindProperty().set(TargetLevel.Kind.STRING);
        assertThat(vm.target()).isEqualTo(MoveTarget.of(PartitionKeyValue.of("42")));
        level.kindProperty().set(TargetLevel.Kind.MISSING);
        assertThat(vm.target()).isEqualTo(MoveTarget.of(PartitionKeyValue.of(PartitionKeyValue.MISSING)));
        level.kindProperty().set(TargetLevel.Kind.BOOLEAN);
        level.textProperty().set("yes");
        vm.preview();
        assertThat(vm.errorMessageProperty().get()).contains("true or false");

        MoveDialogViewModel hierarchical = new MoveDialogViewModel(service, tasks, handle(false, "/t", "/r"), sources);
        assertThat(hierarchical.levels()).hasSize(2);
        assertThat(hierarchical.levels().get(0).allowedKinds()).doesNotContain(TargetLevel.Kind.MISSING,
                TargetLevel.Kind.NULL);
    }

    @Test
    void aHierarchicalTargetKeepsEveryLevelUntilTheUserTypesAndMoveWaitsForAPreview() {
        List<MoveSource> fromOneKey = List.of(
                new MoveSource("a", PartitionKeyValue.of("acme", "r1"), "\"e1\"", null),
                new MoveSource("b", PartitionKeyValue.of("acme", "r1"), "\"e2\"", null));
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle(false, "/t", "/r"), fromOneKey);
        assertThat(vm.levels()).extracting(level -> level.kindProperty().get())
                .containsExactly(TargetLevel.Kind.KEEP, TargetLevel.Kind.KEEP);
        assertThat(vm.levels()).extracting(TargetLevel::keepHint).containsExactly("keep \"acme\"", "keep \"r1\"");
        assertThat(vm.levels().get(1).suggestions()).containsExactly("r1");
        assertThat(vm.title()).isEqualTo("Move 2 items from \"acme\" › \"r1\" to another partition key value");
        assertThat(vm.previewTextProperty().get()).isEqualTo(MoveDialogViewModel.PREVIEW_HINT);
        assertThat(vm.canRunBinding().get()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(vm::target).hasMessageContaining("at least one level");
        vm.preview();
        verify(service, never()).previewMoveTo(any(), anyList(), any());

        vm.levels().get(1).textProperty().set("r2");
        assertThat(vm.levels().get(1).kindProperty().get()).as("typing replaces keep").isEqualTo(TargetLevel.Kind.STRING);
        assertThat(vm.target()).isEqualTo(MoveTarget.ofLevels(MoveTarget.KEEP, "r2"));

        List<MoveSource> fromTwoKeys = List.of(fromOneKey.get(0),
                new MoveSource("c", PartitionKeyValue.of("acme", "r2"), "\"e3\"", null));
        MoveDialogViewModel mixed = new MoveDialogViewModel(service, tasks, handle(false, "/t", "/r"), fromTwoKeys);
        assertThat(mixed.levels().get(1).keepHint()).isEqualTo("keep each item's own (2 values)");
        assertThat(mixed.levels().get(1).suggestions()).containsExactly("r1", "r2");
        assertThat(mixed.title()).isEqualTo("Move 2 items from 2 partition key values to another partition key value");
    }

    @Test
    void keptLevelsResolvePerItemInThePreviewAndTheMove() {
        List<MoveSource> twoDays = List.of(
                new MoveSource("a", PartitionKeyValue.of("contoso", "dev-1", "2024-01-01"), "\"e1\"", null),
                new MoveSource("b", PartitionKeyValue.of("contoso", "dev-1", "2024-01-02"), "\"e2\"", null),
                new MoveSource("c", PartitionKeyValue.of("contoso", "dev-2", "2024-01-02"), "\"e3\"", null));
        ContainerHandle handle = handle(false, "/tenantId", "/deviceId", "/day");
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, twoDays);
        vm.levels().get(1).textProperty().set("dev-9");
        MoveTarget target = MoveTarget.ofLevels(MoveTarget.KEEP, "dev-9", MoveTarget.KEEP);
        when(service.previewMoveTo(handle, twoDays, target)).thenReturn(new MovePreview(3, 0, List.of(), 30));

        vm.preview();
        assertThat(vm.previewTextProperty().get()).contains("3 items to move to (each item's own /tenantId) › "
                + "\"dev-9\" › (each item's own /day)");
        assertThat(vm.previewLines()).containsExactly(
                "a   \"contoso\" › \"dev-1\" › \"2024-01-01\" → \"contoso\" › \"dev-9\" › \"2024-01-01\"",
                "b   \"contoso\" › \"dev-1\" › \"2024-01-02\" → \"contoso\" › \"dev-9\" › \"2024-01-02\"",
                "c   \"contoso\" › \"dev-2\" › \"2024-01-02\" → \"contoso\" › \"dev-9\" › \"2024-01-02\"");
        when(service.moveItemsTo(eq(handle), eq(twoDays), eq(target), any()))
                .thenReturn(report(MoveReport.Status.COMPLETED, MoveOutcome.MOVED, MoveOutcome.MOVED, MoveOutcome.MOVED));
        vm.run();
        verify(service).moveItemsTo(eq(handle), eq(twoDays), eq(target), any());
        assertThat(vm.result().targetFor(twoDays.get(0).partitionKey()))
                .isEqualTo(PartitionKeyValue.of("contoso", "dev-9", "2024-01-01"));
    }

    @Test
    void suggestionsAddTheContainersValuesAfterTheSelections() {
        ContainerHandle handle = handle(false, "/tenantId", "/deviceId");
        List<MoveSource> one = List.of(new MoveSource("a", PartitionKeyValue.of("contoso", "dev-1"), "\"e\"", null));
        when(service.suggestTargetValues(handle, "/deviceId", TargetLevel.MAX_SUGGESTIONS))
                .thenReturn(List.of("dev-1", "dev-2", "dev-3"));
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, one);
        vm.loadSuggestions();
        assertThat(vm.levels().get(1).suggestions()).containsExactly("dev-1", "dev-2", "dev-3");
        vm.levels().get(1).choose("dev-3");
        assertThat(vm.target()).isEqualTo(MoveTarget.ofLevels(MoveTarget.KEEP, "dev-3"));
    }

    @Test
    void aBlankTextLevelIsRefusedNotTakenAsTheEmptyString() {
        List<MoveSource> mixed = List.of(
                new MoveSource("a", PartitionKeyValue.of("contoso", "dev-1", "2024-01-01"), "\"e1\"", null),
                new MoveSource("b", PartitionKeyValue.of("contoso", "dev-2", "2024-01-02"), "\"e2\"", null));
        ContainerHandle handle = handle(false, "/tenantId", "/deviceId", "/day");
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, mixed);
        vm.levels().get(0).textProperty().set("fabrikam");
        // Text chosen for a level and left blank: refused, never taken as "" nor as keep
        vm.levels().get(1).kindProperty().set(TargetLevel.Kind.STRING);
        vm.levels().get(2).kindProperty().set(TargetLevel.Kind.STRING);

        vm.preview();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Type a value for /deviceId, or choose \"Keep each "
                + "item's own\" to leave it as it is (a blank is not \"keep\"; choose \"Empty text\" to set \"\").");
        verify(service, never()).previewMove(any(), anyList(), any());
        assertThat(vm.canRunBinding().get()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(vm::target)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/deviceId");

        vm.levels().get(1).textProperty().set("   ");
        org.assertj.core.api.Assertions.assertThatThrownBy(vm::target).hasMessageContaining("/deviceId");
        vm.levels().get(1).textProperty().set("dev-9");
        org.assertj.core.api.Assertions.assertThatThrownBy(vm::target).hasMessageContaining("/day");

        // the empty string stays possible, but only as an explicit choice
        vm.levels().get(2).kindProperty().set(TargetLevel.Kind.EMPTY_STRING);
        assertThat(vm.target()).isEqualTo(MoveTarget.of(PartitionKeyValue.of("fabrikam", "dev-9", "")));
        assertThat(vm.levels().get(0).allowedKinds()).contains(TargetLevel.Kind.EMPTY_STRING);

        MoveDialogViewModel single = new MoveDialogViewModel(service, tasks, handle(false, "/pk"), sources);
        org.assertj.core.api.Assertions.assertThatThrownBy(single::target).hasMessageContaining("Type a value for /pk");
        // an existing "" is shown as the explicit choice
        MoveDialogViewModel fromEmpty = new MoveDialogViewModel(service, tasks, handle(false, "/t", "/r"),
                List.of(new MoveSource("a", PartitionKeyValue.of("acme", ""), "\"e\"", null)));
        fromEmpty.showTarget(PartitionKeyValue.of("acme", ""));
        assertThat(fromEmpty.levels().get(1).kindProperty().get()).isEqualTo(TargetLevel.Kind.EMPTY_STRING);
        assertThat(fromEmpty.target()).isEqualTo(MoveTarget.of(PartitionKeyValue.of("acme", "")));
    }

    @Test
    void previewThenRunShowsTheReport() {
        ContainerHandle handle = handle(false, "/pk");
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, sources);
        vm.levels().get(0).textProperty().set("t");
        when(service.previewMoveTo(handle, sources, MoveTarget.of(PartitionKeyValue.of("t"))))
                .thenReturn(new MovePreview(2, 0, List.of("b"), 22));
        assertThat(vm.canRunBinding().get()).isFalse();

        vm.preview();
        assertThat(vm.previewTextProperty().get()).contains("2 items to move", "1 id is already in the target", "b", "22 RU");
        assertThat(vm.canRunBinding().get()).isTrue();
        assertThat(vm.previewLines()).containsExactly(
                "a   " + sources.get(0).partitionKey().display() + " → \"t\"",
                "b   " + sources.get(1).partitionKey().display() + " → \"t\"   (the id exists there: conflict, left as it is)");
        vm.levels().get(0).textProperty().set("u");
        assertThat(vm.previewLines()).as("a changed target needs a new preview").isEmpty();
        vm.levels().get(0).textProperty().set("t");
        vm.preview();

        when(service.moveItemsTo(eq(handle), eq(sources), eq(MoveTarget.of(PartitionKeyValue.of("t"))), any())).thenAnswer(call -> {
            MoveControl control = call.getArgument(3);
            control.report(new MoveProgress(2, 1, 1, 0, 0, 0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), ""));
            return report(MoveReport.Status.COMPLETED, MoveOutcome.MOVED, MoveOutcome.CONFLICT);
        });
        List<String> etas = new ArrayList<>();
        vm.etaTextProperty().addListener((obs, old, eta) -> etas.add(eta));
        assertThat(vm.result().jobRan()).as("closing now moves nothing: the grid keeps its selection").isFalse();
        vm.run();
        assertThat(vm.result().jobRan()).isTrue();
        assertThat(vm.reportProperty().get().moved()).isEqualTo(1);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.countsTextProperty().get()).contains("1 of 2", "1 moved");
        assertThat(etas).as("shown while running, gone once done").first().asString().contains("1 s");
        assertThat(vm.etaTextProperty().get()).isEmpty();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.canRunBinding().get()).as("a job runs once").isFalse();
    }

    @Test
    void aPreviewSaysItIsReadingWhileItReadsAndNothingOnceDone() {
        ContainerHandle handle = handle(false, "/pk");
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, sources);
        vm.levels().get(0).textProperty().set("t");
        List<String> whileReading = new ArrayList<>();
        when(service.previewMoveTo(any(), anyList(), any())).thenAnswer(call -> {
            whileReading.add(vm.statusTextProperty().get());
            return new MovePreview(2, 0, List.of(), 4);
        });

        vm.preview();

        assertThat(whileReading).containsExactly("Reading the items for the preview…");
        assertThat(vm.statusTextProperty().get()).isEmpty();
    }

    @Test
    void editingTheTargetInvalidatesThePreview() {
        ContainerHandle handle = handle(false, "/pk");
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, sources);
        vm.levels().get(0).textProperty().set("t");
        when(service.previewMoveTo(any(), anyList(), any())).thenReturn(new MovePreview(2, 0, List.of(), 4));
        vm.preview();
        assertThat(vm.canRunBinding().get()).isTrue();
        vm.levels().get(0).textProperty().set("other");
        assertThat(vm.canRunBinding().get()).isFalse();
        assertThat(vm.previewProperty().get()).isNull();
    }

    @Test
    void cancelAsksTheRunningJobToStop() {
        ContainerHandle handle = handle(false, "/pk");
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, sources);
        vm.levels().get(0).textProperty().set("t");
        when(service.previewMoveTo(any(), anyList(), any())).thenReturn(new MovePreview(2, 0, List.of(), 4));
        vm.preview();
        when(service.moveItemsTo(any(), anyList(), any(), any())).thenAnswer(call -> {
            vm.cancel(); // the user presses Cancel while the job runs
            MoveControl control = call.getArgument(3);
            assertThat(control.isCancelRequested()).isTrue();
            return report(MoveReport.Status.CANCELLED, MoveOutcome.MOVED, MoveOutcome.NOT_STARTED);
        });
        vm.run();
        assertThat(vm.cancelRequestedProperty().get()).isTrue();
        assertThat(vm.reportProperty().get().status()).isEqualTo(MoveReport.Status.CANCELLED);
    }

    @Test
    void aRunIsListedInTheJobsPanelWithItsProgressOutcomeAndJournalAndItsCancelStopsTheJob() {
        ContainerHandle handle = handle(false, "/pk");
        io.cosmosdesk.jobs.Jobs jobs = new io.cosmosdesk.jobs.Jobs(tasks);
        List<String> statuses = new ArrayList<>();
        jobs.onJobTracked(job -> job.statusProperty().addListener((o, a, now) -> statuses.add(now)));
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, sources);
        vm.reportTo(jobs);
        vm.levels().get(0).textProperty().set("t");
        when(service.previewMoveTo(any(), anyList(), any())).thenReturn(new MovePreview(2, 0, List.of(), 4));
        vm.preview();
        when(service.moveItemsTo(any(), anyList(), any(), any())).thenAnswer(call -> {
            MoveControl control = call.getArgument(3);
            control.report(new MoveProgress(2, 1, 1, 0, 0, 0, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), ""));
            jobs.jobs().get(0).cancel(); // Cancel in the Jobs panel while the job runs
            assertThat(control.isCancelRequested()).isTrue();
            return report(MoveReport.Status.CANCELLED, MoveOutcome.MOVED, MoveOutcome.NOT_STARTED);
        });
        vm.run();

        io.cosmosdesk.jobs.Job job = jobs.jobs().get(0);
        assertThat(job.kind()).isEqualTo("Move");
        assertThat(job.title()).isEqualTo("2 items of " + handle + " → \"t\"");
        assertThat(statuses).first().asString().contains("1 of 2", "1 moved", "About 1 s left");
        assertThat(job.state()).isEqualTo(io.cosmosdesk.jobs.JobState.CANCELLED);
        assertThat(job.statusProperty().get()).isEqualTo("Done.");

        MoveDialogViewModel again = new MoveDialogViewModel(service, tasks, handle, sources);
        again.reportTo(jobs);
        again.levels().get(0).textProperty().set("t");
        again.preview();
        org.mockito.Mockito.doReturn(report(MoveReport.Status.COMPLETED, MoveOutcome.MOVED, MoveOutcome.MOVED))
                .when(service).moveItemsTo(any(), anyList(), any(), any());
        again.run();
        assertThat(jobs.jobs().get(0).state()).isEqualTo(io.cosmosdesk.jobs.JobState.DONE);
        assertThat(jobs.jobs().get(0).fileProperty().get()).as("the journal: every item's outcome")
                .isEqualTo(Path.of("job.jsonl"));
    }

    @Test
    void theEditorsItemMovesAsEdited() {
        ContainerHandle handle = handle(false, "/pk");
        ObjectNode edited = JsonNodeFactory.instance.objectNode().put("id", "a").put("pk", "new");
        MoveSource item = new MoveSource("a", PartitionKeyValue.of("old"), "\"etag\"", edited);
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, List.of(item), true);
        vm.showTarget(PartitionKeyValue.of("new"));
        when(service.previewMoveTo(any(), anyList(), any())).thenReturn(new MovePreview(1, 0, List.of(), 11));
        when(service.moveEditedItem(any(), any(), any(), any(), any(), any(), any()))
                .thenReturn(report(MoveReport.Status.COMPLETED, MoveOutcome.MOVED));
        vm.preview();
        vm.run();
        verify(service).moveEditedItem(eq(handle), eq("a"), eq(PartitionKeyValue.of("old")), eq("\"etag\""),
                eq(edited), eq(PartitionKeyValue.of("new")), any());
        verify(service, never()).moveItems(any(), anyList(), any(), any());
    }

    @Test
    void previewThenRunMovesOnceThePreviewIsInAndNeverWhenItFails() {
        ContainerHandle handle = handle(false, "/pk");
        ObjectNode edited = JsonNodeFactory.instance.objectNode().put("id", "a").put("pk", "new");
        MoveSource item = new MoveSource("a", PartitionKeyValue.of("old"), "\"theirs\"", edited);
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, List.of(item), true);
        vm.showTarget(PartitionKeyValue.of("new"));
        when(service.previewMoveTo(any(), anyList(), any()))
                .thenThrow(new CosmosDeskException(ErrorKind.UNREACHABLE, "Cannot reach the account."))
                .thenReturn(new MovePreview(1, 0, List.of(), 11));
        MoveReport moved = report(MoveReport.Status.COMPLETED, MoveOutcome.MOVED);
        when(service.moveEditedItem(any(), any(), any(), any(), any(), any(), any())).thenReturn(moved);

        vm.previewThenRun();
        verify(service, never()).moveEditedItem(any(), any(), any(), any(), any(), any(), any());

        vm.previewThenRun();
        verify(service).moveEditedItem(eq(handle), eq("a"), eq(PartitionKeyValue.of("old")), eq("\"theirs\""),
                eq(edited), eq(PartitionKeyValue.of("new")), any());
        assertThat(vm.reportProperty().get()).isSameAs(moved);
    }

    @Test
    void readOnlyConnectionsSayWhyAndNeverPreview() {
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle(true, "/pk"), sources);
        assertThat(vm.errorMessageProperty().get()).contains("read-only");
        // the refusal at open reaches the audited door (which records it and sends nothing)
        verify(service).recordRefusedMove(any(), org.mockito.ArgumentMatchers.eq(sources));
        vm.preview();
        assertThat(vm.canRunBinding().get()).isFalse();
        verify(service, never()).previewMove(any(), anyList(), any());
    }

    @Test
    void serviceErrorsBecomeTheirSentence() {
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle(false, "/pk"), sources);
        vm.levels().get(0).textProperty().set("t");
        when(service.previewMoveTo(any(), anyList(), any()))
                .thenThrow(new CosmosDeskException(ErrorKind.UNREACHABLE, "Cannot reach the account."));
        vm.preview();
        assertThat(vm.errorMessageProperty().get()).isEqualTo("Cannot reach the account.");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void theReportSavesAsJsonOrCsv() throws Exception {
        ContainerHandle handle = handle(false, "/pk");
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, sources);
        vm.levels().get(0).textProperty().set("t");
        when(service.previewMoveTo(any(), anyList(), any())).thenReturn(new MovePreview(2, 0, List.of(), 4));
        when(service.moveItemsTo(any(), anyList(), any(), any()))
                .thenReturn(report(MoveReport.Status.COMPLETED, MoveOutcome.MOVED, MoveOutcome.CHANGED));
        vm.preview();
        vm.run();
        vm.saveReport(folder.resolve("report.csv"));
        vm.saveReport(folder.resolve("report.json"));
        assertThat(Files.readAllLines(folder.resolve("report.csv"))).hasSize(3)
                .first().isEqualTo("id,source,target,outcome,description,reason");
        assertThat(Files.readString(folder.resolve("report.csv"))).contains("CHANGED,\"Changed during move, not moved\"");
        assertThat(Files.readString(folder.resolve("report.json"))).contains("\"moved\" : 1", "\"changedDuringMove\" : 1");
    }

    @Test
    void everyItemAQuerySelectsIsPreviewedAndMovedThroughTheQueryNeverAsAList() {
        ContainerHandle handle = handle(false, "/pk");
        List<MoveSource> first = new ArrayList<>();
        for (int i = 0; i < MatchingItems.SAMPLE; i++) {
            first.add(new MoveSource("i" + i, PartitionKeyValue.of("p" + i % 2), "\"e\"", null));
        }
        MatchingItems matching = new MatchingItems(io.cosmosdesk.cosmos.ItemQuery.all(), 1_000_000, first);
        MoveDialogViewModel vm = new MoveDialogViewModel(service, tasks, handle, matching);
        assertThat(vm.title()).isEqualTo("Move 1,000,000 items (every item the query selects) to another partition "
                + "key value");
        assertThat(vm.itemCount()).isEqualTo(1_000_000);
        vm.levels().get(0).textProperty().set("t");
        MoveTarget target = MoveTarget.of(PartitionKeyValue.of("t"));
        when(service.previewMoveTo(handle, matching, target))
                .thenReturn(new MovePreview(1_000_002, 0, List.of("i7"), 3_000, 9_000));

        vm.preview();

        assertThat(vm.previewTextProperty().get()).startsWith("1,000,002 items to move to \"t\"")
                .contains("3,000 ids are already in the target").contains("(i7, …)");
        assertThat(vm.previewLines()).hasSize(MoveDialogViewModel.PREVIEW_LINES + 1)
                .endsWith("… and 999,802 more").contains("i7   \"p1\" → \"t\"   (the id exists there: conflict, left as it is)");
        when(service.moveItemsTo(eq(handle), eq(matching), eq(target), any()))
                .thenReturn(report(MoveReport.Status.COMPLETED, MoveOutcome.MOVED));
        vm.run();
        verify(service).moveItemsTo(eq(handle), eq(matching), eq(target), any());
        verify(service, never()).previewMoveTo(any(), anyList(), any());
        verify(service, never()).moveItemsTo(any(), anyList(), any(), any());
        assertThat(vm.reportProperty().get()).isNotNull();
    }

    @Test
    void aListedMoveGoesOnWhenTheWindowClosesAndTheGridHearsOfItsEndOnlyWhenItEnds() {
        ImmediateTaskRunner deferred = ImmediateTaskRunner.deferred();
        io.cosmosdesk.jobs.Jobs jobs = new io.cosmosdesk.jobs.Jobs(deferred);
        MoveDialogViewModel vm = new MoveDialogViewModel(service, deferred, handle(false, "/pk"), sources);
        assertThat(vm.canRunOnWithoutWindow()).as("not listed anywhere: closing must stop it").isFalse();
        vm.reportTo(jobs);
        assertThat(vm.canRunOnWithoutWindow()).isTrue();
        vm.levels().get(0).textProperty().set("t");
        when(service.previewMoveTo(any(), anyList(), any())).thenReturn(new MovePreview(2, 0, List.of(), 4));
        vm.preview();
        deferred.runAllPending();
        when(service.moveItemsTo(any(), anyList(), any(), any()))
                .thenReturn(report(MoveReport.Status.COMPLETED, MoveOutcome.MOVED, MoveOutcome.MOVED));
        vm.run();
        assertThat(vm.runningProperty().get()).isTrue();
        List<MoveDialogResult> ended = new ArrayList<>();

        vm.windowClosed(ended::add); // the window goes while the move runs

        assertThat(ended).as("nothing to refresh yet: the move has not ended").isEmpty();
        assertThat(jobs.jobs().get(0).state()).isEqualTo(io.cosmosdesk.jobs.JobState.RUNNING);
        deferred.runAllPending(); // the move ends
        assertThat(ended).hasSize(1);
        assertThat(ended.get(0).jobRan()).isTrue();
        assertThat(ended.get(0).report().status()).isEqualTo(MoveReport.Status.COMPLETED);
        assertThat(jobs.jobs().get(0).state()).isEqualTo(io.cosmosdesk.jobs.JobState.DONE);
        deferred.runAllPending();
        assertThat(ended).as("told once").hasSize(1);

        MoveDialogViewModel idle = new MoveDialogViewModel(service, deferred, handle(false, "/pk"), sources);
        List<MoveDialogResult> closedIdle = new ArrayList<>();
        idle.windowClosed(closedIdle::add);
        assertThat(closedIdle).hasSize(1);
        assertThat(closedIdle.get(0).jobRan()).isFalse();
    }
}
