package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.MainWindowFixture;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

/**
 * The export's held-open page stream against the local server: a reader slower than the service makes it pause
 * with a full buffer (memory stays flat) and resume from the last page kept, and still every item comes exactly once.
 */
@ExtendWith(CosmosServerExtension.class)
class ExportPagesIT {

    @Test
    void aSlowReaderPausesTheStreamAtAFullBufferAndStillGetsEveryItemOnce(CosmosAsyncClient client,
            LocalCosmosServer server, CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = TransferTestBed.newContainer(client, data, "/pk");
        List<ObjectNode> items = TransferTestBed.items(300, 7, 3);
        container.executeBulkOperations(Flux.fromIterable(items).map(item -> CosmosBulkOperations
                .getCreateItemOperation(item, new PartitionKey(item.get("pk").asText())))).blockLast();
        ContainerHandle handle = TransferTestBed.handle(client, container, List.of("/pk"), false, server.endpoint());

        List<String> ids = new ArrayList<>();
        try (ExportPages pages = new ExportPages(ExportSource.wholeContainer(handle), 10)) {
            ExportPages.Page first = pages.next();
            first.items().forEach(item -> ids.add(item.get("id").asText()));
            // the reader dawdles: the service fills the buffer, and the stream stops there
            MainWindowFixture.waitFor("the stream pauses at a full buffer", pages::paused);
            assertThat(pages.buffered()).isEqualTo(ExportPages.MAX_BUFFERED_PAGES);
            for (ExportPages.Page page = pages.next(); page != null; page = pages.next()) {
                assertThat(pages.buffered()).isLessThanOrEqualTo(ExportPages.MAX_BUFFERED_PAGES);
                page.items().forEach(item -> ids.add(item.get("id").asText()));
            }
            assertThat(pages.restarts()).isGreaterThanOrEqualTo(1);
        }
        Set<String> unique = new HashSet<>(ids);
        assertThat(ids).hasSize(300);
        assertThat(unique).hasSize(300);
    }
}
