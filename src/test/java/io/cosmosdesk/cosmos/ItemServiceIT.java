package io.cosmosdesk.cosmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ItemService against the local server: every write conditional, every failure a typed error. */
@ExtendWith(CosmosServerExtension.class)
class ItemServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A second, independent client: "someone else" changing items behind the editor's back. */
    private static CosmosAsyncClient otherClient;

    private final ItemService service = new ItemService(io.cosmosdesk.testing.TestAudit.writes());

    @BeforeAll
    static void startOtherClient(LocalCosmosServer server) {
        otherClient = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
    }

    @AfterAll
    static void stopOtherClient() {
        otherClient.close();
    }

    private static ContainerHandle handle(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosAsyncContainer container, boolean readOnly, String... paths) {
        ConnectionProfile profile = ConnectionProfile.create("it", AuthKind.EMULATOR, server.endpoint())
                .withReadOnly(readOnly);
        ContainerInfo info = new ContainerInfo(new ContainerRef(container.getDatabase().getId(), container.getId()),
                List.of(paths), paths.length > 1, null);
        return new ContainerHandle(new CosmosConnection(profile, client), info);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void createReadReplaceDeleteWithEtags(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle handle = handle(client, server, data.createContainer("/pk"), false, "/pk");
        ItemVersion created = service.createItem(handle, json("{\"id\":\"a1\",\"pk\":\"p\",\"n\":1}"));
        assertThat(created.etag()).isNotBlank();
        assertThat(created.json().path("_ts").asLong()).isPositive();

        ItemVersion read = service.readItem(handle, "a1", PartitionKeyValue.of("p"));
        assertThat(read.etag()).isEqualTo(created.etag());

        ObjectNode edited = read.json().deepCopy();
        edited.put("n", 2);
        ItemVersion replaced = service.replaceItem(handle, edited, read.etag());
        assertThat(replaced.etag()).isNotEqualTo(read.etag());
        assertThat(replaced.json().path("n").asInt()).isEqualTo(2);

        service.deleteItem(handle, "a1", PartitionKeyValue.of("p"), replaced.etag());
        assertThatThrownBy(() -> service.readItem(handle, "a1", PartitionKeyValue.of("p")))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void systemPropertiesAreNeverSentBack(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle handle = handle(client, server, container, false, "/pk");
        ItemVersion created = service.createItem(handle, json("{\"id\":\"s\",\"pk\":\"p\"}"));
        ObjectNode edited = created.json().deepCopy();
        edited.put("_self", "tampered");
        edited.put("_lsn", 7);
        edited.put("note", "kept");
        service.replaceItem(handle, edited, created.etag());
        server.clearRecentRequests();
        ObjectNode stored = container.readItem("s", new PartitionKey("p"), ObjectNode.class).block().getItem();
        assertThat(stored.path("note").asText()).isEqualTo("kept");
        assertThat(stored.path("_self").asText()).isNotEqualTo("tampered");
        assertThat(stored.has("_lsn")).isFalse();
    }

    @Test
    void aConcurrentChangeIsAConflictNeverAnOverwrite(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle handle = handle(client, server, container, false, "/pk");
        ItemVersion mine = service.createItem(handle, json("{\"id\":\"c\",\"pk\":\"p\",\"owner\":\"me\"}"));

        // someone else saves first, through their own client
        CosmosAsyncContainer theirs = otherClient.getDatabase(container.getDatabase().getId())
                .getContainer(container.getId());
        theirs.replaceItem(json("{\"id\":\"c\",\"pk\":\"p\",\"owner\":\"them\"}"), "c", new PartitionKey("p"))
                .block();

        ObjectNode edited = ItemContent.withoutSystemProperties(mine.json());
        edited.put("owner", "me, edited");
        assertThatThrownBy(() -> service.replaceItem(handle, edited, mine.etag()))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        assertThatThrownBy(() -> service.deleteItem(handle, "c", PartitionKeyValue.of("p"), mine.etag()))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        ItemVersion server1 = service.readItem(handle, "c", PartitionKeyValue.of("p"));
        assertThat(server1.json().path("owner").asText()).as("their change survived").isEqualTo("them");

        // the user chose Overwrite: conditional on the newest ETag, so it succeeds exactly once
        ItemVersion overwritten = service.overwriteItem(handle, edited, server1.etag());
        assertThat(overwritten.json().path("owner").asText()).isEqualTo("me, edited");
        assertThatThrownBy(() -> service.overwriteItem(handle, edited, server1.etag()))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
    }

    @Test
    void deletedItemIsNotFoundForEveryWrite(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle handle = handle(client, server, container, false, "/pk");
        ItemVersion mine = service.createItem(handle, json("{\"id\":\"gone\",\"pk\":\"p\"}"));
        container.deleteItem("gone", new PartitionKey("p")).block();

        assertThatThrownBy(() -> service.replaceItem(handle, mine.json(), mine.etag()))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> service.deleteItem(handle, "gone", PartitionKeyValue.of("p"), mine.etag()))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        // Overwrite after the item vanished recreates it
        ItemVersion recreated = service.overwriteItem(handle, mine.json(), null);
        assertThat(recreated.id()).isEqualTo("gone");
    }

    @Test
    void createWithAnExistingIdIsAConflict(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle handle = handle(client, server, data.createContainer("/pk"), false, "/pk");
        service.createItem(handle, json("{\"id\":\"dup\",\"pk\":\"p\",\"v\":1}"));
        assertThatThrownBy(() -> service.createItem(handle, json("{\"id\":\"dup\",\"pk\":\"p\",\"v\":2}")))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThat(service.readItem(handle, "dup", PartitionKeyValue.of("p")).json().path("v").asInt()).isEqualTo(1);
    }

    @Test
    void tooLargeIsRefusedBeforeSendingAndByTheServer(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle handle = handle(client, server, container, false, "/pk");
        ObjectNode big = json("{\"id\":\"big\",\"pk\":\"p\"}");
        big.put("blob", "x".repeat(ItemService.MAX_ITEM_BYTES));
        server.clearRecentRequests();
        assertThatThrownBy(() -> service.createItem(handle, big))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
                    assertThat(e.userMessage()).contains("2 MB");
                });
        assertThat(server.recentRequests()).noneMatch(r -> r.method().equals("POST") && r.path().contains("/docs"));

        // just under our count but over the server's (its own framing): the 413 maps to the same kind
        ObjectNode borderline = json("{\"id\":\"big2\",\"pk\":\"p\"}");
        borderline.put("blob", "x".repeat(ItemService.MAX_ITEM_BYTES - 40));
        try {
            service.createItem(handle, borderline);
        } catch (CosmosDeskException e) {
            assertThat(e.kind()).isEqualTo(ErrorKind.TOO_LARGE);
        }
    }

    @Test
    void readOnlyConnectionsRefuseEveryWrite(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        ContainerHandle writable = handle(client, server, container, false, "/pk");
        ItemVersion item = service.createItem(writable, json("{\"id\":\"ro\",\"pk\":\"p\"}"));
        ContainerHandle readOnly = handle(client, server, container, true, "/pk");

        assertThat(service.readItem(readOnly, "ro", PartitionKeyValue.of("p")).id()).isEqualTo("ro");
        server.clearRecentRequests();
        for (Runnable write : List.<Runnable>of(
                () -> service.createItem(readOnly, json("{\"id\":\"ro2\",\"pk\":\"p\"}")),
                () -> service.replaceItem(readOnly, item.json(), item.etag()),
                () -> service.overwriteItem(readOnly, item.json(), item.etag()),
                () -> service.deleteItem(readOnly, "ro", PartitionKeyValue.of("p"), item.etag()))) {
            assertThatThrownBy(write::run).isInstanceOfSatisfying(CosmosDeskException.class,
                    e -> assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY));
        }
        assertThat(server.recentRequests()).as("nothing was sent").isEmpty();
    }

    @Test
    void unicodeIds(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle handle = handle(client, server, data.createContainer("/pk"), false, "/pk");
        String id = "Zoë-東京-🚀 café";
        ItemVersion created = service.createItem(handle, json("{\"id\":\"" + id + "\",\"pk\":\"ü\"}"));
        ItemVersion read = service.readItem(handle, id, PartitionKeyValue.of("ü"));
        assertThat(read.id()).isEqualTo(id);
        ObjectNode edited = read.json().deepCopy();
        edited.put("v", 1);
        ItemVersion replaced = service.replaceItem(handle, edited, created.etag());
        service.deleteItem(handle, id, PartitionKeyValue.of("ü"), replaced.etag());
    }

    @Test
    void everyKindOfPartitionKeyValue(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle handle = handle(client, server, data.createContainer("/pk"), false, "/pk");
        for (String item : List.of("{\"id\":\"missing\"}", "{\"id\":\"null\",\"pk\":null}",
                "{\"id\":\"number\",\"pk\":42}", "{\"id\":\"double\",\"pk\":4.5}",
                "{\"id\":\"bool\",\"pk\":true}", "{\"id\":\"empty\",\"pk\":\"\"}")) {
            ObjectNode json = json(item);
            PartitionKeyValue pk = PartitionKeyValue.fromItem(json, List.of("/pk"));
            ItemVersion created = service.createItem(handle, json);
            ItemVersion read = service.readItem(handle, created.id(), pk);
            ObjectNode edited = read.json().deepCopy();
            edited.put("edited", true);
            ItemVersion replaced = service.replaceItem(handle, edited, read.etag());
            assertThat(replaced.json().path("edited").asBoolean()).as(item).isTrue();
            service.deleteItem(handle, created.id(), pk, replaced.etag());
        }
    }

    @Test
    void nestedAndHierarchicalKeys(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        ContainerHandle nested = handle(client, server, data.createContainer("/address/city"), false,
                "/address/city");
        ItemVersion a = service.createItem(nested, json("{\"id\":\"n1\",\"address\":{\"city\":\"Oslo\"}}"));
        ItemVersion readA = service.readItem(nested, "n1", PartitionKeyValue.of("Oslo"));
        assertThat(readA.etag()).isEqualTo(a.etag());
        service.replaceItem(nested, readA.json(), readA.etag());

        ContainerHandle hierarchical = handle(client, server,
                data.createHierarchicalContainer("/tenantId", "/userId"), false, "/tenantId", "/userId");
        ItemVersion h = service.createItem(hierarchical, json("{\"id\":\"h1\",\"tenantId\":\"t\",\"userId\":7}"));
        ItemVersion readH = service.readItem(hierarchical, "h1", PartitionKeyValue.of("t", 7L));
        ObjectNode edited = readH.json().deepCopy();
        edited.put("v", 2);
        ItemVersion replaced = service.replaceItem(hierarchical, edited, h.etag());
        service.deleteItem(hierarchical, "h1", PartitionKeyValue.of("t", 7L), replaced.etag());
    }

    @Test
    void throttlingAndUnreachableAreTypedErrors(CosmosAsyncClient client, LocalCosmosServer server,
            CosmosTestData data) {
        ContainerHandle handle = handle(client, server, data.createContainer("/pk"), false, "/pk");
        ItemVersion item = service.createItem(handle, json("{\"id\":\"t\",\"pk\":\"p\"}"));
        try {
            server.setFault(LocalCosmosServer.Fault.of(LocalCosmosServer.FaultMode.THROTTLE, 100)
                    .onMethods("PUT"));
            assertThatThrownBy(() -> service.replaceItem(handle, item.json(), item.etag()))
                    .isInstanceOfSatisfying(CosmosDeskException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.THROTTLED));
        } finally {
            server.clearFaults();
        }
    }
}
