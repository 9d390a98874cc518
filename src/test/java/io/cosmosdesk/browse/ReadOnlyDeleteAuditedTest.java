package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.audit.AuditEntry;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting rows on a read-only connection is refused with a sentence, and each refused delete is on record. */
class ReadOnlyDeleteAuditedTest {

    @TempDir
    Path folder;

    @Test
    void eachRefusedDeleteIsRecordedOnceAsRefused() {
        AuditLog log = new AuditLog(folder.resolve("audit"));
        CosmosAsyncClient client = mock(CosmosAsyncClient.class);
        ConnectionProfile profile = ConnectionProfile.create("Prod", AuthKind.KEY, "https://acct.documents.azure.com")
                .withReadOnly(true);
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(profile, client),
                new ContainerInfo(new ContainerRef("db", "orders"), List.of("/pk"), false, null));
        DialogService dialogs = mock(DialogService.class);
        List<String> notices = new ArrayList<>();
        ItemDeletion deletion = new ItemDeletion(handle, new ItemQueryService(new AuditedWrites(log)),
                ImmediateTaskRunner.immediate(), dialogs, notices::add, gone -> { });
        List<ItemRow> rows = List.of(
                ItemRow.of(JsonNodeFactory.instance.objectNode().put("id", "a").put("pk", "p"), List.of("/pk")),
                ItemRow.of(JsonNodeFactory.instance.objectNode().put("id", "b").put("pk", "q"), List.of("/pk")));

        deletion.delete(rows);

        assertThat(notices).contains("\"Prod\" is a read-only connection: items cannot be deleted.");
        assertThat(log.read(e -> true, 10)).extracting(AuditEntry::id, AuditEntry::operation, AuditEntry::outcome)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("a", "bulk-delete", "refused"),
                        org.assertj.core.groups.Tuple.tuple("b", "bulk-delete", "refused"));
        verifyNoInteractions(dialogs); // asked nothing: there is nothing to confirm
    }
}
