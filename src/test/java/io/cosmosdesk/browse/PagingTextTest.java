package io.cosmosdesk.browse;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.ItemPage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The status strip's numbers are written out by hand (it is shown per page): they must read as the Formatter's. */
class PagingTextTest {

    @Test
    void groupedAndOneDecimalReadAsTheFormatterWritesThem() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long count = i < 2_000 ? i : random.nextInt(Integer.MAX_VALUE);
            assertThat(PagingText.grouped(count)).isEqualTo(String.format(Locale.ROOT, "%,d", count));
            double charge = i % 3 == 0 ? i / 20.0 : random.nextDouble() * Math.pow(10, random.nextInt(7));
            assertThat(PagingText.oneDecimal(charge)).as("%s", charge)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", charge));
        }
        assertThat(PagingText.oneDecimal(0.05)).isEqualTo("0.1");
        assertThat(PagingText.oneDecimal(0.25)).isEqualTo("0.3");
    }

    @Test
    void theStatusLineNamesTheRowsThePageAndTheTotal() {
        ItemPage page = new ItemPage(List.of(), "t", 12.44, Duration.ofMillis(143), "a");
        assertThat(PagingText.statusLine(12_345, true, page, 87.06))
                .isEqualTo("1–12,345 · more available · 12.4 RU page / 87.1 RU total · 143 ms");
        assertThat(PagingText.statusLine(0, false, null, 0)).isEqualTo("0 items · none loaded");
        assertThat(PagingText.statusLine(100, false, null, 3.25)).isEqualTo("1–100 · all loaded · 3.3 RU total");
    }
}
