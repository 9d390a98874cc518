package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemCount;
import io.cosmosdesk.cosmos.ItemQuery;
import io.cosmosdesk.cosmos.ItemQueryService;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Counting on its own: the figure, the failure sentence, and a count for an older query never shown. */
class ItemCounterTest {

    private final ItemQueryService service = mock(ItemQueryService.class);
    private final ContainerHandle orders = new ContainerHandle(new CosmosConnection(
            ConnectionProfile.create("Test", AuthKind.KEY, "https://acct.documents.azure.com:443/"),
            mock(CosmosAsyncClient.class)),
            new ContainerInfo(new ContainerRef("retail", "orders"), List.of("/customerId"), false, null));
    private final AtomicLong generation = new AtomicLong();

    @Test
    void aCountThatArrivesAfterTheQueryChangedIsDropped() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        when(service.countItems(any(), any())).thenReturn(new ItemCount(7, 1));
        ItemCounter counter = new ItemCounter(orders, service, tasks, generation::get);

        counter.count(ItemQuery.all());
        generation.incrementAndGet(); // the user re-filtered meanwhile
        tasks.runPending(0);

        assertThat(counter.countTextProperty().get()).isEqualTo("Counting…");
        assertThat(counter.countingProperty().get()).isFalse();
    }

    @Test
    void aFilteredCountSaysMatchAndOneItemIsSingular() {
        when(service.countItems(any(), any())).thenReturn(new ItemCount(1, 2.25));
        ItemCounter counter = new ItemCounter(orders, service, ImmediateTaskRunner.immediate(), generation::get);

        counter.count(ItemQuery.filtered("WHERE c.status = 'paid'"));

        assertThat(counter.countTextProperty().get()).isEqualTo("1 item match · 2.3 RU");
    }

    @Test
    void aFailedCountSaysWhyInTheUsersWords() {
        when(service.countItems(any(), any())).thenThrow(
                new CosmosDeskException(ErrorKind.THROTTLED, "The account is busy; try again in a moment."));
        ItemCounter counter = new ItemCounter(orders, service, ImmediateTaskRunner.immediate(), generation::get);

        counter.count(ItemQuery.all());

        assertThat(counter.countTextProperty().get())
                .isEqualTo("Count failed: The account is busy; try again in a moment.");
    }

    @Test
    void aSecondCountWaitsForTheFirstAndResetCancelsAndClears() {
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        when(service.countItems(any(), any())).thenReturn(new ItemCount(3, 1));
        ItemCounter counter = new ItemCounter(orders, service, tasks, generation::get);

        counter.count(ItemQuery.all());
        counter.count(ItemQuery.all());
        assertThat(tasks.startedTitles()).hasSize(1);

        counter.reset();
        tasks.runPending(0);
        assertThat(counter.countTextProperty().get()).isEmpty();
        assertThat(counter.countingProperty().get()).isFalse();
        verify(service, times(0)).countItems(any(), any());
    }
}
