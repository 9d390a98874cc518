package io.cosmosdesk.compat;

import static io.cosmosdesk.compat.Json.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A query the server cannot parse fails with 400 worded as the service words it, including where: the errors JSON
 * with the offending token's character offsets ({@code "location":{"start":S,"end":E}}), whether the SDK asked for
 * a query plan first (cross-partition) or sent the query straight to one partition.
 */
@ExtendWith(CosmosServerExtension.class)
class QuerySyntaxErrorIT {

    private CosmosAsyncContainer container;

    @BeforeEach
    void seed(CosmosTestData data) {
        container = data.createContainer("/pk");
        container.createItem(item("id", "1", "pk", "a", "n", 1)).block();
    }

    private CosmosException failureOf(String sql, CosmosQueryRequestOptions options) {
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> container.queryItems(sql, options, ObjectNode.class).collectList().block())
                .isInstanceOf(CosmosException.class)
                .satisfies(e -> caught[0] = e);
        return (CosmosException) caught[0];
    }

    /** The exception's message with the service's JSON as sent (the SDK embeds it in its own JSON). */
    private static String unescaped(CosmosException e) {
        return e.getMessage().replace("\\\"", "\"");
    }

    @Test
    void aCrossPartitionQueryNamesTheEndOfTheQuery() {
        String sql = "SELECT * FROM c WHERE c.n > 1 AND";
        CosmosException e = failureOf(sql, new CosmosQueryRequestOptions());
        assertThat(e.getStatusCode()).isEqualTo(400);
        assertThat(unescaped(e)).contains("\"code\":\"SC1001\"")
                .contains("\"location\":{\"start\":" + sql.length() + ",\"end\":" + sql.length() + "}")
                .contains("Syntax error, unexpected end of the query.");
        // the app's sentence keeps only the service's words
        assertThat(CosmosErrors.classify(e).userMessage())
                .isEqualTo("Cosmos DB rejected the request: Syntax error, unexpected end of the query.");
    }

    @Test
    void aSinglePartitionQueryNamesTheOffendingToken() {
        String sql = "SELECT * FROM c WHERE c.n >> > 1";
        CosmosException e = failureOf(sql, new CosmosQueryRequestOptions().setPartitionKey(new PartitionKey("a")));
        assertThat(e.getStatusCode()).isEqualTo(400);
        int at = sql.indexOf("> 1");
        assertThat(unescaped(e)).contains("\"location\":{\"start\":" + at + ",\"end\":" + (at + 1) + "}")
                .contains("Syntax error, incorrect syntax near '>'.");
        assertThat(CosmosErrors.classify(e).userMessage())
                .isEqualTo("Cosmos DB rejected the request: Syntax error, incorrect syntax near '>'.");
    }
}
