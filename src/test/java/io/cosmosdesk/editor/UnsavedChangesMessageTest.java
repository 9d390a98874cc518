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
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The unsaved-changes question reads as one sentence whatever the validation problem ends with. */
class UnsavedChangesMessageTest {

    private final ItemService items = mock(ItemService.class);
    private final DialogService dialogs = mock(DialogService.class);

    @Test
    void theReasonAChangeCannotBeSavedEndsTheSentenceWithoutStrayBrackets() throws Exception {
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(ConnectionProfile.create("Prod",
                AuthKind.KEY, "https://acct.documents.azure.com"), mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("db", "orders"), List.of("/pk"), false, null));
        ObjectNode item = (ObjectNode) new ObjectMapper().readTree("{\"id\":\"a\",\"pk\":\"p\",\"n\":1}");
        item.put("_etag", "\"e1\"");
        when(items.readItem(handle, "a", PartitionKeyValue.of("p"))).thenReturn(new ItemVersion(item, "\"e1\""));
        ItemEditorViewModel editor = new ItemEditorViewModel(items, ImmediateTaskRunner.immediate(), dialogs);
        editor.open(handle, "a", PartitionKeyValue.of("p"));
        editor.textProperty().set("{ \"id\": \"a\", \"pk\": \"p\", }"); // a comma too many before }
        when(dialogs.<EditorChoice>choose(anyString(), anyString(), any())).thenReturn(Optional.empty());

        editor.canLeave();

        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(dialogs).choose(eq("Unsaved changes"), message.capture(), any());
        assertThat(message.getValue()).startsWith("\"a\" has unsaved changes. They cannot be saved as they are: ")
                .doesNotContain(").)").doesNotContain(".).").endsWith(".");
        assertThat(message.getValue().chars().filter(c -> c == '(').count())
                .isEqualTo(message.getValue().chars().filter(c -> c == ')').count());
    }
}
