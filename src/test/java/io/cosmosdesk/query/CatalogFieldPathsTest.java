package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncClient;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.json.JsonFiles;
import io.cosmosdesk.schema.FieldPathCatalog;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Completion takes the Schema tab's sampled paths (schema's catalog) merged with its own quick sample. */
class CatalogFieldPathsTest {

    @TempDir
    Path data;

    private ContainerHandle orders;
    private ContainerHandle other;

    @BeforeEach
    void setUp() {
        CosmosConnection connection = new CosmosConnection(ConnectionProfile.create("T", AuthKind.KEY,
                "https://acct.documents.azure.com:443/"), mock(CosmosAsyncClient.class));
        orders = new ContainerHandle(connection, new ContainerInfo(new ContainerRef("retail", "orders"),
                List.of("/customerId"), false, null));
        other = new ContainerHandle(connection, new ContainerInfo(new ContainerRef("retail", "other"),
                List.of("/id"), false, null));
    }

    private FieldPathCatalog catalogWith(String... paths) throws Exception {
        ObjectNode root = Json.MAPPER.createObjectNode().put("version", 1);
        ArrayNode list = root.putObject("containers").putObject(FieldPathCatalog.keyOf(orders)).putArray("paths");
        for (String path : paths) {
            list.addObject().put("path", path).put("presence", 1.0).putArray("types").add("string");
        }
        JsonFiles.write(data.resolve(FieldPathCatalog.FILE_NAME), root);
        return new FieldPathCatalog(data);
    }

    private static List<String> texts(List<JsonPath> paths) {
        return paths.stream().map(path -> String.join("/", path.segments())).toList();
    }

    @Test
    void theCatalogsPathsAreMergedWithTheSampleOnceEachSorted() throws Exception {
        FieldPathCatalog catalog = catalogWith("customer.address.city", "lines[].sku", "[\"unit price\"]", "tags[]",
                "customer");
        FieldPathSource sample = container -> List.of(JsonPath.of(List.of("customer")), JsonPath.of(List.of("id")),
                JsonPath.of(List.of("status")));
        List<JsonPath> paths = new CatalogFieldPaths(catalog, sample).fieldPaths(orders);
        assertThat(texts(paths)).containsExactly("customer", "customer/address/city", "id", "lines/[]/sku", "status",
                "unit price");
    }

    @Test
    void aContainerTheSchemaTabNeverSampledGetsTheSampleAlone() throws Exception {
        FieldPathCatalog catalog = catalogWith("customer.address.city");
        FieldPathSource sample = container -> List.of(JsonPath.of(List.of("only")));
        assertThat(texts(new CatalogFieldPaths(catalog, sample).fieldPaths(other))).containsExactly("only");
    }

    @Test
    void whenTheSampleFailsTheCatalogStillServes() throws Exception {
        FieldPathCatalog catalog = catalogWith("total");
        FieldPathSource failing = container -> {
            throw new IllegalStateException("throttled");
        };
        assertThat(texts(new CatalogFieldPaths(catalog, failing).fieldPaths(orders))).containsExactly("total");
    }

    @Test
    void catalogPathsReadAsSteps() {
        assertThat(CatalogFieldPaths.segments("a.b[].c")).containsExactly("a", "b", "[]", "c");
        assertThat(CatalogFieldPaths.segments("[\"x \\\"y\\\"\"].z")).containsExactly("x \"y\"", "z");
        assertThat(CatalogFieldPaths.segments("[\"open")).isEmpty();
    }
}
