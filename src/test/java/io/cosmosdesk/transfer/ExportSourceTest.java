package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.models.SqlParameter;
import com.azure.cosmos.models.SqlQuerySpec;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an export reads, how it is described, and which queries can be counted for an ETA. */
class ExportSourceTest {

    private final ContainerHandle handle = new ContainerHandle(mock(CosmosConnection.class),
            new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));

    private ExportSource query(String text) {
        return new ExportSource(handle, new SqlQuerySpec(text), null);
    }

    @Test
    void plainSelectionsAreCountedWithoutTheirOrderAndOthersAreNot() {
        assertThat(ExportSource.wholeContainer(handle).countQuery().orElseThrow().getQueryText())
                .isEqualTo("SELECT VALUE COUNT(1) FROM c");
        ExportSource sorted = ExportSource.of(handle, ItemQuery.where(JsonPath.parse("status"), "paid")
                .withSort(new ItemQuery.Sort(JsonPath.parse("n"), true)));
        SqlQuerySpec count = sorted.countQuery().orElseThrow();
        assertThat(count.getQueryText()).isEqualTo("SELECT VALUE COUNT(1) FROM c WHERE c[\"status\"] = @p0");
        assertThat(count.getParameters()).extracting(SqlParameter::getName).containsExactly("@p0");
        assertThat(query("select * from x where x.n > 1 order by x.n;").countQuery().orElseThrow().getQueryText())
                .isEqualTo("SELECT VALUE COUNT(1) FROM x where x.n > 1");
        for (String uncountable : List.of("SELECT TOP 10 * FROM c", "SELECT * FROM c OFFSET 5 LIMIT 10",
                "SELECT c.id FROM c", "SELECT DISTINCT * FROM c", "SELECT * FROM c JOIN t IN c.tags",
                "SELECT VALUE c.n FROM c")) {
            assertThat(query(uncountable).countQuery()).as(uncountable).isEmpty();
        }
    }

    @Test
    void descriptionsNameTheContainerAndTheSelection() {
        assertThat(ExportSource.wholeContainer(handle).isWholeContainer()).isTrue();
        assertThat(ExportSource.wholeContainer(handle).describe()).isEqualTo("retail/orders");
        ExportSource filtered = ExportSource.of(handle, ItemQuery.filtered("c.status = 'paid'"));
        assertThat(filtered.isWholeContainer()).isFalse();
        assertThat(filtered.describe()).isEqualTo("retail/orders WHERE c.status = 'paid'");
        assertThat(filtered.describeSelection()).isEqualTo("Only the items matching WHERE c.status = 'paid'");
        assertThat(query("SELECT c.id FROM c").describeSelection()).isEqualTo("Only the results of SELECT c.id FROM c");
        // A query with an order and no filter selects every item: it must not read as a filter.
        assertThat(query("SELECT * FROM c ORDER BY c.ts DESC").describeSelection())
                .isEqualTo("Every item, in the query's order (ORDER BY c.ts DESC)");
        ExportSource partition = new ExportSource(handle, new SqlQuerySpec("SELECT * FROM c"),
                PartitionKeyValue.of("C-1"));
        assertThat(partition.isWholeContainer()).isFalse();
        assertThat(partition.describe()).isEqualTo("retail/orders (partition \"C-1\")");
    }
}
