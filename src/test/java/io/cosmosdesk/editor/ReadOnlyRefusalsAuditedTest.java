package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditEntry;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.ItemVersion;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor refuses Save and Delete on a read-only connection before asking anything; the refusal still goes
 * through the audited door, so each leaves one entry recorded as refused (and nothing reaches the server: the
 * client is never used).
 */
class ReadOnlyRefusalsAuditedTest {

    @TempDir
    Path folder;

    @Test
    void aRefusedSaveAndARefusedDeleteAreEachRecordedOnceAsRefused() throws Exception {
        AuditLog log = new AuditLog(folder.resolve("audit"));
        ItemService items = spy(new ItemService(new AuditedWrites(log)));
        CosmosAsyncClient client = mock(CosmosAsyncClient.class);
        ConnectionProfile profile = ConnectionProfile.create("Prod", AuthKind.KEY, "https://acct.documents.azure.com")
                .withReadOnly(true);
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(profile, client),
                new ContainerInfo(new ContainerRef("db", "orders"), List.of("/pk"), false, null));
        ObjectNode stored = (ObjectNode) Json.MAPPER.readTree("{\"id\":\"a\",\"pk\":\"p\",\"n\":1,\"_etag\":\"\\\"e1\\\"\"}");
        doReturn(new ItemVersion(stored, "\"e1\"")).when(items).readItem(handle, "a", PartitionKeyValue.of("p"));
        DialogService dialogs = mock(DialogService.class);
        when(dialogs.confirm(anyString(), anyString(), anyString())).thenReturn(true);
        ItemEditorViewModel editor = new ItemEditorViewModel(items, ImmediateTaskRunner.immediate(), dialogs);
        editor.open(handle, "a", PartitionKeyValue.of("p"));
        editor.textProperty().set(editor.getText().replace("\"n\": 1", "\"n\": 2"));

        editor.save();
        editor.delete();

        assertThat(editor.errorMessageProperty().get()).contains("read-only");
        List<AuditEntry> entries = log.read(e -> true, 10);
        assertThat(entries).extracting(AuditEntry::operation, AuditEntry::outcome).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("replace", "refused"),
                org.assertj.core.groups.Tuple.tuple("delete", "refused"));
        AuditEntry save = entries.stream().filter(e -> e.operation().equals("replace")).findFirst().orElseThrow();
        assertThat(save.after().path("n").asInt()).as("what was attempted").isEqualTo(2);
        assertThat(save.errorKind()).isEqualTo("READ_ONLY");
        verifyNoInteractions(client);
    }
}
