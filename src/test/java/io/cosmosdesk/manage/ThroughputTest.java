package io.cosmosdesk.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import org.junit.jupiter.api.Test;

/** The one set of throughput-replace checks both control planes make. */
class ThroughputTest {

    @Test
    void aFigureOutOfRangeIsRefusedWithItsSentenceBeforeAnythingElse() {
        assertThatThrownBy(() -> new Throughput.Manual(450).replacing(new Throughput.Manual(400)))
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
                    assertThat(e.statusCode()).isZero();
                    assertThat(e.userMessage()).isEqualTo("Manual throughput goes in steps of 100 RU/s (e.g. 500).");
                });
        assertThatThrownBy(() -> new Throughput.Autoscale(500).replacing(new Throughput.Manual(400)))
                .hasMessageContaining("starts at 1,000 RU/s");
    }

    @Test
    void saysWhetherAReplaceIsNothingAFigureOrASwitchOfMode() {
        assertThat(new Throughput.None().replacing(new Throughput.Manual(400)))
                .isEqualTo(Throughput.Replacement.NOTHING);
        assertThat(new Throughput.Manual(800).replacing(new Throughput.Manual(400)))
                .isEqualTo(Throughput.Replacement.FIGURE);
        assertThat(new Throughput.Autoscale(4000).replacing(new Throughput.Autoscale(1000)))
                .isEqualTo(Throughput.Replacement.FIGURE);
        assertThat(new Throughput.Autoscale(4000).replacing(new Throughput.Manual(400)))
                .isEqualTo(Throughput.Replacement.MODE_SWITCH);
        assertThat(new Throughput.Manual(400).replacing(new Throughput.Autoscale(4000)))
                .isEqualTo(Throughput.Replacement.MODE_SWITCH);
    }

    @Test
    void aContainerWithoutThroughputOfItsOwnCannotBeGivenSome() {
        assertThatThrownBy(() -> new Throughput.Manual(400).replacing(new Throughput.None()))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.userMessage()).isEqualTo(Throughput.NONE_OF_ITS_OWN));
    }

    @Test
    void theDataPlaneRefusesASwitchOfModeWithThePortalAndCliSentenceBeforeAnyRequest() {
        io.cosmosdesk.cosmos.CosmosConnection connection = org.mockito.Mockito.mock(
                io.cosmosdesk.cosmos.CosmosConnection.class);
        org.mockito.Mockito.when(connection.profile()).thenReturn(io.cosmosdesk.cosmos.ConnectionProfile.create(
                "Local", io.cosmosdesk.cosmos.AuthKind.EMULATOR, "https://localhost:8081/"));
        assertThatThrownBy(() -> new ResourceAdmin().replaceThroughput(connection,
                new io.cosmosdesk.cosmos.ContainerRef("retail", "orders"), new Throughput.Manual(400),
                new Throughput.Autoscale(4000)))
                .isInstanceOfSatisfying(CosmosDeskException.class,
                        e -> assertThat(e.userMessage()).isEqualTo(ResourceAdmin.MODE_SWITCH));
        org.mockito.Mockito.verify(connection, org.mockito.Mockito.never()).container(org.mockito.ArgumentMatchers.any());

        org.mockito.Mockito.when(connection.profile()).thenReturn(io.cosmosdesk.cosmos.ConnectionProfile.create(
                "Entra", io.cosmosdesk.cosmos.AuthKind.ENTRA_ID, "https://example.documents.azure.com:443/"));
        assertThatThrownBy(() -> new ResourceAdmin().replaceThroughput(connection,
                new io.cosmosdesk.cosmos.ContainerRef("retail", "orders"), new Throughput.Manual(400),
                new Throughput.Autoscale(4000)))
                .as("an Entra token is refused as the service refuses it, so Resource Manager can be offered")
                .isInstanceOfSatisfying(CosmosDeskException.class, e -> assertThat(ControlPlaneSwitch.isEntraRefusal(e))
                        .isTrue());
    }
}
