package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyBuilder;
import io.cosmosdesk.cli.Cli;
import io.cosmosdesk.cli.CliException;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import org.junit.jupiter.api.Test;

/** {@code --partition-key} as it arrives from a shell (after the shell has taken its own quotes off). */
class ExportCommandTest {

    @Test
    void aSingleValueOfEveryKind() {
        assertThat(ExportCommand.partitionKey("\"cust-1\"")).isEqualTo(PartitionKeyValue.of("cust-1"));
        assertThat(ExportCommand.partitionKey("42")).isEqualTo(PartitionKeyValue.of(42L));
        assertThat(ExportCommand.partitionKey("42").components().get(0)).isInstanceOf(Long.class);
        assertThat(ExportCommand.partitionKey("-1.5")).isEqualTo(PartitionKeyValue.of(-1.5));
        assertThat(ExportCommand.partitionKey("1e3")).isEqualTo(PartitionKeyValue.of(1000.0));
        assertThat(ExportCommand.partitionKey("true")).isEqualTo(PartitionKeyValue.of(true));
        assertThat(ExportCommand.partitionKey("false")).isEqualTo(PartitionKeyValue.of(false));
        assertThat(ExportCommand.partitionKey("null")).isEqualTo(PartitionKeyValue.of((Object) null));
        assertThat(ExportCommand.partitionKey(" \"padded\" ")).isEqualTo(PartitionKeyValue.of("padded"));
        assertThat(ExportCommand.partitionKey("\"42\"").components()).containsExactly("42");
        assertThat(ExportCommand.partitionKey("42").toPartitionKey()).isEqualTo(new PartitionKey(42L));
    }

    @Test
    void quotesAndEscapesInsideAString() {
        assertThat(ExportCommand.partitionKey("\"say \\\"hi\\\"\"")).isEqualTo(PartitionKeyValue.of("say \"hi\""));
        assertThat(ExportCommand.partitionKey("\"it's\"")).isEqualTo(PartitionKeyValue.of("it's"));
        assertThat(ExportCommand.partitionKey("\"a\\\\b\"")).isEqualTo(PartitionKeyValue.of("a\\b"));
        assertThat(ExportCommand.partitionKey("\"caf\\u00e9\"")).isEqualTo(PartitionKeyValue.of("café"));
        assertThat(ExportCommand.partitionKey("\"\"")).isEqualTo(PartitionKeyValue.of(""));
    }

    @Test
    void aHierarchicalKeyIsAnArrayOfLevels() {
        PartitionKeyValue key = ExportCommand.partitionKey("[\"t1\", \"d7\", 2026]");
        assertThat(key.components()).containsExactly("t1", "d7", 2026L);
        assertThat(key.toPartitionKey()).isEqualTo(new PartitionKeyBuilder().add("t1").add("d7").add(2026.0).build());
        assertThat(ExportCommand.partitionKey("[true,1.5]").components()).containsExactly(true, 1.5);
        assertThat(ExportCommand.partitionKey("[\"only\"]")).isEqualTo(PartitionKeyValue.of("only"));
    }

    @Test
    void textThatIsNotAKeyIsRefusedWithASentence() {
        assertRefused("cust-1", "with the double quotes");
        assertRefused("'cust-1'", "with the double quotes");
        assertRefused("", "with the double quotes");
        assertRefused("{\"a\":1}", "not a string, number, boolean or null");
        assertRefused("[\"t1\",{\"a\":1}]", "not a string, number, boolean or null");
        assertRefused("[[\"t1\"]]", "not a string, number, boolean or null");
    }

    @Test
    void trailingTextAndEmptyArraysAreRefusedNotDropped() {
        // before: '"a" "b"' read as "a" (the rest silently dropped), and '[]' gave a key of no levels that failed
        // only later, inside the SDK
        assertRefused("\"a\" \"b\"", "one JSON value");
        assertRefused("42 43", "one JSON value");
        assertRefused("[]", "at least one level");
        assertRefused("[\"a\",\"b\",\"c\",\"d\"]", "at most 3 levels");
    }

    private static void assertRefused(String text, String sentencePart) {
        assertThatThrownBy(() -> ExportCommand.partitionKey(text))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.status()).isEqualTo(Cli.BAD_INPUT))
                .hasMessageStartingWith("--partition-key")
                .hasMessageContaining(sentencePart);
    }
}
