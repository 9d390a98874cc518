package io.cosmosdesk.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchItemRequestOptions;
import com.azure.cosmos.models.CosmosPatchOperations;
import com.azure.cosmos.models.CosmosStoredProcedureProperties;
import com.azure.cosmos.models.CosmosStoredProcedureRequestOptions;
import com.azure.cosmos.models.CosmosStoredProcedureResponse;
import com.azure.cosmos.models.CosmosTriggerProperties;
import com.azure.cosmos.models.CosmosUserDefinedFunctionProperties;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.SqlQuerySpec;
import com.azure.cosmos.models.TriggerOperation;
import com.azure.cosmos.models.TriggerType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stored procedures executed, triggers run and user-defined functions called by the local server, through the SDK. */
@ExtendWith(CosmosServerExtension.class)
class ScriptsIT {

    private static final String CREATE_QUERY_REPLACE = """
            function bump(prefix) {
                var collection = getContext().getCollection();
                console.log('bumping ' + prefix);
                var accepted = collection.createDocument(collection.getSelfLink(), { id: prefix + '-new', pk: 'a', n: 1 },
                    function (err, created) {
                        if (err) throw err;
                        collection.queryDocuments(collection.getSelfLink(),
                            { query: 'SELECT * FROM c WHERE STARTSWITH(c.id, @p)', parameters: [{ name: '@p', value: prefix }] },
                            {}, function (err2, docs) {
                                if (err2) throw err2;
                                var doc = docs.filter(function (d) { return d.id === prefix + '-old'; })[0];
                                doc.n = doc.n + 10;
                                collection.replaceDocument(doc._self, doc, { etag: doc._etag }, function (err3, replaced) {
                                    if (err3) throw err3;
                                    console.log('replaced', replaced.id);
                                    getContext().getResponse().setBody({ seen: docs.length, n: replaced.n });
                                });
                            });
                    });
                if (!accepted) throw new Error('not accepted');
            }""";

    @Test
    void aStoredProcedureCreatesQueriesAndReplacesDocumentsOfItsPartitionAndLogs(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        container.createItem(item("x-old", "a", 5)).block();
        container.createItem(item("x-other-partition", "b", 5)).block();
        container.getScripts().createStoredProcedure(new CosmosStoredProcedureProperties("bump", CREATE_QUERY_REPLACE)).block();

        CosmosStoredProcedureResponse response = container.getScripts().getStoredProcedure("bump")
                .execute(List.of("x"), new CosmosStoredProcedureRequestOptions()
                        .setPartitionKey(new PartitionKey("a")).setScriptLoggingEnabled(true))
                .block();

        JsonNode result = readTree(response.getResponseAsString());
        assertThat(result.get("seen").asInt()).as("only the documents of partition 'a'").isEqualTo(2);
        assertThat(result.get("n").asInt()).isEqualTo(15);
        assertThat(response.getScriptLog()).isEqualTo("bumping x\nreplaced x-old");
        assertThat(container.readItem("x-new", new PartitionKey("a"), ObjectNode.class).block().getItem().get("n").asInt())
                .isEqualTo(1);
    }

