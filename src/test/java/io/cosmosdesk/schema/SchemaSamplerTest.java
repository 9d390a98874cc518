package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The sampler's share-out over feed ranges, with ranges held in memory (the local server has only one). */
class SchemaSamplerTest {

    /** Range r holds {@code sizes[r]} items whose partition key is "r-…". */
    private static class FakeRanges implements RangeReader {
        final int[] sizes;
        final List<String> calls = new ArrayList<>();

        FakeRanges(int... sizes) {
            this.sizes = sizes;
        }

        @Override
        public int rangeCount() {
            return sizes.length;
        }

        @Override
        public Page read(int range, String token, int max) {
            calls.add(range + ":" + max);
            int from = token == null ? 0 : Integer.parseInt(token);
            int to = Math.min(sizes[range], from + max);
            List<ObjectNode> items = new ArrayList<>();
            for (int i = from; i < to; i++) {
                items.add(JsonNodeFactory.instance.objectNode().put("id", range + "-" + i).put("pk", "range-" + range));
            }
            return new Page(items, to < sizes[range] ? Integer.toString(to) : null, 2.5);
        }
    }

    private static List<String> keys(SampleResult result) {
        return result.summary().field(FieldPath.ROOT.child("pk")).orElseThrow().type(ValueType.STRING).orElseThrow()
                .strings().top().stream().map(v -> v.value() + "=" + v.count()).toList();
    }

    @Test
    void theSampleIsSharedEquallyOverTheRanges() {
        FakeRanges ranges = new FakeRanges(5_000, 5_000, 5_000, 5_000);
        SampleResult result = new SchemaSampler(ranges).sample(1_000, p -> { }, () -> false);
        assertThat(result.itemsRead()).isEqualTo(1_000);
        assertThat(keys(result)).containsExactlyInAnyOrder("range-0=250", "range-1=250", "range-2=250",
                "range-3=250");
        assertThat(ranges.calls.subList(0, 4)).as("a small first page from every range, in turn")
                .containsExactly("0:100", "1:100", "2:100", "3:100");
        assertThat(result.howDrawn()).contains("4 feed ranges").contains("not a random sample");
        assertThat(result.requestCharge()).isEqualTo(2.5 * ranges.calls.size());
    }

    @Test
    void aSmallRangeHandsItsShareToTheOthers() {
        FakeRanges ranges = new FakeRanges(10, 5_000, 5_000);
        SampleResult result = new SchemaSampler(ranges).sample(1_000, p -> { }, () -> false);
        assertThat(result.itemsRead()).isEqualTo(1_000);
        assertThat(keys(result)).containsExactlyInAnyOrder("range-1=495", "range-2=495", "range-0=10");
    }

    @Test
    void allReadsEveryRangeToItsEnd() {
        SampleResult result = new SchemaSampler(new FakeRanges(1_500, 30)).sample(Long.MAX_VALUE, p -> { },
                () -> false);
        assertThat(result.itemsRead()).isEqualTo(1_530);
        assertThat(result.howDrawn()).startsWith("All 1,530 items");
    }

    @Test
    void aCancelStopsReadingAndKeepsWhatWasRead() {
        AtomicBoolean cancel = new AtomicBoolean();
        FakeRanges ranges = new FakeRanges(100_000) {
            @Override
            public Page read(int range, String token, int max) {
                if (calls.size() == 3) {
                    cancel.set(true);
                }
                return super.read(range, token, max);
            }
        };
        List<SampleProgress> progress = new ArrayList<>();
        SampleResult result = new SchemaSampler(ranges).sample(Long.MAX_VALUE, progress::add, cancel::get);
        assertThat(result.stopped()).isTrue();
        assertThat(ranges.calls).hasSize(4);
        assertThat(result.itemsRead()).isEqualTo(100 + 3 * 1_000);
        assertThat(result.summary().itemsInspected()).isEqualTo(result.itemsRead());
        assertThat(result.howDrawn()).contains("stopped");
        assertThat(progress).last().extracting(SampleProgress::itemsRead).isEqualTo(result.itemsRead());
    }

    @Test
    void slicesOfTheKeySpaceAreNamedAsSuchWithTheFeedRangesTheyWereCutFrom() {
        FakeRanges slices = new FakeRanges(500, 500, 500, 500, 500, 500, 500, 500, 500, 500) {
            @Override
            public int feedRanges() {
                return 2;
            }

            @Override
            public boolean hashSlices() {
                return true;
            }
        };
        SampleResult result = new SchemaSampler(slices).sample(100, p -> { }, () -> false);
        assertThat(result.itemsRead()).isEqualTo(100);
        assertThat(keys(result)).hasSize(10).allMatch(k -> k.endsWith("=10"));
        assertThat(result.feedRanges()).isEqualTo(2);
        assertThat(result.howDrawn()).isEqualTo("100 items from all over the partition-key space: an equal share "
                + "from each of 10 even slices of its hash range (2 feed ranges), the first items of each slice in "
                + "storage order; not a random sample.");
        assertThat(SchemaSampler.describe(Long.MAX_VALUE, 40, 16, 1, true, true)).isEqualTo("40 items of all, read "
                + "in turn from 16 even slices of the partition-key hash space (1 feed range) (stopped before the "
                + "end).");
    }
}
