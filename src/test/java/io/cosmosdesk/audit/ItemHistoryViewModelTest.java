package io.cosmosdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One item's history: only its own entries (same account, container, id and key), newest first, and what to restore. */
class ItemHistoryViewModelTest {

    @TempDir
    Path home;

    private static final String ENDPOINT = "https://acct.documents.azure.com:443/";

    private static ObjectNode body(String id, int n) {
        return Json.MAPPER.createObjectNode().put("id", id).put("n", n);
    }

    private static AuditEntry entry(String endpoint, String container, String id, String key, String operation,
            String outcome, ObjectNode before, ObjectNode after) {
        return new AuditEntry("2026-12-06T10:00:00Z", "ann", "Prod", endpoint, "retail", container, id,
                PartitionKeyValue.of(key).toJsonArray(), operation, outcome, null, 200, null, null, null, before, after,
                null);
    }

    @Test
    void listsOnlyThisItemsEntriesNewestFirstAndOffersBothVersions() {
        AuditLog log = new AuditLog(home.resolve("audit"));
        log.append(List.of(
                entry(ENDPOINT, "orders", "o-1", "c1", "create", "ok", null, body("o-1", 1)),
                entry(ENDPOINT, "orders", "o-1", "c2", "create", "ok", null, body("o-1", 9)),
                entry(ENDPOINT, "invoices", "o-1", "c1", "create", "ok", null, body("o-1", 9)),
                entry("https://other.documents.azure.com:443/", "orders", "o-1", "c1", "create", "ok", null,
                        body("o-1", 9)),
                entry(ENDPOINT, "orders", "o-1", "c1", "replace", "ok", body("o-1", 1), body("o-1", 2)),
                entry(ENDPOINT, "orders", "o-1", "c1", "replace", "failed", body("o-1", 2), body("o-1", 3))));
        ContainerHandle handle = new ContainerHandle(new CosmosConnection(
                ConnectionProfile.create("Prod", AuthKind.KEY, ENDPOINT), mock(CosmosAsyncClient.class)),
                new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
        ItemHistoryViewModel history = new ItemHistoryViewModel(log, ImmediateTaskRunner.immediate(), handle, "o-1",
                PartitionKeyValue.of("c1"));

        history.load();

        assertThat(history.entries()).extracting(AuditEntry::operation, AuditEntry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("replace", "failed"),
                org.assertj.core.groups.Tuple.tuple("replace", "ok"),
                org.assertj.core.groups.Tuple.tuple("create", "ok"));
        List<ObjectNode> restored = new ArrayList<>();
        // a failed write left nothing: its "this version" is the one it would have replaced
        assertThat(ItemHistoryViewModel.versionOf(history.entries().get(0))).isEqualTo(body("o-1", 2));
        history.select(history.entries().get(1));
        assertThat(history.restoreSelected(restored::add)).isTrue();
        assertThat(history.restoreBeforeSelected(restored::add)).isTrue();
        history.select(history.entries().get(2));
        assertThat(history.canRestoreBefore(history.entries().get(2))).as("a create has no version before").isFalse();
        assertThat(restored).containsExactly(body("o-1", 2), body("o-1", 1));
    }
}
