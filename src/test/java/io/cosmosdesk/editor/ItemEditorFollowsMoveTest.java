package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After a move the editor handed over (or the grid made), the editor follows the item, or keeps the text. */
class ItemEditorFollowsMoveTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PartitionKeyValue P = PartitionKeyValue.of("p");
    private static final PartitionKeyValue Q = PartitionKeyValue.of("q");

    private final ItemService items = mock(ItemService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private final List<MoveRequest> moves = new ArrayList<>();
    private ItemEditorViewModel editor;
    private ContainerHandle handle;

    @BeforeEach
    void openAWithItsPartitionKeyChanged() {
        editor = new ItemEditorViewModel(items, ImmediateTaskRunner.immediate(), dialogs);
        editor.setOnMoveRequested(moves::add);
        ConnectionProfile profile = ConnectionProfile.create("Prod", AuthKind.KEY, "https://acct.documents.azure.com");
        handle = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("db", "orders"), List.of("/pk"), false, null));
        when(items.readItem(handle, "a", P)).thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":1}", "\"e1\""));
        editor.open(handle, "a", P);
        editor.textProperty().set(editor.getText().replace("\"pk\": \"p\"", "\"pk\": \"q\"")
                .replace("\"n\": 1", "\"n\": 2"));
        when(dialogs.<EditorChoice>choose(eq("Partition key changed"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.MOVE_ITEM));
        editor.save();
        assertThat(moves).hasSize(1);
        // nothing has moved yet: the user still has to press Move in the dialog
        assertThat(editor.statusMessageProperty().get()).doesNotContain("Moving").isEmpty();
    }

    private static ItemVersion version(String text, String etag) {
        try {
            ObjectNode item = (ObjectNode) JSON.readTree(text);
            item.put("_rid", "rid==");
            item.put("_etag", etag);
            item.put("_ts", 1_700_000_000L);
            return new ItemVersion(item, etag);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aSuccessfulMoveOpensTheItemFromItsNewPartitionCleanWithItsNewEtag() {
        when(items.readItem(handle, "a", Q)).thenReturn(version("{\"id\":\"a\",\"pk\":\"q\",\"n\":2}", "\"e7\""));

        editor.moved("a", P, Q, moves.get(0).edited());

        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.loadedVersion().etag()).isEqualTo("\"e7\"");
        assertThat(editor.shows("a", Q)).isTrue();
        assertThat(editor.getText()).contains("\"pk\": \"q\"").contains("\"n\": 2");
        assertThat(editor.statusMessageProperty().get()).isEqualTo("Moved \"a\" to partition \"q\".");
        assertThat(editor.errorMessageProperty().get()).isEmpty();
        // and Save has nothing to move any more
        editor.save();
        assertThat(moves).hasSize(1);
    }

    @Test
    void aMovedBodyWhoseNumbersAreWrittenDifferentlyIsStillTheTextShown() {
        when(items.readItem(handle, "a", Q)).thenReturn(version("{\"id\":\"a\",\"pk\":\"q\",\"n\":2}", "\"e7\""));
        ObjectNode movedBody = moves.get(0).edited().deepCopy();
        movedBody.put("n", 2.0); // the same value as the text's 2, as a double: the server may hand back either

        editor.moved("a", P, Q, movedBody);

        assertThat(editor.errorMessageProperty().get()).isEmpty();
        assertThat(editor.shows("a", Q)).isTrue();
        assertThat(editor.isDirty()).isFalse();
    }

    @Test
    void aMoveThatDidNotHappenKeepsTheTextUnsavedAndSaysWhy() {
        String typed = editor.getText();

        editor.notMoved("a", P, "the move dialog was closed before the move ran.");

        assertThat(editor.getText()).isEqualTo(typed);
        assertThat(editor.isDirty()).isTrue();
        assertThat(editor.shows("a", P)).isTrue();
        assertThat(editor.statusMessageProperty().get()).isEmpty();
        assertThat(editor.errorMessageProperty().get()).isEqualTo("Not moved: the move dialog was closed before "
                + "the move ran. Your text is kept; Save again to retry the move, or change the partition key back.");
        verify(items, never()).readItem(handle, "a", Q);
    }

    @Test
    void unsavedTextThatWasNotPartOfTheMoveIsKept() {
        String typed = editor.getText();
        ObjectNode movedFromTheGrid = (ObjectNode) version("{\"id\":\"a\",\"pk\":\"p\",\"n\":1}", "\"e1\"").json();

        editor.moved("a", P, Q, movedFromTheGrid);

        assertThat(editor.getText()).isEqualTo(typed);
        assertThat(editor.isDirty()).isTrue();
        assertThat(editor.errorMessageProperty().get()).startsWith("Moved \"a\" to partition \"q\" without your "
                + "unsaved changes");
        verify(items, never()).readItem(handle, "a", Q);
    }

    // ---- someone else changed the item before the move could take it

    private void serverNowHasTheirVersion() {
        when(items.readItem(handle, "a", P)).thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":5}", "\"e2\""));
    }

    private void userAnswersCompareWith(EditorChoice choice) {
        when(dialogs.<EditorChoice>compare(eq("Someone else changed this item"),
                anyString(), any(), eq("On the server now"),
                anyString(), eq("Yours"), anyString(), any())).thenReturn(Optional.of(choice));
    }

    @Test
    void aMoveRefusedAsChangedShowsTheirVersionAndOverwriteMovesMineConditionalOnTheirEtag() {
        serverNowHasTheirVersion();
        userAnswersCompareWith(EditorChoice.OVERWRITE);
        ObjectNode mine = moves.get(0).edited();

        editor.changedBeforeMove("a", P, mine);

        verify(dialogs).compare(eq("Someone else changed this item"), anyString(), any(), eq("On the server now"),
                org.mockito.ArgumentMatchers.contains("\"n\": 5"), eq("Yours"),
                org.mockito.ArgumentMatchers.contains("\"n\": 2"), any());
        assertThat(moves).hasSize(2);
        MoveRequest again = moves.get(1);
        assertThat(again.etag()).as("conditional on the version the user saw").isEqualTo("\"e2\"");
        assertThat(again.overwrite()).isTrue();
        assertThat(again.edited()).isEqualTo(mine);
        assertThat(again.id()).isEqualTo("a");
        assertThat(again.partitionKey()).isEqualTo(P);
        assertThat(editor.isDirty()).as("nothing is lost until the move succeeds").isTrue();
        assertThat(editor.getText()).contains("\"pk\": \"q\"").contains("\"n\": 2");
    }

    @Test
    void aMoveRefusedAsChangedThenKeepEditingKeepsTheTextAndMovesNothing() {
        serverNowHasTheirVersion();
        userAnswersCompareWith(EditorChoice.KEEP_EDITING);
        String typed = editor.getText();

        editor.changedBeforeMove("a", P, moves.get(0).edited());

        assertThat(moves).hasSize(1);
        assertThat(editor.getText()).isEqualTo(typed);
        assertThat(editor.isDirty()).isTrue();
        assertThat(editor.statusMessageProperty().get()).isEmpty();
        assertThat(editor.errorMessageProperty().get()).startsWith("Not moved: someone else changed \"a\"");
    }

    @Test
    void aMoveRefusedAsChangedThenReloadShowsTheirVersion() {
        serverNowHasTheirVersion();
        userAnswersCompareWith(EditorChoice.RELOAD);

        editor.changedBeforeMove("a", P, moves.get(0).edited());

        assertThat(moves).hasSize(1);
        assertThat(editor.isDirty()).isFalse();
        assertThat(editor.getText()).contains("\"n\": 5").contains("\"pk\": \"p\"");
        assertThat(editor.loadedVersion().etag()).isEqualTo("\"e2\"");
    }

    @Test
    void aMoveOfAnotherItemLeavesTheEditorAlone() {
        String typed = editor.getText();

        editor.moved("b", P, Q, null);
        editor.notMoved("a", Q, "whatever.");

        assertThat(editor.getText()).isEqualTo(typed);
        assertThat(editor.errorMessageProperty().get()).isEmpty();
        verify(items, never()).readItem(handle, "b", Q);
    }

    @Test
    void leavingTheContainerNamesItInTheQuestion() {
        when(dialogs.<EditorChoice>choose(eq("Unsaved changes"), anyString(), any()))
                .thenReturn(Optional.of(EditorChoice.CANCEL));

        assertThat(editor.canLeaveContainer()).isCompletedWithValue(false);

        verify(dialogs).choose(eq("Unsaved changes"), eq("\"a\" in db/orders has unsaved changes. Save them before "
                + "you go on?"), any());
    }
}
