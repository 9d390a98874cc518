package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyBuilder;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A container created by another client without {@code "kind"} in its partition key definition is completed as
 * the service completes it, so the Java SDK's single-partition queries work on it (they used to fail with a
 * NullPointerException in getFeedRangeEpks).
 */
@ExtendWith(CosmosServerExtension.class)
class PartitionKeyDefinitionIT {

    /** Creates a container over the REST API with exactly this partition key JSON, signed with the master key. */
    private static void createContainerOverRest(LocalCosmosServer server, String databaseId, String containerId,
            String partitionKeyJson) throws IOException, GeneralSecurityException {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String payload = "post\ncolls\ndbs/" + databaseId + "\n" + date.toLowerCase(Locale.ROOT) + "\n\n";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(server.key()), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        HttpsURLConnection connection = (HttpsURLConnection) URI.create(server.endpoint())
                .resolve("/dbs/" + databaseId + "/colls").toURL().openConnection();
        connection.setSSLSocketFactory(io.cosmosdesk.sandbox.LocalCosmosServer.trustAllContext().getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true); // the loopback test server's self-signed certificate
        connection.setRequestMethod("POST");
        connection.setRequestProperty("x-ms-date", date);
        connection.setRequestProperty("x-ms-version", "2018-12-31");
        connection.setRequestProperty("content-type", "application/json");
        connection.setRequestProperty("authorization",
                URLEncoder.encode("type=master&ver=1.0&sig=" + signature, StandardCharsets.UTF_8));
        connection.setDoOutput(true);
        try (OutputStream out = connection.getOutputStream()) {
            out.write(("{\"id\":\"" + containerId + "\",\"partitionKey\":" + partitionKeyJson + "}")
                    .getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
            assertThat(status).as(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(201);
        }
    }

    @Test
    void aSinglePathDefinitionWithoutKindBecomesHashAndSinglePartitionQueriesWork(LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncDatabase database = data.createDatabase();
        createContainerOverRest(server, database.getId(), "from-other-sdk", "{\"paths\":[\"/pk\"]}");
        CosmosAsyncContainer container = database.getContainer("from-other-sdk");
        container.createItem(item("id", "1", "pk", "a", "n", 1)).block();
        container.createItem(item("id", "2", "pk", "b", "n", 2)).block();

        PartitionKeyDefinition definition = container.read().block().getProperties().getPartitionKeyDefinition();
        assertThat(definition.getKind()).isEqualTo(PartitionKind.HASH);
        assertThat(definition.getPaths()).containsExactly("/pk");

        List<ObjectNode> found = container.queryItems("SELECT * FROM c",
                new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("a")), ObjectNode.class)
                .collectList().block();
        assertThat(found).extracting(i -> i.get("id").asText()).containsExactly("1");
    }

    @Test
    void aHierarchicalDefinitionWithoutKindBecomesMultiHashVersion2(LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncDatabase database = data.createDatabase();
        createContainerOverRest(server, database.getId(), "hierarchical", "{\"paths\":[\"/tenant\",\"/device\"]}");
        CosmosAsyncContainer container = database.getContainer("hierarchical");
        container.createItem(item("id", "1", "tenant", "t1", "device", "d1")).block();
        container.createItem(item("id", "2", "tenant", "t1", "device", "d2")).block();

        PartitionKeyDefinition definition = container.read().block().getProperties().getPartitionKeyDefinition();
        assertThat(definition.getKind()).isEqualTo(PartitionKind.MULTI_HASH);
        assertThat(definition.getVersion().toString()).isEqualTo("V2");

        PartitionKey key = new PartitionKeyBuilder().add("t1").add("d2").build();
        List<ObjectNode> found = container.queryItems("SELECT * FROM c",
                new CosmosQueryRequestOptions().setPartitionKey(key), ObjectNode.class).collectList().block();
        assertThat(found).extracting(i -> i.get("id").asText()).containsExactly("2");
    }
}
