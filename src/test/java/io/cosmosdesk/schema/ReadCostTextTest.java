package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadCostTextTest {

    @Test
    void aTinyPerItemChargeIsNotShownAsZero() {
        assertThat(new SchemaService.ReadCost(2.5, 0.00004).perItemText()).isEqualTo("less than 0.01 RU per item");
    }

    @Test
    void noPerItemChargeSaysSo() {
        assertThat(new SchemaService.ReadCost(2.5, 0).perItemText()).isEqualTo("no measurable charge per item");
    }

    @Test
    void aLargerPerItemChargeKeepsTwoDecimals() {
        assertThat(new SchemaService.ReadCost(2.5, 0.123).perItemText()).isEqualTo("0.12 RU per item");
        assertThat(new SchemaService.ReadCost(2.5, 1.5).perItemText()).isEqualTo("1.50 RU per item");
    }
}