    @Test
    void aStoredProcedureThatThrowsIsA400WithItsMessageAndItsWritesAreRolledBack(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        container.getScripts().createStoredProcedure(new CosmosStoredProcedureProperties("fail", """
                function () {
                    getContext().getCollection().createDocument(getContext().getCollection().getSelfLink(), { id: 'written', pk: 'a' });
                    throw new Error('the order is closed');
                }""")).block();

        assertThatThrownBy(() -> container.getScripts().getStoredProcedure("fail")
                .execute(List.of(), new CosmosStoredProcedureRequestOptions().setPartitionKey(new PartitionKey("a"))).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("Encountered exception while executing function. Exception = Error: the order is closed");
                });
        assertThat(container.queryItems("SELECT * FROM c", ObjectNode.class).collectList().block()).isEmpty();
    }

    @Test
    void aStoredProcedureCannotWriteOutsideItsPartitionNorReachTheHost(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        container.getScripts().createStoredProcedure(new CosmosStoredProcedureProperties("escape", """
                function () {
                    getContext().getResponse().setBody([typeof require, typeof process,
                        (function () { try { return getContext.constructor('return typeof process')(); } catch (e) { return String(e); } })()]);
                    getContext().getCollection().createDocument('', { id: 'elsewhere', pk: 'b' });
                }""")).block();

        assertThatThrownBy(() -> container.getScripts().getStoredProcedure("escape")
                .execute(List.of(), new CosmosStoredProcedureRequestOptions().setPartitionKey(new PartitionKey("a"))).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getMessage())
                        .contains("PartitionKey extracted from document doesn't match the one specified in the header."));

        container.getScripts().createStoredProcedure(new CosmosStoredProcedureProperties("probe", """
                function () { getContext().getResponse().setBody([typeof require, typeof process,
                    getContext.constructor('return typeof process')()]); }""")).block();
        String probed = container.getScripts().getStoredProcedure("probe")
                .execute(List.of(), new CosmosStoredProcedureRequestOptions().setPartitionKey(new PartitionKey("a")))
                .block().getResponseAsString();
        assertThat(probed).isEqualTo("[\"undefined\",\"undefined\",\"undefined\"]");
    }

    @Test
    void aStoredProcedureThatLoopsIsStoppedByTheTimeLimit(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        container.getScripts().createStoredProcedure(new CosmosStoredProcedureProperties("spin", """
                function () {
                    getContext().getCollection().createDocument(getContext().getCollection().getSelfLink(), { id: 'before', pk: 'a' });
                    while (true) { }
                }""")).block();

        long started = System.nanoTime();
        assertThatThrownBy(() -> container.getScripts().getStoredProcedure("spin")
                .execute(List.of(), new CosmosStoredProcedureRequestOptions().setPartitionKey(new PartitionKey("a"))).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(408);
                    assertThat(e.getMessage()).contains("did not complete within its time limit");
                });
        assertThat((System.nanoTime() - started) / 1_000_000_000.0).as("seconds").isLessThan(30);
        assertThat(container.queryItems("SELECT * FROM c", ObjectNode.class).collectList().block()).isEmpty();
    }

    /** A pre-trigger on every operation: it stamps the item with the operation it runs on. */
    private static final String STAMP = """
            function () {
                var request = getContext().getRequest();
                var doc = request.getBody();
                doc.stamped = request.getOperationType();
                request.setBody(doc);
            }""";

    /** A post-trigger: it writes a log item beside the item written, and throws when the item asks it to. */
    private static final String COUNT = """
            function () {
                var written = getContext().getResponse().getBody();
                var collection = getContext().getCollection();
                collection.createDocument(collection.getSelfLink(), { id: 'log-' + written.id, pk: written.pk });
                if (written.refuse) throw new Error('refused by the post-trigger');
            }""";

    /** A container with the "stamp" pre-trigger (All operations) and the "count" post-trigger on {@code countOn}. */
    private static CosmosAsyncContainer withStampAndCount(CosmosTestData data, TriggerOperation countOn) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        CosmosTriggerProperties stamp = new CosmosTriggerProperties("stamp", STAMP);
        stamp.setTriggerType(TriggerType.PRE);
        stamp.setTriggerOperation(TriggerOperation.ALL);
        CosmosTriggerProperties count = new CosmosTriggerProperties("count", COUNT);
        count.setTriggerType(TriggerType.POST);
        count.setTriggerOperation(countOn);
        container.getScripts().createTrigger(stamp).block();
        container.getScripts().createTrigger(count).block();
        return container;
    }

    private static CosmosItemRequestOptions stampAndCount() {
        return new CosmosItemRequestOptions().setPreTriggerInclude(List.of("stamp"))
                .setPostTriggerInclude(List.of("count"));
    }

    @Test
    void preAndPostTriggersRunOnTheOperationsTheyNameWhenRequested(CosmosTestData data) {
        CosmosAsyncContainer container = withStampAndCount(data, TriggerOperation.CREATE);

        container.createItem(item("plain", "a", 1)).block();
        assertThat(container.readItem("plain", new PartitionKey("a"), ObjectNode.class).block().getItem().has("stamped"))
                .as("not requested, not run").isFalse();

        CosmosItemRequestOptions both = stampAndCount();
        ObjectNode created = container.createItem(item("one", "a", 1), new PartitionKey("a"), both).block().getItem();
        assertThat(created.get("stamped").asText()).isEqualTo("Create");
        assertThat(container.readItem("log-one", new PartitionKey("a"), ObjectNode.class).block().getItem()).isNotNull();

        ObjectNode refused = item("two", "a", 1).put("refuse", true);
        assertThatThrownBy(() -> container.createItem(refused, new PartitionKey("a"), both).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getMessage()).contains("refused by the post-trigger"));
        assertThat(container.queryItems("SELECT VALUE c.id FROM c WHERE c.id IN ('two', 'log-two')", String.class)
                .collectList().block()).as("the create and the trigger's write are undone").isEmpty();

        ObjectNode replaced = container.replaceItem(item("plain", "a", 2), "plain", new PartitionKey("a"),
                new CosmosItemRequestOptions().setPreTriggerInclude(List.of("stamp"))).block().getItem();
        assertThat(replaced.get("stamped").asText()).isEqualTo("Replace");

        assertThatThrownBy(() -> container.replaceItem(item("plain", "a", 3), "plain", new PartitionKey("a"),
                new CosmosItemRequestOptions().setPostTriggerInclude(List.of("count"))).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("runs on Create operations");
                });
    }

    @Test
    void triggersRunOnUpsertAsOnTheCreateOrReplaceItBecomes(CosmosTestData data) {
        CosmosAsyncContainer container = withStampAndCount(data, TriggerOperation.CREATE);

        ObjectNode created = container.upsertItem(item("u", "a", 1), new PartitionKey("a"), stampAndCount()).block()
                .getItem();
        assertThat(created.get("stamped").asText()).isEqualTo("Create");
        assertThat(container.readItem("log-u", new PartitionKey("a"), ObjectNode.class).block().getItem()).isNotNull();

        ObjectNode replaced = container.upsertItem(item("u", "a", 2), new PartitionKey("a"),
                new CosmosItemRequestOptions().setPreTriggerInclude(List.of("stamp"))).block().getItem();
        assertThat(replaced.get("stamped").asText()).isEqualTo("Replace");
        assertThatThrownBy(() -> container.upsertItem(item("u", "a", 3), new PartitionKey("a"),
                new CosmosItemRequestOptions().setPostTriggerInclude(List.of("count"))).block())
                .as("an upsert that replaces does not run a Create trigger")
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
        assertThat(container.readItem("u", new PartitionKey("a"), ObjectNode.class).block().getItem().get("n")
                .asInt()).isEqualTo(2);
    }

    @Test
    void triggersRunOnPatchAsOnAReplaceAfterThePatchsOwnChecks(CosmosTestData data) {
        CosmosAsyncContainer container = withStampAndCount(data, TriggerOperation.REPLACE);
        container.createItem(item("p", "a", 1)).block();
        container.createItem(item("q", "a", 1)).block();
        PartitionKey a = new PartitionKey("a");

        ObjectNode plain = container.patchItem("p", a, CosmosPatchOperations.create().increment("/n", 1),
                ObjectNode.class).block().getItem();
        assertThat(plain.has("stamped")).as("not requested, not run").isFalse();

        ObjectNode patched = container.patchItem("p", a, CosmosPatchOperations.create().increment("/n", 10),
                patchOptions(), ObjectNode.class).block().getItem();
        assertThat(patched.get("n").asInt()).isEqualTo(12);
        assertThat(patched.get("stamped").asText()).as("the pre-trigger saw the patched item").isEqualTo("Replace");
        ObjectNode stored = container.readItem("p", a, ObjectNode.class).block().getItem();
        assertThat(stored.get("stamped").asText()).isEqualTo("Replace");
        assertThat(stored.get("n").asInt()).isEqualTo(12);
        assertThat(container.readItem("log-p", a, ObjectNode.class).block().getItem()).isNotNull();

        // a patch its condition refuses runs no trigger
        CosmosPatchItemRequestOptions conditional = patchOptions();
        conditional.setFilterPredicate("FROM c WHERE c.n = 99");
        assertThatThrownBy(() -> container.patchItem("q", a, CosmosPatchOperations.create().set("/n", 5),
                conditional, ObjectNode.class).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));
        // a post-trigger that throws undoes the patch and the trigger's own write
        assertThatThrownBy(() -> container.patchItem("q", a, CosmosPatchOperations.create().set("/refuse", true),
                patchOptions(), ObjectNode.class).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getMessage())
                        .contains("refused by the post-trigger"));
        ObjectNode untouched = container.readItem("q", a, ObjectNode.class).block().getItem();
        assertThat(untouched.has("refuse")).isFalse();
        assertThat(untouched.has("stamped")).isFalse();
        assertThat(container.queryItems("SELECT VALUE c.id FROM c WHERE c.id = 'log-q'", String.class)
                .collectList().block()).isEmpty();
    }

    private static CosmosPatchItemRequestOptions patchOptions() {
        CosmosPatchItemRequestOptions options = new CosmosPatchItemRequestOptions();
        options.setPreTriggerInclude(List.of("stamp"));
        options.setPostTriggerInclude(List.of("count"));
        return options;
    }

    @Test
    void aStoredProcedureDeleteWithAStaleEtagIsRefusedWith412(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        String first = container.getScripts().createStoredProcedure(new CosmosStoredProcedureProperties("p",
                "function () { }")).block().getProperties().getETag();
        var properties = container.getScripts().getStoredProcedure("p").read().block().getProperties();
        properties.setBody("function () { /* v2 */ }");
        container.getScripts().getStoredProcedure("p").replace(properties).block();

        assertThatThrownBy(() -> container.getScripts().getStoredProcedure("p").delete(
                new com.azure.cosmos.models.CosmosStoredProcedureRequestOptions().setIfMatchETag(first)).block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(412));
        assertThat(container.getScripts().getStoredProcedure("p").read().block().getProperties().getBody())
                .contains("v2");
    }

    @Test
    void aUserDefinedFunctionIsCallableInAQuery(CosmosTestData data) {
        CosmosAsyncContainer container = data.createContainer("/pk");
        container.createItem(item("a1", "a", 100)).block();
        container.createItem(item("a2", "a", 250)).block();
        container.getScripts().createUserDefinedFunction(new CosmosUserDefinedFunctionProperties("withTax",
                "function (price) { return Math.round(price * 1.2); }")).block();

        List<Integer> taxed = container.queryItems(new SqlQuerySpec(
                        "SELECT VALUE udf.withTax(c.n) FROM c WHERE udf.withTax(c.n) > 200 ORDER BY c.n"), Integer.class)
                .collectList().block();
        assertThat(taxed).containsExactly(300);

        container.getScripts().createUserDefinedFunction(new CosmosUserDefinedFunctionProperties("spin",
                "function (x) { while (true) { } }")).block();
        assertThatThrownBy(() -> container.queryItems("SELECT VALUE udf.spin(c.n) FROM c", Integer.class).collectList().block())
                .isInstanceOfSatisfying(CosmosException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ObjectNode item(String id, String pk, int n) {
        return Json.MAPPER.valueToTree(Map.of("id", id, "pk", pk, "n", n));
    }
}
