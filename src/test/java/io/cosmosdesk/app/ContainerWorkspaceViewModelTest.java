package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.browse.ColumnSettingsStore;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.DeleteResult;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemPage;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.editor.EditorChoice;
import io.cosmosdesk.editor.ItemEditorViewModel;
import io.cosmosdesk.editor.ItemEditorViewModel.Mode;
import io.cosmosdesk.move.MoveDialogResult;
import io.cosmosdesk.move.MoveOutcome;
import io.cosmosdesk.move.MoveReport;
import io.cosmosdesk.move.MoveSource;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

/**
 * The rules that keep the grid, the editor and the move dialog in step, without a toolkit: a real grid and
 * editor view-model over mocked services, a synchronous task runner and a mocked move dialog.
 */
class ContainerWorkspaceViewModelTest {

    @TempDir
    Path config;

    private final ItemQueryService queries = mock(ItemQueryService.class);
    private final ItemService items = mock(ItemService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final ContainerWorkspaceViewModel.Mover mover = mock(ContainerWorkspaceViewModel.Mover.class);
    private final ImmediateTaskRunner tasks = ImmediateTaskRunner.immediate();
    private ContainerHandle orders;
    private ItemsViewModel grid;
    private ItemEditorViewModel editor;
    private ContainerWorkspaceViewModel workspace;

    @BeforeEach
    void setUp() {
        ConnectionProfile profile = ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/");
        orders = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
        grid = new ItemsViewModel(orders, queries, tasks, dialogs, new ColumnSettingsStore(config));
        editor = new ItemEditorViewModel(items, tasks, dialogs);
        workspace = new ContainerWorkspaceViewModel(grid, editor, mover, tasks, dialogs);
        // the grid pages through a stream: each page answered by queryItemsPage at its token, as stubbed below
        io.cosmosdesk.browse.PageByPageStream.answerPageByPage(queries, new java.util.ArrayList<>());
        // the server holds each item as its row says
        when(items.readItem(eq(orders), anyString(), any())).thenAnswer(call -> version(
                call.getArgument(1), call.<PartitionKeyValue>getArgument(2).display().replace("\"", ""), "\"e1\""));
    }

    private static ObjectNode item(String id, String customerId) {
        return JsonNodeFactory.instance.objectNode().put("id", id).put("customerId", customerId).put("n", 1);
    }

    private static ItemVersion version(String id, String customerId, String etag) {
        ObjectNode json = item(id, customerId);
        json.put("_etag", etag).put("_ts", 1_700_000_000L);
        return new ItemVersion(json, etag);
    }

    private static ItemRow row(String id, String customerId) {
        return ItemRow.of(item(id, customerId), List.of("/customerId"));
    }

    private static ItemRef ref(String id, String customerId) {
        return new ItemRef(id, PartitionKeyValue.of(customerId));
    }

    private static List<ItemRow> rows(String prefix, int from, int count) {
        return IntStream.range(from, from + count).mapToObj(i -> row(prefix + i, "c" + i)).toList();
    }

    private void serverReturns(List<ItemRow> rows) {
        when(queries.queryItemsPage(any(), any(), any(), anyInt()))
                .thenReturn(new ItemPage(rows, null, 1, Duration.ofMillis(5), "act"));
    }

    private void select(String id) {
        grid.setSelection(grid.rows().stream().filter(row -> row.id().equals(id)).toList());
    }

    private void typeInEditor(String from, String to) {
        assertThat(editor.getText()).contains(from);
        editor.textProperty().set(editor.getText().replace(from, to));
    }

    private void answerUnsavedChanges(EditorChoice choice) {
        when(dialogs.<EditorChoice>choose(eq("Unsaved changes"), anyString(), any())).thenReturn(Optional.of(choice));
    }

    // ---- which item is shown

    @Test
    void selectingOneRowOpensItsItemInTheEditor() {
        serverReturns(rows("a", 0, 3));
        grid.refresh();

        select("a1");

        assertThat(workspace.shownItemProperty().get()).isEqualTo(ref("a1", "c1"));
        assertThat(editor.shows("a1", PartitionKeyValue.of("c1"))).isTrue();
        verify(items).readItem(orders, "a1", PartitionKeyValue.of("c1"));
    }

    @Test
    void cancellingTheUnsavedChangesQuestionKeepsTheEditedItemAndPutsTheGridBackOnIt() {
        serverReturns(rows("a", 0, 3));
        grid.refresh();
        select("a0");
        typeInEditor("\"n\": 1", "\"n\": 2");
        answerUnsavedChanges(EditorChoice.CANCEL);

        select("a2");

        assertThat(editor.shows("a0", PartitionKeyValue.of("c0"))).isTrue();
        assertThat(editor.isDirty()).isTrue();
        assertThat(workspace.shownItemProperty().get()).isEqualTo(ref("a0", "c0"));
        assertThat(grid.selection()).extracting(ItemRow::id).containsExactly("a0");
    }

    @Test
    void discardingInTheQuestionOpensTheClickedRow() {
        serverReturns(rows("a", 0, 3));
        grid.refresh();
        select("a0");
        typeInEditor("\"n\": 1", "\"n\": 2");
        answerUnsavedChanges(EditorChoice.DISCARD);

        select("a2");

        assertThat(editor.shows("a2", PartitionKeyValue.of("c2"))).isTrue();
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void openItemIsThePublicDoorAndOpeningTheShownItemAgainIsANoOp() {
        assertThat(workspace.openItem(ref("x", "c9"))).isCompletedWithValue(true);
        assertThat(workspace.openItem(ref("x", "c9"))).isCompletedWithValue(true);

        verify(items).readItem(orders, "x", PartitionKeyValue.of("c9"));
        assertThat(editor.shows("x", PartitionKeyValue.of("c9"))).isTrue();
    }

    @Test
    void enterOnARowOpensItAndAsksForTheEditorsFocus() {
        serverReturns(rows("a", 0, 2));
        grid.refresh();
        select("a1");
        int before = workspace.editorFocusRequestsProperty().get();

        grid.openSelected();

        assertThat(workspace.editorFocusRequestsProperty().get()).isEqualTo(before + 1);
        assertThat(editor.shows("a1", PartitionKeyValue.of("c1"))).isTrue();
    }

    @Test
    void newItemGoesThroughTheGuardAndTheGridNoLongerPointsAtTheItemLeft() {
        serverReturns(rows("a", 0, 2));
        grid.refresh();
        select("a0");
        typeInEditor("\"n\": 1", "\"n\": 2");
        answerUnsavedChanges(EditorChoice.CANCEL);

        assertThat(workspace.newItem()).isCompletedWithValue(false);
        assertThat(editor.modeProperty().get()).isEqualTo(Mode.EXISTING);

        answerUnsavedChanges(EditorChoice.DISCARD);
        grid.newItem(); // the toolbar and Ctrl+N take the same path

        assertThat(editor.modeProperty().get()).isEqualTo(Mode.NEW);
        assertThat(workspace.shownItemProperty().get()).isNull();
        assertThat(grid.selection()).isEmpty();
    }

    @Test
    void requestLeaveAsksAboutUnsavedEditsNamingTheContainer() {
        assertThat(workspace.requestLeave()).isCompletedWithValue(true);
        workspace.openItem(ref("x", "c9"));
        typeInEditor("\"n\": 1", "\"n\": 2");
        assertThat(workspace.hasUnsavedEdits()).isTrue();
        answerUnsavedChanges(EditorChoice.CANCEL);

        assertThat(workspace.requestLeave()).isCompletedWithValue(false);

        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(dialogs).choose(eq("Unsaved changes"), message.capture(), any());
        assertThat(message.getValue()).contains("\"x\" in retail/orders has unsaved changes");
    }

    @Test
    void deletingTheShownItemFromTheGridEmptiesTheEditor() {
        serverReturns(rows("a", 0, 3));
        grid.refresh();
        select("a0");
        grid.setSelection(List.of(grid.rows().get(0), grid.rows().get(1)));
        assertThat(editor.shows("a0", PartitionKeyValue.of("c0"))).as("two rows selected: the editor keeps a0").isTrue();
        when(dialogs.confirm(anyString(), anyString(), eq("Delete"))).thenReturn(true);
        when(queries.deleteItems(eq(orders), anyList(), any(), any())).thenReturn(new DeleteResult(
                List.of(ref("a0", "c0"), ref("a1", "c1")), List.of(), List.of(), List.of(), 10));

        grid.deleteSelected();

        assertThat(grid.rows()).extracting(ItemRow::id).containsExactly("a2");
        assertThat(editor.modeProperty().get()).isEqualTo(Mode.EMPTY);
        assertThat(editor.canSaveProperty().get()).isFalse();
        assertThat(editor.statusMessageProperty().get()).as("what was deleted, and what became of the open item")
                .isEqualTo("Deleted 2 items, including \"a0\", which was open here and is now closed.");
        assertThat(workspace.shownItemProperty().get()).isNull();
    }

    @Test
    void deletingOnlyTheShownItemFromTheGridNamesIt() {
        serverReturns(rows("a", 0, 3));
        grid.refresh();
        select("a0");
        when(dialogs.confirm(anyString(), anyString(), eq("Delete"))).thenReturn(true);
        when(queries.deleteItems(eq(orders), anyList(), any(), any())).thenReturn(new DeleteResult(
                List.of(ref("a0", "c0")), List.of(), List.of(), List.of(), 10));

        grid.deleteSelected();

        assertThat(editor.modeProperty().get()).isEqualTo(Mode.EMPTY);
        assertThat(editor.statusMessageProperty().get()).isEqualTo("Deleted \"a0\".");
    }

    @Test
    void deletingOtherRowsFromTheGridLeavesTheEditorAlone() {
        serverReturns(rows("a", 0, 3));
        grid.refresh();
        select("a0");
        grid.setSelection(List.of(grid.rows().get(1), grid.rows().get(2)));
        when(dialogs.confirm(anyString(), anyString(), eq("Delete"))).thenReturn(true);
        when(queries.deleteItems(eq(orders), anyList(), any(), any())).thenReturn(new DeleteResult(
                List.of(ref("a1", "c1"), ref("a2", "c2")), List.of(), List.of(), List.of(), 10));

        grid.deleteSelected();

        assertThat(editor.shows("a0", PartitionKeyValue.of("c0"))).isTrue();
        assertThat(workspace.shownItemProperty().get()).isEqualTo(ref("a0", "c0"));
    }

    // ---- a new query's rows

    @Test
    void goToIdFindingExactlyOneItemOpensItUnlessTheEditorHasUnsavedEdits() {
        serverReturns(rows("a", 0, 1));

        grid.findById("a0");
        assertThat(grid.selectedItemProperty().get()).isEqualTo(grid.rows().get(0));
        assertThat(editor.shows("a0", PartitionKeyValue.of("c0"))).isTrue();

        workspace.openItem(ref("other", "c7"));
        typeInEditor("\"n\": 1", "\"n\": 2");
        grid.findById("a0");
        assertThat(grid.selection()).as("the editor keeps its unsaved item").isEmpty();
        assertThat(editor.shows("other", PartitionKeyValue.of("c7"))).isTrue();

        // a plain query showing one row is no "go to": nothing is chosen for the user
        answerUnsavedChanges(EditorChoice.DISCARD);
        workspace.newItem();
        grid.clearFilter();
        assertThat(grid.selection()).isEmpty();
    }

    @Test
    void goToIdFindingSeveralItemsSelectsNone() {
        serverReturns(List.of(row("dup", "c1"), row("dup", "c2")));

        grid.findById("dup");

        assertThat(grid.selection()).isEmpty();
        assertThat(workspace.shownItemProperty().get()).isNull();
    }

    @Test
    void aNewQuerySelectsTheShownItemAgainWhenItsRowsContainIt() {
        serverReturns(rows("a", 0, 3));
        grid.refresh();
        select("a1");

        grid.refresh();
        assertThat(grid.selection()).extracting(ItemRow::id).containsExactly("a1");

        workspace.openItem(ref("elsewhere", "c9"));
        grid.refresh();
        assertThat(grid.selection()).isEmpty();
    }

    @Test
    void aNewQueryClearsTheMessageOfAFailedOpenButNotAnEditedItemsBanner() {
        serverReturns(rows("a", 0, 2));
        grid.refresh();
        when(items.readItem(orders, "a1", PartitionKeyValue.of("c1")))
                .thenThrow(new CosmosDeskException(ErrorKind.NOT_FOUND, "Not found"));
        select("a1");
        assertThat(editor.errorMessageProperty().get()).contains("no longer exists");

        grid.refresh();

        assertThat(editor.errorMessageProperty().get()).isEmpty();
    }

    // ---- saving, moving

    @Test
    void aSavedNewItemGetsItsRowAndBecomesTheShownItem() {
        serverReturns(rows("a", 0, 2));
        grid.refresh();
        workspace.newItem();
        editor.textProperty().set("{\"id\":\"n1\",\"customerId\":\"c5\"}");
        when(items.createItem(eq(orders), any())).thenReturn(version("n1", "c5", "\"e9\""));

        editor.save();

        assertThat(grid.rows()).extracting(ItemRow::id).containsExactly("n1", "a0", "a1");
        assertThat(workspace.shownItemProperty().get()).isEqualTo(ref("n1", "c5"));
    }

    @Test
    void movingTheShownItemFromTheGridSettlesItsEditsFirstThenTheEditorFollowsIt() {
        serverReturns(rows("a", 0, 2));
        grid.refresh();
        select("a0");
        typeInEditor("\"n\": 1", "\"n\": 2");
        answerUnsavedChanges(EditorChoice.DISCARD);

        grid.moveSelected();

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Consumer<MoveDialogResult>> done = ArgumentCaptor.forClass(Consumer.class);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<MoveSource>> sources = ArgumentCaptor.forClass(List.class);
        verify(mover).show(eq(orders), sources.capture(), done.capture());
        assertThat(sources.getValue()).extracting(MoveSource::etag).containsExactly("\"e1\"");
        assertThat(editor.isDirty()).isFalse();

        PartitionKeyValue target = PartitionKeyValue.of("c8");
        done.getValue().accept(new MoveDialogResult(new MoveReport("job", MoveReport.Status.COMPLETED, "Moved.",
                List.of(new MoveReport.ItemResult("a0", PartitionKeyValue.of("c0").display(), target.display(),
                        MoveOutcome.MOVED, "")), Duration.ZERO, 1, null), io.cosmosdesk.move.MoveTarget.of(target), ""));

        assertThat(workspace.shownItemProperty().get()).isEqualTo(ref("a0", "c8"));
        assertThat(editor.shows("a0", target)).isTrue();
        assertThat(editor.statusMessageProperty().get()).isEqualTo("Moved \"a0\" to partition \"c8\".");
    }

    @Test
    void aMoveDialogClosedWithoutRunningKeepsTheGridAndItsSelection() {
        serverReturns(rows("a", 0, 2));
        grid.refresh();
        grid.setSelection(List.copyOf(grid.rows()));
        grid.moveSelected();
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Consumer<MoveDialogResult>> done = ArgumentCaptor.forClass(Consumer.class);
        verify(mover).show(eq(orders), anyList(), done.capture());

        done.getValue().accept(new MoveDialogResult(null, null, ""));

        assertThat(grid.selection()).hasSize(2);
        verify(queries, org.mockito.Mockito.times(1)).queryItemsPage(any(), any(), any(), anyInt());
    }

    @Test
    void movingEverythingShownWithNothingSelectedAsksFirst() {
        serverReturns(rows("a", 0, 2));
        grid.refresh();
        when(dialogs.confirm(eq("Move items"), anyString(), eq("Continue"))).thenReturn(false);

        grid.moveSelected();

        verify(mover, never()).itemsMatching(any(), any());
    }

    @Test
    void movingEverythingAQuerySelectsHandsTheDialogTheQueryNotAListAndTheEditorFollowsItsItem() {
        serverReturns(rows("a", 0, 2));
        grid.refresh();
        select("a0");
        when(dialogs.confirm(eq("Move items"), anyString(), eq("Continue"))).thenReturn(true);
        io.cosmosdesk.move.MatchingItems matching = new io.cosmosdesk.move.MatchingItems(
                io.cosmosdesk.cosmos.ItemQuery.all(), 500_000, List.of());
        when(mover.itemsMatching(eq(orders), any())).thenReturn(matching);
        grid.setSelection(List.of());

        grid.moveSelected();

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Consumer<MoveDialogResult>> done = ArgumentCaptor.forClass(Consumer.class);
        verify(mover).showMatching(eq(orders), eq(matching), done.capture());
        verify(mover, never()).show(any(), anyList(), any());
        PartitionKeyValue target = PartitionKeyValue.of("c8");
        done.getValue().accept(new MoveDialogResult(new MoveReport("job", MoveReport.Status.COMPLETED, "Moved.",
                List.of(new MoveReport.ItemResult("a0", PartitionKeyValue.of("c0").display(), target.display(),
                        MoveOutcome.MOVED, "")), Duration.ZERO, 1, null), io.cosmosdesk.move.MoveTarget.of(target), ""));
        assertThat(workspace.shownItemProperty().get()).isEqualTo(ref("a0", "c8"));
    }

    // ---- a container deleted elsewhere

    @Test
    void theFirst404PutsTheTabIntoTheGoneStateAndTheEditorSavesNothing() {
        serverReturns(rows("a", 0, 3));
        grid.refresh();
        select("a0");
        typeInEditor("\"n\": 1", "\"n\": 2");
        assertThat(editor.canSaveProperty().get()).isTrue();
        assertThat(grid.containerGoneProperty().get()).isFalse();

        when(queries.queryItemsPage(any(), any(), any(), anyInt())).thenThrow(new io.cosmosdesk.cosmos
                .CosmosDeskException(io.cosmosdesk.cosmos.ErrorKind.NOT_FOUND));
        grid.refresh();

        assertThat(grid.containerGoneProperty().get()).isTrue();
        assertThat(grid.errorMessageProperty().get()).isEqualTo(ItemsViewModel.CONTAINER_GONE);
        assertThat(editor.canSaveProperty().get()).isFalse();
        assertThat(editor.saveBlockedReasonProperty().get()).isEqualTo(ItemsViewModel.CONTAINER_GONE);
    }
}
