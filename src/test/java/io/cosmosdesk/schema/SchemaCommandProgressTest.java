package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SchemaCommandProgressTest {

    @Test
    void theLastProgressLineIsPrintedOnceWhenTheFinalStepRepeatsTheLastSnapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Consumer<SampleProgress> printer = SchemaCommand.progressPrinter(
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        printer.accept(new SampleProgress(6_000, Long.MAX_VALUE, 120.0, null));
        printer.accept(new SampleProgress(12_000, Long.MAX_VALUE, 240.0, null));
        printer.accept(new SampleProgress(12_000, Long.MAX_VALUE, 240.0, null));

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "Read 6,000 items (120.0 RU)…", "Read 12,000 items (240.0 RU)…");
    }
}
