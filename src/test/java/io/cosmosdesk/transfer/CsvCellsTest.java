package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cell rules both sides of CSV share: every value reads back as itself. */
class CsvCellsTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @ParameterizedTest
    @ValueSource(strings = {"plain", "", "null", "true", "false", "42", "-5", "1e3", "0.5", "{x", "[1]", "\"quoted\"",
        "=SUM(A1:A9)", "+1 555", "-abc", "@cmd", "\tTab", "\rCR", "'=already", "''-two", "'plain", "'", "日本語 ✓",
        " 42", "42 ", "NaN", "Infinity", "line\nbreak", "comma, and \"quotes\""})
    void everyStringReadsBackAsItself(String text) {
        JsonNode value = NODES.textNode(text);
        assertThat(CsvCells.decode(CsvCells.encode(value), true)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "true", "false", "0", "-5", "42", "9007199254740993", "123456789012345678901234567890",
        "14.5", "-0.25", "1.0E10", "{}", "[]", "{\"a\":[1,\"x\",null]}", "[{\"b\":\"日本\"}]"})
    void everyOtherValueReadsBackAsItself(String json) throws Exception {
        JsonNode value = Json.MAPPER.readTree(json);
        assertThat(ItemContent.equalByValue(CsvCells.decode(CsvCells.encode(value), true), value)).isTrue();
    }

    @Test
    void formulasAreDefusedForSpreadsheets() {
        assertThat(CsvCells.encode(NODES.textNode("=HYPERLINK(\"x\")"))).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(CsvCells.encode(NODES.textNode("+1 555"))).isEqualTo("'+1 555");
        assertThat(CsvCells.encode(NODES.textNode("@SUM(1)"))).isEqualTo("'@SUM(1)");
        assertThat(CsvCells.encode(NODES.textNode("-x"))).isEqualTo("'-x");
        assertThat(CsvCells.encode(NODES.textNode("'=x"))).isEqualTo("''=x");
        assertThat(CsvCells.encode(NODES.textNode("'hello"))).isEqualTo("'hello");
    }

    @Test
    void numbersAreNeverDefusedAndStringsThatLookLikeNumbersAreQuoted() {
        assertThat(CsvCells.encode(NODES.numberNode(-5))).isEqualTo("-5");
        assertThat(CsvCells.encode(NODES.textNode("-5"))).isEqualTo("\"-5\"");
        assertThat(CsvCells.encode(NODES.textNode(""))).isEqualTo("\"\"");
        assertThat(CsvCells.encode(NODES.textNode("null"))).isEqualTo("\"null\"");
    }

    @Test
    void anIdIsPlainTextEvenWhenItLooksLikeANumber() {
        JsonPath id = JsonPath.parse("id");
        assertThat(CsvCells.encode(id, NODES.textNode("42"))).isEqualTo("42");
        assertThat(CsvCells.decode(id, "42", true)).isEqualTo(NODES.textNode("42"));
        assertThat(CsvCells.encode(id, NODES.textNode("=x"))).isEqualTo("'=x");
        assertThat(CsvCells.decode(id, "'=x", true)).isEqualTo(NODES.textNode("=x"));
        assertThat(CsvCells.encode(JsonPath.parse("n.id"), NODES.textNode("42"))).isEqualTo("\"42\"");
    }

    @Test
    void absentIsAnEmptyCellAndAnEmptyCellIsAbsent() {
        assertThat(CsvCells.encode(null)).isNull();
        assertThat(CsvCells.encode(MissingNode.getInstance())).isNull();
        assertThat(CsvCells.decode("", true)).isNull();
        assertThat(CsvCells.decode("", false)).isNull();
    }

    @Test
    void textModeKeepsEverythingText() {
        assertThat(CsvCells.decode("42", false)).isEqualTo(NODES.textNode("42"));
        assertThat(CsvCells.decode("null", false)).isEqualTo(NODES.textNode("null"));
        assertThat(CsvCells.decode("'=x", false)).isEqualTo(NODES.textNode("=x"));
    }

    @Test
    void cellsThatAreNotValidJsonStayText() {
        assertThat(CsvCells.decode("{not json", true)).isEqualTo(NODES.textNode("{not json"));
        assertThat(CsvCells.decode("\"a\" b", true)).isEqualTo(NODES.textNode("\"a\" b"));
        assertThat(CsvCells.decode("[1] 2", true)).isEqualTo(NODES.textNode("[1] 2"));
    }

    @Test
    void putBuildsTheObjectsOnTheWay() {
        ObjectNode item = NODES.objectNode();
        CsvCells.put(item, JsonPath.parse("customer.address.city"), NODES.textNode("Köln"));
        CsvCells.put(item, JsonPath.parse("customer.name"), NODES.textNode("Ana"));
        assertThat(item.toString()).isEqualTo("{\"customer\":{\"address\":{\"city\":\"Köln\"},\"name\":\"Ana\"}}");
    }

    @Test
    void putRefusesAColumnUnderAValueWithASentence() {
        ObjectNode item = NODES.objectNode();
        CsvCells.put(item, JsonPath.parse("a"), NODES.numberNode(1));
        assertThatThrownBy(() -> CsvCells.put(item, JsonPath.parse("a.b"), NODES.numberNode(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a.b").hasMessageContaining("a");
    }

    @Test
    void headersReadBackAsTheirPaths() {
        for (List<String> segments : List.of(List.of("id"), List.of("customer", "address", "city"),
                List.of("a.b"), List.of("c", "name"), List.of("c"), List.of("x", "c"), List.of("with space", "y"),
                List.of(" lead"), List.of("sl/ash"), List.of("q\"uote"), List.of("br[0]"), List.of("0", "1"),
                List.of("日本", "名前"), List.of("back\\slash"), List.of("ti~lde"))) {
            JsonPath path = JsonPath.of(segments);
            assertThat(CsvHeader.parse(CsvHeader.format(path))).as(segments.toString()).isEqualTo(path);
        }
        assertThat(CsvHeader.format(JsonPath.of(List.of("customer", "address", "city"))))
                .isEqualTo("customer.address.city");
        assertThat(CsvHeader.format(JsonPath.of(List.of("c", "name")))).isEqualTo("[\"c\"].name");
        assertThat(CsvHeader.format(JsonPath.of(List.of("a.b", "x")))).isEqualTo("[\"a.b\"].x");
    }
}
