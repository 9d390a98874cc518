package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemService;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The streaming check finds exactly the problems the full parse finds, for every kind of text. */
class StreamingItemCheckTest {

    private static final List<List<String>> KEYS = List.of(List.of("/pk"), List.of("/customer/id"),
            List.of("/tenant", "/user"), List.of());

    static List<String> texts() {
        return List.of(
                "{\"id\":\"a\",\"pk\":\"p\"}",
                "{\"id\":\"a\",\"pk\":\"p\",\"n\":[1.50,-0,1e5,1E+2,-0.0,12345678901234567890,3000000000,0.1e-7]}",
                "{\"id\":\"a\",\"pk\":\"\"}",
                "{\"id\":\"a\",\"pk\":null}",
                "{\"id\":\"a\",\"pk\":[1]}",
                "{\"id\":\"a\",\"pk\":{\"x\":1}}",
                "{\"id\":\"a\"}",
                "{\"pk\":\"p\"}",
                "{\"id\":7,\"pk\":\"p\"}",
                "{\"id\":\"\",\"pk\":\"p\"}",
                "{\"id\":\"a/b \",\"pk\":\"p\"}",
                "{\"id\":\"" + "é".repeat(600) + "\",\"pk\":\"p\"}",
                "{\"id\":\"a\",\"customer\":{\"id\":\"c1\",\"name\":\"x\"}}",
                "{\"id\":\"a\",\"customer\":{\"name\":\"x\"}}",
                "{\"id\":\"a\",\"customer\":\"c1\"}",
                "{\"id\":\"a\",\"tenant\":\"t\",\"user\":null}",
                "{\"id\":\"a\",\"tenant\":\"t\"}",
                "{\"id\":\"a\",\"pk\":\"p\",\"_etag\":\"\\\"0\\\"\",\"_ts\":1,\"_rid\":\"r\"}",
                "{\"id\":\"a\",\"id\":\"b\",\"pk\":\"p\"}",
                "{\"id\":\"a\",\"pk\":\"p\",\"x\":{\"y\":1,\"y\":2}}",
                "{\"id\":\"a\",\"pk\":\"p\"} {}",
                "{\"id\":\"a\",\"pk\":\"p\"} x",
                "{\"id\":\"a\",\"pk\":\"p\",}",
                "{\"id\":\"a\" \"pk\":\"p\"}",
                "{\"id\":\"a\",\"pk\":\"p\",\"s\":\"unterminated}",
                "{\"id\":\"a\",\"pk\":tru}",
                "[1,2]",
                "\"text\"",
                "42",
                "null",
                "   ",
                "",
                "{",
                "{\"id\":\"a\",\"pk\":\"p\",\"e\":\"\\u00e9\\ud83d\\ude00 \\\" \\\\ \\n\\t\",\"emoji\":\"😀\"}");
    }

    @ParameterizedTest
    @MethodSource("texts")
    void findsWhatTheFullParseFinds(String text) {
        for (List<String> keys : KEYS) {
            for (boolean requireKey : new boolean[] {false, true}) {
                assertThat(StreamingItemCheck.problemsOf(text, keys, requireKey))
                        .as("%s with keys %s, requireKey %s", text, keys, requireKey)
                        .isEqualTo(ItemValidator.validate(text, keys, requireKey).problems());
            }
        }
    }

    @Test
    void countsTheSizeOfALargeItemAsTheFullParseDoes() {
        // around the 2 MB limit, with the kinds of values whose compact form differs from how they were typed
        for (int extra : new int[] {-2000, -40, -1, 0, 1, 40, 2000}) {
            String text = largeItem(ItemService.MAX_ITEM_BYTES + extra);
            List<ValidationProblem> full = ItemValidator.validate(text, List.of("/pk"), false).problems();
            assertThat(StreamingItemCheck.problemsOf(text, List.of("/pk"), false)).as("extra %d", extra)
                    .isEqualTo(full);
        }
        assertThat(ItemValidator.validate(largeItem(ItemService.MAX_ITEM_BYTES + 40), List.of("/pk"), false)
                .problems()).isNotEmpty(); // the cases above include one over the limit
        assertThat(ItemValidator.validate(largeItem(ItemService.MAX_ITEM_BYTES - 40), List.of("/pk"), false)
                .problems()).isEmpty();
    }

    /** A pretty-printed item whose compact size without system properties is exactly {@code bytes}. */
    private static String largeItem(int bytes) {
        ObjectNode item = ItemJson.newObject();
        item.put("id", "big");
        item.put("pk", "p");
        item.put("_ts", 1700000000);
        item.put("_etag", "\"00000000-0000\"");
        ArrayNode lines = item.putArray("lines");
        for (int i = 0; i < 9000; i++) { // about 1.3 MB
            ObjectNode line = lines.addObject();
            line.put("sku", "SKU-" + i);
            line.put("price", new java.math.BigDecimal(i + ".50"));
            line.put("qty", i % 7);
            line.put("big", 12345678901L * i);
            line.put("text", "été " + i + " \"quoted\" \\ 😀");
        }
        item.put("pad", "");
        int missing = bytes - ItemService.sizeInBytes(io.cosmosdesk.cosmos.ItemContent.withoutSystemProperties(item));
        item.put("pad", "x".repeat(Math.max(0, missing)));
        String text = ItemJson.pretty(item);
        // the size the rules see: compact, system properties removed
        assertThat(ItemService.sizeInBytes(io.cosmosdesk.cosmos.ItemContent.withoutSystemProperties(
                (ObjectNode) parse(text)))).isEqualTo(bytes);
        return text;
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String text) {
        try {
            return ItemJson.parse(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
