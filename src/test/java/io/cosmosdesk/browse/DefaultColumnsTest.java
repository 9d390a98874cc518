package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.json.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A container opened for the first time shows its most present top-level fields; the user's choice always wins. */
class DefaultColumnsTest {

    @TempDir
    Path config;

    private final ContainerHandle orders = new ContainerHandle(new CosmosConnection(
            ConnectionProfile.create("Local", AuthKind.EMULATOR, "https://localhost:8081"), mock(CosmosAsyncClient.class)),
            new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));

    private static List<JsonNode> rows(int count) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Json.MAPPER.readTree("{\"id\":\"o" + i + "\",\"customerId\":\"c\",\"_etag\":\"e\","
                    + "\"status\":\"open\",\"total\":" + i + ",\"customer\":{\"name\":\"n\"},\"a\":1,\"b\":2,\"c\":3,"
                    + "\"d\":4" + (i % 2 == 0 ? ",\"rare\":true" : "") + (i == 0 ? ",\"once\":1" : "") + "}"));
        }
        return rows;
    }

    private static List<String> headers(ItemColumns columns) {
        return columns.list().stream().map(ItemColumn::header).toList();
    }

    @Test
    void theMostPresentTopLevelFieldsFollowIdAndTheKey() throws Exception {
        ItemColumns columns = new ItemColumns(orders, new ColumnSettingsStore(config));
        columns.proposeDefaults(rows(10));
        assertThat(headers(columns)).containsExactly("id", "/customerId", "/status", "/total", "/a", "/b", "/c",
                "/d");
        assertThat(new ColumnSettingsStore(config).hasColumns(ColumnSettingsStore.keyOf(orders)))
                .as("defaults are not a choice of the user's").isFalse();
    }

    @Test
    void theUsersColumnsWinEvenWhenNone() throws Exception {
        ColumnSettingsStore settings = new ColumnSettingsStore(config);
        ItemColumns first = new ItemColumns(orders, settings);
        first.add("/customer/name");
        first.remove(first.list().get(first.list().size() - 1));

        ItemColumns reopened = new ItemColumns(orders, new ColumnSettingsStore(config));
        reopened.proposeDefaults(rows(10));
        assertThat(headers(reopened)).containsExactly("id", "/customerId");
    }

    @Test
    void defaultsComeOnceAndBecomeTheUsersWhenChanged() throws Exception {
        ItemColumns columns = new ItemColumns(orders, new ColumnSettingsStore(config));
        columns.proposeDefaults(rows(10));
        columns.remove(columns.list().get(2)); // the user drops /status
        columns.proposeDefaults(rows(10));
        assertThat(headers(columns)).doesNotContain("/status").contains("/total");
        ItemColumns reopened = new ItemColumns(orders, new ColumnSettingsStore(config));
        reopened.proposeDefaults(rows(10));
        assertThat(headers(reopened)).containsExactly("id", "/customerId", "/total", "/a", "/b", "/c", "/d");
    }

    @Test
    void theOrderTheUserDraggedAndTheWidthsTheUserGaveSurviveReopening() throws Exception {
        ItemColumns columns = new ItemColumns(orders, new ColumnSettingsStore(config));
        columns.proposeDefaults(rows(10));
        columns.reorder(List.of("/d", "id", "/status", "/customerId", "/total"));
        columns.rememberWidth("/status", 251.4);

        ItemColumns reopened = new ItemColumns(orders, new ColumnSettingsStore(config));
        reopened.proposeDefaults(rows(10));
        assertThat(headers(reopened)).as("id and the key stay first; the dragged order is the user's")
                .containsExactly("id", "/customerId", "/d", "/status", "/total", "/a", "/b", "/c");
        assertThat(reopened.width("/status")).hasValue(251.0);
        assertThat(reopened.width("/total")).isEmpty();
    }
}
