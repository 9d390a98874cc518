package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import org.junit.jupiter.api.Test;

class ChangeFilterTest {

    private static ChangeRow row(String json, Object... key) throws Exception {
        return new ChangeRow(1, null, "i", PartitionKeyValue.of(key), ChangeRow.Kind.NEW, "new",
                (com.fasterxml.jackson.databind.node.ObjectNode) Json.MAPPER.readTree(json), 10);
    }

    @Test
    void aBareValueMatchesThePartitionKeyOrOneOfItsLevels() throws Exception {
        assertThat(ChangeFilter.parse("cust-1").test(row("{}", "cust-1"))).isTrue();
        assertThat(ChangeFilter.parse("\"cust-1\"").test(row("{}", "cust-1"))).isTrue();
        assertThat(ChangeFilter.parse("cust-1").test(row("{}", "cust-10"))).isFalse();
        assertThat(ChangeFilter.parse("device-7").test(row("{}", "tenant-1", "device-7"))).isTrue();
        assertThat(ChangeFilter.parse("42").test(row("{}", 42L))).isTrue();
    }

    @Test
    void fieldConditionsCompareJsonValues() throws Exception {
        ChangeRow order = row("{\"status\":\"open\",\"totals\":{\"grand\":120.5},\"name\":\"Ann Smith\",\"n\":null}", "c");
        assertThat(ChangeFilter.parse("status = \"open\"").test(order)).isTrue();
        assertThat(ChangeFilter.parse("status = open").test(order)).isTrue();
        assertThat(ChangeFilter.parse("status != open").test(order)).isFalse();
        assertThat(ChangeFilter.parse("totals.grand > 100").test(order)).isTrue();
        assertThat(ChangeFilter.parse("totals.grand <= 100").test(order)).isFalse();
        assertThat(ChangeFilter.parse("name contains smith").test(order)).isTrue();
        assertThat(ChangeFilter.parse("n = null").test(order)).isTrue();
        assertThat(ChangeFilter.parse("missing = 1").test(order)).isFalse();
    }

    @Test
    void anIncompleteConditionSaysWhatIsMissing() {
        assertThatThrownBy(() -> ChangeFilter.parse("total >=")).hasMessageStartingWith("Add a value after \">=\"");
    }
}
