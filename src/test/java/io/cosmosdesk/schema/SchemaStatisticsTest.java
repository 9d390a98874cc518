package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaStatisticsTest {

    private static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static SchemaSummary analyse(String... items) {
        SchemaStatistics statistics = new SchemaStatistics();
        for (String item : items) {
            statistics.add(json(item));
        }
        return statistics.summary();
    }

    private static FieldSummary field(SchemaSummary summary, String... steps) {
        FieldPath path = FieldPath.ROOT;
        for (String step : steps) {
            path = step.equals("[]") ? path.element() : path.child(step);
        }
        FieldPath wanted = path;
        return summary.field(wanted).orElseThrow(() -> new AssertionError("no field " + wanted));
    }

    @Test
    void everyTypeIsCountedWithItsFigures() {
        SchemaSummary summary = analyse(
                "{\"s\":\"abc\",\"n\":3,\"b\":true,\"z\":null,\"o\":{\"x\":1},\"a\":[1,2,3],"
                        + "\"d\":\"2024-01-15T10:00:00Z\",\"g\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"}",
                "{\"s\":\"de\",\"n\":-1.5,\"b\":false,\"z\":null,\"o\":{\"x\":2},\"a\":[],"
                        + "\"d\":\"2024-03-01\",\"g\":\"{3F2504E0-4F89-11D3-9A0C-0305E82C3302}\"}",
                "{\"s\":\"abc\",\"n\":10,\"b\":true,\"z\":null,\"o\":{},\"a\":[7],"
                        + "\"d\":\"2024-02-01T00:00:00.123+02:00\",\"g\":\"3f2504e0-4f89-11d3-9a0c-0305e82c3303\"}");

        assertThat(summary.itemsInspected()).isEqualTo(3);
        TypeSummary.Strings strings = field(summary, "s").type(ValueType.STRING).orElseThrow().strings();
        assertThat(strings.minLength()).isEqualTo(2);
        assertThat(strings.maxLength()).isEqualTo(3);
        assertThat(strings.distinct()).isEqualTo(2);
        assertThat(strings.distinctExact()).isTrue();
        assertThat(strings.top()).containsExactly(new TypeSummary.ValueCount("abc", 2),
                new TypeSummary.ValueCount("de", 1));

        TypeSummary.Numbers numbers = field(summary, "n").type(ValueType.NUMBER).orElseThrow().numbers();
        assertThat(numbers.min()).isEqualByComparingTo("-1.5");
        assertThat(numbers.max()).isEqualByComparingTo("10");
        assertThat(numbers.mean()).isCloseTo(11.5 / 3, within(1e-9));
        assertThat(numbers.integersOnly()).isFalse();
        assertThat(numbers.histogram().bins().stream().mapToLong(Histogram.Bin::count).sum()).isEqualTo(3);

        assertThat(field(summary, "b").type(ValueType.BOOLEAN).orElseThrow().booleans())
                .isEqualTo(new TypeSummary.Booleans(2, 1));
        assertThat(field(summary, "z").count(ValueType.NULL)).isEqualTo(3);
        assertThat(field(summary, "o").count(ValueType.OBJECT)).isEqualTo(3);
        assertThat(field(summary, "o", "x").itemCount()).isEqualTo(2);
        assertThat(field(summary, "a").type(ValueType.ARRAY).orElseThrow().arrays())
                .isEqualTo(new TypeSummary.Arrays(0, 4 / 3.0, 3));
        assertThat(field(summary, "a", "[]").count(ValueType.NUMBER)).isEqualTo(4);

        FieldSummary date = field(summary, "d");
        assertThat(date.count(ValueType.DATE)).isEqualTo(3);
        TypeSummary.Dates dates = date.type(ValueType.DATE).orElseThrow().dates();
        assertThat(dates.minText()).isEqualTo("2024-01-15T10:00:00Z");
        assertThat(dates.maxText()).isEqualTo("2024-03-01");
        assertThat(dates.histogram().bins().stream().mapToLong(Histogram.Bin::count).sum()).isEqualTo(3);
        assertThat(field(summary, "g").count(ValueType.GUID)).isEqualTo(3);
        assertThat(summary.allFields()).noneMatch(FieldSummary::mixed);
    }

    @Test
    void missingAndNullAreTold() {
        SchemaSummary summary = analyse("{\"id\":\"1\",\"x\":null}", "{\"id\":\"2\"}", "{\"id\":\"3\",\"x\":5}",
                "{\"id\":\"4\"}");
        FieldSummary x = field(summary, "x");
        assertThat(x.itemCount()).isEqualTo(2);
        assertThat(x.presence(summary.itemsInspected())).isEqualTo(0.5);
        assertThat(x.missingCount(summary.itemsInspected())).isEqualTo(2);
        assertThat(x.count(ValueType.NULL)).isEqualTo(1);
        assertThat(x.count(ValueType.NUMBER)).isEqualTo(1);
        assertThat(x.mixed()).as("null beside one type is not mixed").isFalse();
    }

    @Test
    void mixedTypesAndRareFieldsAreFlagged() {
        String[] items = new String[40];
        for (int i = 0; i < items.length; i++) {
            items[i] = i % 2 == 0 ? "{\"code\":" + i + "}" : "{\"code\":\"C" + i + "\"}";
        }
        items[0] = "{\"code\":0,\"legacy\":true}";
        SchemaSummary summary = analyse(items);
        assertThat(field(summary, "code").mixed()).isTrue();
        assertThat(field(summary, "code").rare()).isFalse();
        assertThat(field(summary, "legacy").rare()).isTrue();
        assertThat(field(summary, "legacy").mixed()).isFalse();
        assertThat(summary.fields().get(0).path().name()).as("most present first").isEqualTo("code");
    }

    @Test
    void datesAndGuidsAmongPlainStringsAreNotMixed() {
        SchemaSummary summary = analyse("{\"v\":\"2024-01-01\"}", "{\"v\":\"hello\"}");
        assertThat(field(summary, "v").mixed()).isFalse();
        assertThat(field(summary, "v").count(ValueType.DATE)).isEqualTo(1);
        assertThat(field(summary, "v").count(ValueType.STRING)).isEqualTo(1);
    }

    @Test
    void nestedArraysOfObjectsAreFollowed() {
        SchemaSummary summary = analyse(
                "{\"lines\":[{\"sku\":\"A\",\"qty\":1},{\"sku\":\"B\",\"qty\":2,\"tags\":[[\"x\"],[\"y\",\"z\"]]}]}",
                "{\"lines\":[{\"sku\":\"A\"}]}",
                "{\"lines\":[]}",
                "{}");
        FieldSummary lines = field(summary, "lines");
        assertThat(lines.itemCount()).isEqualTo(3);
        FieldSummary element = field(summary, "lines", "[]");
        assertThat(element.count(ValueType.OBJECT)).isEqualTo(3);
        assertThat(element.itemCount()).isEqualTo(2);
        FieldSummary sku = field(summary, "lines", "[]", "sku");
        assertThat(sku.occurrences()).isEqualTo(3);
        assertThat(sku.itemCount()).isEqualTo(2);
        assertThat(sku.type(ValueType.STRING).orElseThrow().strings().top().get(0))
                .isEqualTo(new TypeSummary.ValueCount("A", 2));
        assertThat(field(summary, "lines", "[]", "qty").occurrences()).isEqualTo(2);
        FieldSummary inner = field(summary, "lines", "[]", "tags", "[]", "[]");
        assertThat(inner.count(ValueType.STRING)).isEqualTo(3);
        assertThat(inner.path().toString()).isEqualTo("lines[].tags[][]");
        assertThat(inner.path().toJsonPath()).isEmpty();
        assertThat(field(summary, "lines", "[]", "tags", "[]").type(ValueType.ARRAY).orElseThrow().arrays())
                .isEqualTo(new TypeSummary.Arrays(1, 1.5, 2));
    }

    @Test
    void unicodeNamesAndValuesAreCountedByCharacter() {
        SchemaSummary summary = analyse("{\"naïve ключ\":\"😀😀\",\"name\":\"Zoë\"}",
                "{\"naïve ключ\":\"日本\",\"name\":\"Zoë\"}");
        FieldSummary key = field(summary, "naïve ключ");
        TypeSummary.Strings strings = key.type(ValueType.STRING).orElseThrow().strings();
        assertThat(strings.minLength()).isEqualTo(2);
        assertThat(strings.maxLength()).as("two emoji are two characters").isEqualTo(2);
        assertThat(key.path().toString()).isEqualTo("[\"naïve ключ\"]");
        assertThat(field(summary, "name").type(ValueType.STRING).orElseThrow().strings().top())
                .containsExactly(new TypeSummary.ValueCount("Zoë", 2));
    }

    @Test
    void deepNestingIsFollowedUpToTheLimitWithoutOverflowingTheStack() {
        StringBuilder deep = new StringBuilder();
        int levels = 900;
        for (int i = 0; i < levels; i++) {
            deep.append("{\"a\":");
        }
        deep.append("1");
        deep.append("}".repeat(levels));
        SchemaSummary summary = analyse(deep.toString(), "[1]");
        assertThat(summary.itemsInspected()).isEqualTo(2);
        long depth = summary.allFields().stream().mapToInt(f -> f.path().depth()).max().orElse(0);
        assertThat(depth).isEqualTo(SchemaStatistics.MAX_DEPTH);
    }

    @Test
    void largeItemsAreRead() {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("id", "big");
        item.put("blob", "x".repeat(1_400_000));
        ArrayNode readings = item.putArray("readings");
        for (int i = 0; i < 20_000; i++) {
            readings.add(i);
        }
        SchemaStatistics statistics = new SchemaStatistics();
        statistics.add(item);
        statistics.add(item);
        SchemaSummary summary = statistics.summary();
        TypeSummary.Strings blob = field(summary, "blob").type(ValueType.STRING).orElseThrow().strings();
        assertThat(blob.maxLength()).isEqualTo(1_400_000);
        assertThat(blob.distinct()).isEqualTo(1);
        assertThat(blob.top().get(0).value()).hasSizeLessThanOrEqualTo(StringAccumulator.KEPT_LENGTH + 1)
                .endsWith("…");
        assertThat(blob.top().get(0).count()).isEqualTo(2);
        TypeSummary.Numbers numbers = field(summary, "readings", "[]").type(ValueType.NUMBER).orElseThrow()
                .numbers();
        assertThat(numbers.max()).isEqualByComparingTo("19999");
        assertThat(numbers.histogram().estimated()).isTrue();
        assertThat(numbers.histogram().bins().stream().mapToLong(Histogram.Bin::count).sum())
                .isCloseTo(40_000L, within(20L));
    }

    @Test
    void numbersBeyondLongAndDoublePrecisionKeepTheirValue() throws Exception {
        String huge = "123456789012345678901234567890";
        String precise = "0.1000000000000000000000000001";
        SchemaStatistics statistics = new SchemaStatistics();
        for (String text : List.of("{\"n\":" + huge + "}", "{\"n\":-" + huge + "}", "{\"n\":" + precise + "}",
                "{\"n\":1e400}", "{\"n\":9007199254740993}")) {
            statistics.add(Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .with(JsonNodeFactory.withExactBigDecimals(true)).readTree(text));
        }
        TypeSummary.Numbers numbers = field(statistics.summary(), "n").type(ValueType.NUMBER).orElseThrow()
                .numbers();
        assertThat(numbers.max()).isEqualTo(new BigDecimal("1e400"));
        assertThat(numbers.min()).isEqualTo(new BigDecimal(new BigInteger("-" + huge)));
        assertThat(numbers.mean()).isInfinite(); // 1e400 / 5 is beyond a double: said so, not NaN
        assertThat(numbers.integersOnly()).isFalse();

        // the default mapper reads 1e400 as infinity: counted apart, never shown as a min or max
        SchemaStatistics plain = new SchemaStatistics();
        plain.add(json("{\"n\":1e400}"));
        plain.add(json("{\"n\":" + huge + "}"));
        plain.add(json("{\"n\":9007199254740993}"));
        TypeSummary.Numbers read = field(plain.summary(), "n").type(ValueType.NUMBER).orElseThrow().numbers();
        assertThat(read.outOfRange()).isEqualTo(1);
        assertThat(read.max()).isEqualTo(new BigDecimal(new BigInteger(huge)));
        assertThat(read.min()).isEqualTo(new BigDecimal("9007199254740993"));
        assertThat(read.mean()).isEqualTo(new BigDecimal(huge).add(new BigDecimal("9007199254740993"))
                .divide(BigDecimal.valueOf(2)).doubleValue());
        assertThat(read.integersOnly()).isTrue();
    }

    @Test
    void distinctCountIsExactUpToTenThousandThenEstimated() {
        SchemaStatistics statistics = new SchemaStatistics();
        for (int i = 0; i < 10_000; i++) {
            statistics.add(JsonNodeFactory.instance.objectNode().put("v", "value-" + i).put("c", i % 3 == 0 ? "hot"
                    : "cold-" + i));
        }
        TypeSummary.Strings exact = field(statistics.summary(), "v").type(ValueType.STRING).orElseThrow().strings();
        assertThat(exact.distinct()).isEqualTo(10_000);
        assertThat(exact.distinctExact()).isTrue();
        for (int i = 10_000; i < 50_000; i++) {
            statistics.add(JsonNodeFactory.instance.objectNode().put("v", "value-" + i).put("c", i % 3 == 0 ? "hot"
                    : "cold-" + i));
        }
        SchemaSummary summary = statistics.summary();
        TypeSummary.Strings estimated = field(summary, "v").type(ValueType.STRING).orElseThrow().strings();
        assertThat(estimated.distinctExact()).isFalse();
        assertThat((double) estimated.distinct()).isCloseTo(50_000, within(50_000 * 0.06));
        TypeSummary.Strings hot = field(summary, "c").type(ValueType.STRING).orElseThrow().strings();
        assertThat(hot.top().get(0).value()).isEqualTo("hot");
        assertThat(hot.top().get(0).count()).isBetween(15_000L, 16_667L);
    }

    @Test
    void anEstimatedDistinctCountNeverExceedsTheValuesSeen() {
        // the sandbox's 12,000 order ids: the estimate said "≈12,260 distinct" of 12,000 values (walk, session 12)
        SchemaStatistics statistics = new SchemaStatistics();
        for (int i = 1; i <= 12_000; i++) {
            statistics.add(JsonNodeFactory.instance.objectNode().put("id", String.format("SO-2024-%06d", i)));
        }
        TypeSummary.Strings ids = field(statistics.summary(), "id").type(ValueType.STRING).orElseThrow().strings();
        assertThat(ids.distinctExact()).isFalse();
        assertThat(ids.distinct()).isBetween(10_001L, 12_000L);
    }

    @Test
    void keysThatAreDataStopAtTheFieldLimit() {
        SchemaStatistics statistics = new SchemaStatistics();
        for (int i = 0; i < 6_000; i++) {
            ObjectNode item = JsonNodeFactory.instance.objectNode();
            item.putObject("byUser").put("user-" + i, i);
            statistics.add(item);
        }
        SchemaSummary summary = statistics.summary();
        assertThat(summary.allFields()).hasSize(SchemaStatistics.MAX_FIELDS);
        assertThat(summary.fieldsLeftOut()).isEqualTo(6_000 - SchemaStatistics.MAX_FIELDS + 1);
    }

    @Test
    void systemPropertiesAreLeftOut() {
        SchemaSummary summary = analyse("{\"id\":\"1\",\"_rid\":\"x\",\"_etag\":\"e\",\"_ts\":1700000000}");
        assertThat(summary.allFields()).extracting(f -> f.path().toString()).containsExactly("id");
    }
}
