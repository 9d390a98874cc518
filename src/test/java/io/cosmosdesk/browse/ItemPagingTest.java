package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.ItemPage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The status strip under the grid, from the figures alone. */
class ItemPagingTest {

    @Test
    void theStatusLineSaysWhatIsLoadedWhetherMoreIsThereAndWhatItCost() {
        ItemPage latest = new ItemPage(List.of(), "t", 12.44, Duration.ofMillis(143), "act");
        assertThat(PagingText.statusLine(1_500, true, latest, 87.06))
                .isEqualTo("1–1,500 · more available · 12.4 RU page / 87.1 RU total · 143 ms");
        assertThat(PagingText.statusLine(20, false, null, 3.0)).isEqualTo("1–20 · all loaded · 3.0 RU total");
        assertThat(PagingText.statusLine(0, false, null, 0)).isEqualTo("0 items · none loaded");
    }
}
