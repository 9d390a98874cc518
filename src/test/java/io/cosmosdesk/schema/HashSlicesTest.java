package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.models.FeedRange;
import com.azure.cosmos.models.PartitionKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashSlicesTest {

    @Test
    void theFullRangeIsCutEvenlyOverTheHashedKeysAndKeepsItsOwnEnds() {
        List<String[]> parts = HashSlices.split("", "FF", 4);
        assertThat(parts).extracting(p -> p[0] + "-" + p[1]).containsExactly(
                "-10000000000000000000000000000000",
                "10000000000000000000000000000000-20000000000000000000000000000000",
                "20000000000000000000000000000000-30000000000000000000000000000000",
                "30000000000000000000000000000000-FF");
    }

    @Test
    void aPhysicalRangeIsCutInsideItsBounds() {
        List<String[]> parts = HashSlices.split("05C1D9CD673398", "1F", 3);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)[0]).isEqualTo("05C1D9CD673398");
        assertThat(parts.get(2)[1]).isEqualTo("1F");
        for (int i = 0; i < parts.size(); i++) {
            assertThat(parts.get(i)[0]).isLessThan(parts.get(i)[1]);
            if (i > 0) {
                assertThat(parts.get(i)[0]).as("contiguous").isEqualTo(parts.get(i - 1)[1]);
            }
        }
    }

    @Test
    void aRangeTooNarrowOrAboveTheHashedKeysStaysWhole() {
        assertThat(HashSlices.split("3FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "40", 8)).hasSize(1);
        assertThat(HashSlices.split("50", "FF", 8)).extracting(p -> p[0] + "-" + p[1]).containsExactly("50-FF");
    }

    @Test
    void feedRangesRoundTripAndLogicalPartitionsAreNotSliced() {
        assertThat(HashSlices.bounds(FeedRange.forFullRange())).hasValueSatisfying(b -> assertThat(b)
                .containsExactly("", "FF"));
        assertThat(HashSlices.bounds(HashSlices.feedRange("10", "20"))).hasValueSatisfying(b -> assertThat(b)
                .containsExactly("10", "20"));
        assertThat(HashSlices.slice(List.of(FeedRange.forLogicalPartition(new PartitionKey("a"))), 8)).isEmpty();
        assertThat(HashSlices.slice(List.of(HashSlices.feedRange("", "20"), HashSlices.feedRange("20", "FF")), 8))
                .hasValueSatisfying(slices -> assertThat(slices).hasSize(8));
    }

    @Test
    void aSampleIsSpreadOverAboutItsSquareRootOfSlices() {
        assertThat(HashSlices.sliceCount(100)).isEqualTo(10);
        assertThat(HashSlices.sliceCount(1_000)).isEqualTo(32);
        assertThat(HashSlices.sliceCount(10_000)).isEqualTo(64);
        assertThat(HashSlices.sliceCount(10)).isEqualTo(8);
        assertThat(HashSlices.sliceCount(Long.MAX_VALUE)).isEqualTo(16);
    }
}
