package io.cosmosdesk.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.TriggerOperation;
import com.azure.cosmos.models.TriggerType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditEntry;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.cosmos.ScriptKind;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Stored procedures, triggers and user-defined functions through ScriptService, against the local server. */
@ExtendWith(CosmosServerExtension.class)
class ScriptServiceIT {

    private static final String ADD_ORDER = """
            function addOrder(id, total) {
                var collection = getContext().getCollection();
                console.log('adding ' + id);
                collection.createDocument(collection.getSelfLink(), { id: id, customer: 'c1', total: total },
                    function (err, created) {
                        if (err) throw err;
                        getContext().getResponse().setBody({ created: created.id, total: created.total });
                    });
            }""";

    @TempDir
    Path folder;

    private final CosmosClientFactory factory = new CosmosClientFactory();
    private final ResourceService resources = new ResourceService();
    private AuditLog log;
    private CosmosConnection connection;
    private CosmosConnection readOnly;

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
        if (readOnly != null) {
            readOnly.close();
        }
        if (log != null) {
            log.close();
        }
    }

    private ScriptService service() {
        log = new AuditLog(folder.resolve("audit"));
        return new ScriptService(new AuditedWrites(log), resources);
    }

    private CosmosConnection open(LocalCosmosServer server, boolean readOnlyConnection, String key) {
        return factory.open(ConnectionProfile.create(readOnlyConnection ? "Reader" : "Local", AuthKind.EMULATOR,
                server.endpoint()).withReadOnly(readOnlyConnection), new Credentials.AccountKey(key));
    }

    private ContainerHandle handle(CosmosConnection on, CosmosAsyncContainer container) {
        return new ContainerHandle(on, new ContainerInfo(new ContainerRef(container.getDatabase().getId(),
                container.getId()), List.of("/customer"), false, null));
    }

    @Test
    void createsReadsReplacesWithItsEtagAndDeletesEachKindAndListsThem(LocalCosmosServer server, CosmosTestData data) {
        ScriptService service = service();
        connection = open(server, false, server.key());
        ContainerHandle handle = handle(connection, data.createContainer("/customer"));

        ScriptDefinition sproc = service.createScript(handle, ScriptDefinition.of(ScriptKind.STORED_PROCEDURE,
                "addOrder", ADD_ORDER));
        ScriptDefinition trigger = service.createScript(handle, new ScriptDefinition(ScriptKind.TRIGGER, "stamp",
                "function () { }", TriggerType.POST, TriggerOperation.REPLACE, null));
        service.createScript(handle, ScriptDefinition.of(ScriptKind.USER_DEFINED_FUNCTION, "double",
                "function (x) { return x * 2; }"));
        assertThat(sproc.etag()).isNotBlank();
        assertThat(service.readScriptIds(handle, ScriptKind.STORED_PROCEDURE)).containsExactly("addOrder");
        assertThat(service.readScriptIds(handle, ScriptKind.TRIGGER)).containsExactly("stamp");
        assertThat(service.readScriptIds(handle, ScriptKind.USER_DEFINED_FUNCTION)).containsExactly("double");

        ScriptDefinition readTrigger = service.readScript(handle, ScriptKind.TRIGGER, "stamp");
        assertThat(readTrigger.triggerType()).isEqualTo(TriggerType.POST);
        assertThat(readTrigger.triggerOperation()).isEqualTo(TriggerOperation.REPLACE);
        assertThat(readTrigger.etag()).isEqualTo(trigger.etag());

        ScriptDefinition replaced = service.replaceScript(handle, new ScriptDefinition(ScriptKind.STORED_PROCEDURE,
                "addOrder", ADD_ORDER + "\n// v2", null, null, sproc.etag()));
        assertThat(replaced.etag()).isNotEqualTo(sproc.etag());
        assertThat(service.readScript(handle, ScriptKind.STORED_PROCEDURE, "addOrder").body()).endsWith("// v2");

        // a stale ETag: someone else's change is reported, not overwritten (both kinds of replace)
        assertThatThrownBy(() -> service.replaceScript(handle, new ScriptDefinition(ScriptKind.STORED_PROCEDURE,
                "addOrder", "function () { }", null, null, sproc.etag())))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CHANGED_BY_SOMEONE_ELSE);
                    assertThat(e.userMessage()).startsWith("Someone else changed the stored procedure 'addOrder' "
                            + "since you opened it");
                });
        service.replaceScript(handle, readTrigger);
        assertThatThrownBy(() -> service.replaceScript(handle, readTrigger))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        assertThat(service.readScript(handle, ScriptKind.STORED_PROCEDURE, "addOrder").body()).endsWith("// v2");

        assertThatThrownBy(() -> service.createScript(handle, ScriptDefinition.of(ScriptKind.STORED_PROCEDURE,
                "addOrder", ADD_ORDER)))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.userMessage())
                        .isEqualTo("A stored procedure named 'addOrder' already exists in this container: choose "
                                + "another id, or open that one from the tree. Your text is still here."));

        service.deleteScript(handle, ScriptKind.USER_DEFINED_FUNCTION, "double", null);
        assertThat(service.readScriptIds(handle, ScriptKind.USER_DEFINED_FUNCTION)).isEmpty();
        assertThatThrownBy(() -> service.readScript(handle, ScriptKind.USER_DEFINED_FUNCTION, "double"))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.userMessage()).startsWith("The user-defined function 'double' no longer exists");
                });
        assertThatThrownBy(() -> service.replaceScript(handle, ScriptDefinition.of(ScriptKind.USER_DEFINED_FUNCTION,
                "double", "function (x) { return x; }")))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));

        List<AuditEntry> entries = log.read(entry -> true, 100);
        assertThat(entries).extracting(AuditEntry::operation)
                .contains("script-create", "script-replace", "script-delete");
        assertThat(entries).filteredOn(entry -> entry.operation().equals("script-create") && entry.ok())
                .extracting(entry -> entry.after().path("kind").asText())
                .contains("stored procedure", "trigger", "user-defined function");
    }

    @Test
    void triggersAndFunctionsAreReplacedAndDeletedOnlyOnTheVersionLoadedInOneRequest(LocalCosmosServer server,
            CosmosTestData data) {
        ScriptService service = service();
        connection = open(server, false, server.key());
        ContainerHandle handle = handle(connection, data.createContainer("/customer"));
        ScriptDefinition trigger = service.createScript(handle, new ScriptDefinition(ScriptKind.TRIGGER, "stamp",
                "function () { }", TriggerType.PRE, TriggerOperation.ALL, null));
        ScriptDefinition function = service.createScript(handle, ScriptDefinition.of(ScriptKind.USER_DEFINED_FUNCTION,
                "double", "function (x) { return x * 2; }"));

        // the server itself refuses the stale version (412): the If-Match travels with the replace, no compare first
        for (ScriptDefinition stale : List.of(trigger.withEtag("\"stale\""), function.withEtag("\"stale\""))) {
            assertThatThrownBy(() -> {
                if (stale.kind() == ScriptKind.TRIGGER) {
                    ConditionalScripts.replaceTrigger(handle, stale, stale.etag());
                } else {
                    ConditionalScripts.replaceFunction(handle, stale, stale.etag());
                }
            })
                    .isInstanceOfSatisfying(com.azure.cosmos.CosmosException.class,
                            e -> assertThat(e.getStatusCode()).isEqualTo(412));
        }
        ScriptDefinition newerTrigger = service.replaceScript(handle, new ScriptDefinition(ScriptKind.TRIGGER, "stamp",
                "function () { /* v2 */ }", TriggerType.POST, TriggerOperation.CREATE, trigger.etag()));
        ScriptDefinition newerFunction = service.replaceScript(handle, ScriptDefinition.of(
                ScriptKind.USER_DEFINED_FUNCTION, "double", "function (x) { return x + x; }")
                .withEtag(function.etag()));
        ScriptDefinition stored = service.readScript(handle, ScriptKind.TRIGGER, "stamp");
        assertThat(stored.body()).contains("v2");
        assertThat(stored.triggerType()).isEqualTo(TriggerType.POST);
        assertThat(stored.triggerOperation()).isEqualTo(TriggerOperation.CREATE);
        assertThat(stored.etag()).isEqualTo(newerTrigger.etag());
        assertThat(service.readScript(handle, ScriptKind.USER_DEFINED_FUNCTION, "double").body()).contains("x + x");

        // a delete on the version first loaded is refused; on the current one it goes
        for (ScriptDefinition old : List.of(trigger, function)) {
            assertThatThrownBy(() -> service.deleteScript(handle, old.kind(), old.id(), old.etag()))
                    .isInstanceOfSatisfying(CosmosDeskException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        }
        assertThat(service.readScriptIds(handle, ScriptKind.TRIGGER)).containsExactly("stamp");
        service.deleteScript(handle, ScriptKind.TRIGGER, "stamp", newerTrigger.etag());
        service.deleteScript(handle, ScriptKind.USER_DEFINED_FUNCTION, "double", newerFunction.etag());
        assertThat(service.readScriptIds(handle, ScriptKind.TRIGGER)).isEmpty();
        assertThat(service.readScriptIds(handle, ScriptKind.USER_DEFINED_FUNCTION)).isEmpty();
    }

    @Test
    void executesAStoredProcedureInAPartitionWithParametersShowingItsResultAndLog(LocalCosmosServer server,
            CosmosTestData data) {
        ScriptService service = service();
        connection = open(server, false, server.key());
        CosmosAsyncContainer container = data.createContainer("/customer");
        ContainerHandle handle = handle(connection, container);
        service.createScript(handle, ScriptDefinition.of(ScriptKind.STORED_PROCEDURE, "addOrder", ADD_ORDER));

        ExecutionResult result = service.executeStoredProcedure(handle, "addOrder", PartitionKeyValue.of("c1"),
                List.of("o-1", 42));

        assertThat(Json.MAPPER.convertValue(readTree(result.resultJson()), Map.class))
                .isEqualTo(Map.of("created", "o-1", "total", 42));
        assertThat(result.scriptLog()).isEqualTo("adding o-1");
        assertThat(container.readItem("o-1", new PartitionKey("c1"), ObjectNode.class).block().getItem()
                .get("total").asInt()).isEqualTo(42);
        AuditEntry executed = log.read(entry -> entry.operation().equals("script-execute"), 10).get(0);
        assertThat(executed.id()).isEqualTo("addOrder");
        assertThat(executed.partitionKey().toString()).isEqualTo("[\"c1\"]");
        assertThat(executed.after().get("parameters").toString()).isEqualTo("[\"o-1\",42]");

        // the item is created in the partition the script was run in: another partition's key is refused
        assertThatThrownBy(() -> service.executeStoredProcedure(handle, "addOrder", PartitionKeyValue.of("c2"),
                List.of("o-2", 1)))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.userMessage())
                        .startsWith("The stored procedure 'addOrder' failed: Error: PartitionKey extracted from document "
                                + "doesn't match"));
    }

    @Test
    void aScriptThatThrowsOrLoopsIsASentenceAndWritesNothing(LocalCosmosServer server, CosmosTestData data) {
        ScriptService service = service();
        connection = open(server, false, server.key());
        CosmosAsyncContainer container = data.createContainer("/customer");
        ContainerHandle handle = handle(connection, container);
        service.createScript(handle, ScriptDefinition.of(ScriptKind.STORED_PROCEDURE, "refuse", """
                function (total) {
                    getContext().getCollection().createDocument(getContext().getCollection().getSelfLink(),
                        { id: 'partial', customer: 'c1' });
                    if (total > 100) throw new Error('Totals over 100 need approval');
                }"""));
        service.createScript(handle, ScriptDefinition.of(ScriptKind.STORED_PROCEDURE, "spin",
                "function () { while (true) { } }"));

        assertThatThrownBy(() -> service.executeStoredProcedure(handle, "refuse", PartitionKeyValue.of("c1"),
                List.of(500)))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.userMessage()).isEqualTo(
                        "The stored procedure 'refuse' failed: Error: Totals over 100 need approval. Nothing it wrote "
                                + "was kept."));
        assertThatThrownBy(() -> service.executeStoredProcedure(handle, "spin", PartitionKeyValue.of("c1"), List.of()))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.userMessage()).startsWith(
                        "The stored procedure 'spin' did not finish within the time Cosmos DB allows a script"));
        assertThatThrownBy(() -> service.executeStoredProcedure(handle, "gone", PartitionKeyValue.of("c1"), List.of()))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThat(container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(), ObjectNode.class)
                .collectList().block()).isEmpty();
        assertThat(log.read(entry -> entry.operation().equals("script-execute"), 10))
                .allSatisfy(entry -> assertThat(entry.outcome()).isEqualTo("failed")).hasSize(3);
    }

    @Test
    void readOnlyConnectionsRefuseEveryChangeAndEveryRunInTheService(LocalCosmosServer server, CosmosTestData data) {
        ScriptService service = service();
        connection = open(server, false, server.key());
        readOnly = open(server, true, server.key());
        CosmosAsyncContainer container = data.createContainer("/customer");
        ScriptDefinition stored = service.createScript(handle(connection, container),
                ScriptDefinition.of(ScriptKind.STORED_PROCEDURE, "addOrder", ADD_ORDER));
        ContainerHandle reader = handle(readOnly, container);

        List<Runnable> attempts = List.of(
                () -> service.createScript(reader, ScriptDefinition.of(ScriptKind.TRIGGER, "t", "function () { }")),
                () -> service.replaceScript(reader, stored),
                () -> service.deleteScript(reader, ScriptKind.STORED_PROCEDURE, "addOrder", null),
                () -> service.executeStoredProcedure(reader, "addOrder", PartitionKeyValue.of("c1"), List.of("x", 1)));
        for (Runnable attempt : attempts) {
            assertThatThrownBy(attempt::run).isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                assertThat(e.kind()).isEqualTo(ErrorKind.READ_ONLY);
                assertThat(e.userMessage()).isEqualTo("\"Reader\" is a read-only connection: changes are not allowed.");
            });
        }
        assertThat(service.readScriptIds(reader, ScriptKind.STORED_PROCEDURE)).containsExactly("addOrder");
        assertThat(container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(), ObjectNode.class)
                .collectList().block()).isEmpty();
        assertThat(log.read(entry -> "refused".equals(entry.outcome()), 10)).hasSize(4);
    }

    @Test
    void throttlingUnreachableAndUnauthorisedAreSentences(LocalCosmosServer server, CosmosTestData data) {
        ScriptService service = service();
        connection = open(server, false, server.key());
        CosmosAsyncContainer container = data.createContainer("/customer");
        ContainerHandle handle = handle(connection, container);
        ScriptDefinition script = ScriptDefinition.of(ScriptKind.STORED_PROCEDURE, "addOrder", ADD_ORDER);
        try {
            server.setFault(LocalCosmosServer.Fault.of(LocalCosmosServer.FaultMode.THROTTLE, 100)
                    .onPathsContaining("/sprocs").retryAfter(java.time.Duration.ofMillis(5)));
            assertThatThrownBy(() -> service.createScript(handle, script))
                    .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.THROTTLED);
                        assertThat(e.userMessage()).isEqualTo(ErrorKind.THROTTLED.defaultSentence());
                    });
            server.clearFaults();
            server.setFault(LocalCosmosServer.Fault.of(LocalCosmosServer.FaultMode.UNAVAILABLE, 100)
                    .onPathsContaining("/sprocs"));
            assertThatThrownBy(() -> service.createScript(handle, script))
                    .isInstanceOfSatisfying(CosmosDeskException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNREACHABLE));
        } finally {
            server.clearFaults();
        }
        try (CosmosConnection wrongKey = open(server, false, "AAAA" + server.key().substring(4))) {
            assertThatThrownBy(() -> service.createScript(handle(wrongKey, container), script))
                    .isInstanceOfSatisfying(CosmosDeskException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAUTHORIZED));
        } catch (CosmosDeskException refusedAtOpen) {
            assertThat(refusedAtOpen.kind()).isEqualTo(ErrorKind.UNAUTHORIZED);
        }
        assertThat(service.readScriptIds(handle, ScriptKind.STORED_PROCEDURE)).isEmpty();
    }

    @Test
    void aUserDefinedFunctionCreatedHereRunsInTheQueryWorkspacesQueries(LocalCosmosServer server, CosmosTestData data) {
        ScriptService service = service();
        connection = open(server, false, server.key());
        CosmosAsyncContainer container = data.createContainer("/customer");
        ContainerHandle handle = handle(connection, container);
        CosmosTestData.insert(container, "/customer", 4, n -> Json.MAPPER.createObjectNode().put("id", "o" + n)
                .put("customer", "c" + n).put("total", n * 100));
        service.createScript(handle, ScriptDefinition.of(ScriptKind.USER_DEFINED_FUNCTION, "withTax",
                "function (total) { return Math.round(total * 1.2); }"));

        List<Integer> taxed = new java.util.ArrayList<>();
        io.cosmosdesk.query.QueryRequest request = new io.cosmosdesk.query.QueryRequest(handle,
                "SELECT VALUE udf.withTax(c.total) FROM c WHERE udf.withTax(c.total) > 200", List.of(),
                io.cosmosdesk.query.QueryScope.crossPartition(), 100, false);
        try (io.cosmosdesk.query.QueryRun run = new io.cosmosdesk.query.QueryService().open(request,
                io.cosmosdesk.query.QueryGuards.DEFAULTS)) {
            while (run.hasMore()) {
                run.next().results().forEach(row -> taxed.add(row.json().asInt()));
            }
        }
        assertThat(taxed).containsExactlyInAnyOrder(240, 360);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
