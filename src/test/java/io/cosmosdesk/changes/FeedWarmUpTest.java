package io.cosmosdesk.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Live changes tab's feed warm-up: the SDK's parsing of made-up pages, given up when asked. */
class FeedWarmUpTest {

    @Test
    void aMadeUpPageParsesAsTheSdkParsesAFeedPageIntoItemsWithTheSystemProperties() {
        List<ObjectNode> first = ChangeFeedService.itemsOfPage(FeedWarmUp.page(0));
        List<ObjectNode> next = ChangeFeedService.itemsOfPage(FeedWarmUp.page(1));

        assertThat(first).hasSize(FeedWarmUp.ITEMS_PER_PAGE);
        assertThat(first.get(3).path("id").asText()).isEqualTo("warm-up-3");
        assertThat(first.get(3).path("_ts").canConvertToLong()).isTrue();
        assertThat(first.get(3).path("updatedAt").isLong()).isTrue(); // a number beyond an int, as epoch millis are
        assertThat(first.get(1).path("code").asText()).isEqualTo("café-1");
        assertThat(first.get(1).path("note").asText()).isEqualTo("line \"1\"\nfirst");
        // the next page brings the next version of every other item, with some fields changed: the tracker's diffs
        ChangeTracker tracker = new ChangeTracker(List.of("/tenantId"));
        first.forEach(tracker::track);
        ChangeRow row = tracker.track(next.get(3));
        assertThat(row.kind()).isEqualTo(ChangeRow.Kind.UPDATED);
        assertThat(row.summary()).contains("status: ").contains("note: ");
        assertThat(tracker.track(next.get(2)).kind()).as("half of each page is new items").isEqualTo(ChangeRow.Kind.NEW);
    }

    @Test
    void itRunsThePagesThroughTheTrackerAndStopsWhenTheJitIsQuietOrTheTimeIsUp() {
        List<Integer> sizes = new ArrayList<>();
        FeedWarmUp warmUp = new FeedWarmUp(body -> {
            List<ObjectNode> items = ChangeFeedService.itemsOfPage(body);
            sizes.add(items.size());
            return items;
        });

        int pages = warmUp.run(() -> false);

        // how many pages fit before the JIT is quiet or the time is up depends on the machine's load
        assertThat(pages).isPositive().isEqualTo(sizes.size());
        assertThat(sizes).containsOnly(FeedWarmUp.ITEMS_PER_PAGE);
        // at its end when the JIT went quiet; otherwise the time ran out and a later tab runs it again
        if (warmUp.isFinished()) {
            assertThat(warmUp.run(() -> false)).as("a finished warm-up runs no more").isZero();
        }
    }

    @Test
    void itGivesUpBetweenPagesWhenAskedAndALaterRunStartsAgain() {
        AtomicInteger parsed = new AtomicInteger();
        FeedWarmUp warmUp = new FeedWarmUp(body -> {
            parsed.incrementAndGet();
            return ChangeFeedService.itemsOfPage(body);
        });

        // asked after its first page (which always runs: its time limit starts with it)
        assertThat(warmUp.run(() -> parsed.get() >= 1)).isEqualTo(1);
        assertThat(warmUp.isFinished()).isFalse();
        assertThat(warmUp.run(() -> true)).as("given up before its first page").isZero();
        assertThat(parsed).hasValue(1);
    }

    @Test
    void theWarmUpOfAnAppWithoutOneRunsNothing() {
        assertThat(FeedWarmUp.NONE.isFinished()).isTrue();
        assertThat(FeedWarmUp.NONE.run(() -> false)).isZero();
    }
}
