package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
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
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.Choices;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The editor tells the dialog which answer is safe: in a question about someone else's change, Enter keeps
 * the user's text and changes nothing on the server; answers that throw something away are marked so.
 */
class ItemWritesDialogChoicesTest {

    private static final PartitionKeyValue PK = PartitionKeyValue.of("p");

    private final ItemService items = mock(ItemService.class);
    private final DialogService dialogs = mock(DialogService.class);
    private ItemEditorViewModel editor;
    private ContainerHandle handle;

    @BeforeEach
    void openAndEditAnItem() throws Exception {
        editor = new ItemEditorViewModel(items, ImmediateTaskRunner.immediate(), dialogs);
        ConnectionProfile profile = ConnectionProfile.create("Prod", AuthKind.KEY, "https://acct.documents.azure.com");
        handle = new ContainerHandle(new CosmosConnection(profile, mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("db", "orders"), List.of("/pk"), false, null));
        when(items.readItem(handle, "a", PK)).thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":1}", "\"e1\""));
        editor.open(handle, "a", PK);
        editor.textProperty().set(editor.getText().replace("\"n\": 1", "\"n\": 2"));
    }

    private static ItemVersion version(String text, String etag) throws Exception {
        ObjectNode item = (ObjectNode) new ObjectMapper().readTree(text);
        item.put("_etag", etag);
        return new ItemVersion(item, etag);
    }

    @SuppressWarnings("unchecked")
    private static ArgumentCaptor<Choices<EditorChoice>> captor() {
        return ArgumentCaptor.forClass(Choices.class);
    }

    @Test
    void theConflictDialogDefaultsToKeepEditingAndMarksOverwriteAndReloadDestructive() throws Exception {
        when(items.replaceItem(eq(handle), any(), eq("\"e1\"")))
                .thenThrow(new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        when(items.readItem(handle, "a", PK)).thenReturn(version("{\"id\":\"a\",\"pk\":\"p\",\"n\":3}", "\"e9\""));
        editor.save();

        ArgumentCaptor<Choices<EditorChoice>> choices = captor();
        verify(dialogs).compare(eq("Someone else changed this item"), anyString(), any(), anyString(), anyString(),
                anyString(), anyString(), choices.capture());
        Choices<EditorChoice> asked = choices.getValue();
        assertThat(asked.all()).containsExactly(EditorChoice.OVERWRITE, EditorChoice.RELOAD, EditorChoice.KEEP_EDITING);
        assertThat(asked.labels()).containsExactly("Overwrite", "Reload", "Keep editing");
        assertThat(asked.safeDefault()).isEqualTo(EditorChoice.KEEP_EDITING);
        assertThat(asked.isDestructive(EditorChoice.OVERWRITE)).isTrue();
        assertThat(asked.isDestructive(EditorChoice.RELOAD)).isTrue();
    }

    @Test
    void theItemWasDeletedDialogDefaultsToKeepEditingNotToRecreatingIt() {
        when(items.replaceItem(any(), any(), any())).thenThrow(new CosmosDeskException(ErrorKind.NOT_FOUND));
        when(dialogs.<EditorChoice>choose(eq("Item was deleted"), anyString(), any())).thenReturn(Optional.empty());
        editor.save();

        ArgumentCaptor<Choices<EditorChoice>> choices = captor();
        verify(dialogs).choose(eq("Item was deleted"), anyString(), choices.capture());
        Choices<EditorChoice> asked = choices.getValue();
        assertThat(asked.safeDefault()).isEqualTo(EditorChoice.KEEP_EDITING);
        assertThat(asked.isDestructive(EditorChoice.DISCARD_CHANGES)).isTrue();
        assertThat(asked.isDestructive(EditorChoice.SAVE_AS_NEW)).isFalse();
    }

    @Test
    void reloadingOverUnsavedEditsAsksWithADestructiveConfirmation() {
        editor.reload();

        verify(dialogs).confirm(eq("Reload item"), anyString(), eq("Reload"), eq(true));
        assertThat(editor.getText()).contains("\"n\": 2");
    }
}
