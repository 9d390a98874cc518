package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.DeleteResult;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The delete summary the user reads: counts in plain words, at most five failures listed by name. */
class ItemDeletionTest {

    private static ItemRef ref(int n) {
        return new ItemRef("i" + n, PartitionKeyValue.of("k" + n));
    }

    private static List<ItemRef> refs(int from, int count) {
        return IntStream.range(from, from + count).mapToObj(ItemDeletionTest::ref).toList();
    }

    @Test
    void aCleanDeleteIsOneShortSentence() {
        assertThat(ItemDeletion.describeDelete(new DeleteResult(refs(0, 1), List.of(), List.of(), List.of(), 1)))
                .isEqualTo("Deleted 1 item.");
        assertThat(ItemDeletion.describeDelete(new DeleteResult(refs(0, 1200), refs(1200, 2), List.of(), List.of(), 1)))
                .isEqualTo("Deleted 1,202 items. 2 were already gone.");
    }

    @Test
    void manyFailuresListTheFirstFiveAndPointToTheLog() {
        List<DeleteResult.Failure> failures = refs(10, 7).stream()
                .map(item -> new DeleteResult.Failure(item, ErrorKind.FORBIDDEN, "Not allowed.")).toList();

        String summary = ItemDeletion.describeDelete(new DeleteResult(refs(0, 3), List.of(), failures, List.of(), 1));

        assertThat(summary).startsWith("Deleted 3 of 10 items. 7 failed: 'i10' (\"k10\") — Not allowed.; ")
                .contains("'i14' (\"k14\")").doesNotContain("'i15'")
                .endsWith("; and 2 more (see the log)");
    }
}
