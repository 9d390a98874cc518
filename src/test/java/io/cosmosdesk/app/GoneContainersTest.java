package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which failures condemn a container: only a 404 that a read of the container confirms. */
class GoneContainersTest {

    private final CosmosConnection connection = new CosmosConnection(
            ConnectionProfile.create("Local", AuthKind.EMULATOR, "https://localhost:8081"), mock(CosmosAsyncClient.class));
    private final ContainerHandle orders = handle("retail", "orders");
    private final List<ContainerHandle> checked = new ArrayList<>();
    private final List<GoneContainers.Gone> told = new ArrayList<>();
    private boolean exists;

    private ContainerHandle handle(String database, String container) {
        return new ContainerHandle(connection, new ContainerInfo(new ContainerRef(database, container),
                List.of("/customerId"), false, null));
    }

    private GoneContainers gone() {
        GoneContainers gone = new GoneContainers(ImmediateTaskRunner.immediate(), handle -> {
            checked.add(handle);
            return exists;
        });
        gone.addListener(told::add);
        return gone;
    }

    @Test
    void aNotFoundThatTheContainerReadConfirmsTellsEveryListener() {
        exists = false;
        gone().seen(orders, new CosmosDeskException(ErrorKind.NOT_FOUND));

        assertThat(checked).containsExactly(orders);
        assertThat(told).singleElement().satisfies(gone -> {
            assertThat(gone.covers(orders)).isTrue();
            assertThat(gone.covers(handle("retail", "customers"))).isFalse();
        });
    }

    @Test
    void aMissingItemInAContainerThatStillExistsCondemnsNothing() {
        exists = true;
        gone().seen(orders, new CosmosDeskException(ErrorKind.NOT_FOUND));

        assertThat(checked).containsExactly(orders);
        assertThat(told).isEmpty();
    }

    @Test
    void otherFailuresAreNotEvenChecked() {
        GoneContainers gone = gone();
        gone.seen(orders, new CosmosDeskException(ErrorKind.THROTTLED));
        gone.seen(orders, new CosmosDeskException(ErrorKind.CHANGED_BY_SOMEONE_ELSE));
        gone.seen(orders, new RuntimeException("boom"));

        assertThat(checked).isEmpty();
        assertThat(told).isEmpty();
    }

    @Test
    void aCheckThatCannotTellLeavesTheTabsAlone() {
        GoneContainers gone = new GoneContainers(ImmediateTaskRunner.immediate(), handle -> {
            throw new CosmosDeskException(ErrorKind.UNREACHABLE);
        });
        gone.addListener(told::add);
        gone.seen(orders, new CosmosDeskException(ErrorKind.NOT_FOUND));

        assertThat(told).isEmpty();
    }

    @Test
    void aDeletedDatabaseCoversEachOfItsContainersOnThatConnectionOnly() {
        GoneContainers.Gone database = GoneContainers.Gone.database(connection, "retail");
        CosmosConnection other = new CosmosConnection(
                ConnectionProfile.create("Other", AuthKind.EMULATOR, "https://localhost:8081"),
                mock(CosmosAsyncClient.class));

        assertThat(database.covers(orders)).isTrue();
        assertThat(database.covers(handle("retail", "customers"))).isTrue();
        assertThat(database.covers(handle("crm", "orders"))).isFalse();
        assertThat(database.covers(new ContainerHandle(other, orders.info()))).isFalse();
        assertThat(database.covers(null)).isFalse();
    }
}
