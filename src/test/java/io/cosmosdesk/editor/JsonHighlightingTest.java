package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.fxmisc.richtext.model.EditableStyledDocument;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

/** The editor's document preparation, which runs off the UI thread: no JavaFX toolkit needed. */
class JsonHighlightingTest {

    @Test
    void prepareSplitsLinesAndHighlightsTheFirstScreensOnly() {
        StringBuilder text = new StringBuilder("{\n  \"lines\": [\n");
        for (int i = 0; i < 1_000; i++) {
            text.append("    {\"sku\": \"SKU-").append(i).append("\", \"qty\": ").append(i).append("},\n");
        }
        text.append("\n    null\n  ]\n}");
        EditableStyledDocument<Collection<String>, String, Collection<String>> document =
                JsonHighlighting.prepare(text.toString());

        assertThat(document.getText()).isEqualTo(text.toString());
        assertThat(document.getParagraphs()).hasSize(1_006);
        assertThat(document.getParagraphs().get(1).getStyleOfChar(3)).containsExactly("json-key");
        assertThat(document.getParagraphs().get(2).getStyleOfChar(4)).containsExactly("json-brace");
        int last = JsonHighlighting.PREPARED_LINES - 1;
        assertThat(document.getParagraphs().get(last).getStyleOfChar(0)).isNotEmpty();
        // beyond the prepared lines nothing is styled yet: the area colours them when they are shown
        assertThat(document.getParagraphs().get(last + 1).getStyleOfChar(0)).isEmpty();
    }

    @Test
    void uncolouredLinesOfOneLengthShareTheirStyleRunSoALargeItemKeepsFewerObjectsAlive() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < JsonHighlighting.PREPARED_LINES + 10; i++) {
            text.append("  \"k\": 1,\n");
        }
        text.append("  \"other\": 22\n}");
        var paragraphs = JsonHighlighting.prepare(text.toString()).getParagraphs();
        int first = JsonHighlighting.PREPARED_LINES;
        assertThat(paragraphs.get(first + 1).getStyleSpans()).isSameAs(paragraphs.get(first).getStyleSpans());
        assertThat(paragraphs.get(first).getStyleSpans().length()).isEqualTo(paragraphs.get(first).length());
        assertThat(paragraphs.get(first + 10).getStyleSpans().length()).isEqualTo("  \"other\": 22".length());
    }

    @Test
    void linesOfEqualTextShareOneParagraphSoARepeatedLineKeepsOnlyItsPlaceInTheDocument() {
        StringBuilder text = new StringBuilder("{\n  \"lines\": [ {\n");
        for (int i = 0; i < 1_000; i++) {
            text.append("    \"sku\": \"SKU-").append(i).append("\",\n")
                    .append("    \"gift\": false,\n    \"note\": null\n  }, {\n");
        }
        text.append("    \"end\": true\n  } ]\n}");
        var document = JsonHighlighting.prepare(text.toString());
        var paragraphs = document.getParagraphs();

        assertThat(document.getText()).isEqualTo(text.toString());
        assertThat(paragraphs).hasSize(4_005);
        // "gift" lines 3, 7, ... 3,999: one paragraph, in the coloured first screens and far beyond them
        assertThat(paragraphs.get(3_999)).isSameAs(paragraphs.get(3));
        assertThat(paragraphs.get(5)).isSameAs(paragraphs.get(1_001)); // "}, {"
        assertThat(paragraphs.get(2)).isNotSameAs(paragraphs.get(6)); // SKU-0, SKU-1
        java.util.Set<Object> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        distinct.addAll(paragraphs);
        assertThat(distinct).as("1,000 skus, gift, note, }, {, the first two and the last three lines").hasSize(1_008);
        // a repeat of a coloured line has that line's colours, which are what the lexer gives its text
        assertThat(paragraphs.get(3_999).getStyleSpans())
                .isEqualTo(JsonHighlighting.spansOfLines(List.of("    \"gift\": false,")));
        // a line first met beyond the coloured ones is uncoloured, and so are its repeats
        int far = JsonHighlighting.PREPARED_LINES + 2;
        assertThat(paragraphs.get(far).getText()).startsWith("    \"sku\"");
        assertThat(paragraphs.get(far).getStyleOfChar(4)).isEmpty();
    }

    @Test
    void linesBreakWhereRichTextFxBreaksThem() {
        String text = "{\r\n  \"a\": 1,\r  \"b\": 2\n}\n";
        var prepared = JsonHighlighting.prepare(text);
        var plain = ReadOnlyStyledDocument.fromString(text, Collections.<String>emptyList(),
                Collections.<String>emptyList(), SegmentOps.styledTextOps());
        assertThat(prepared.getText()).isEqualTo(plain.getText());
        assertThat(prepared.getParagraphs()).hasSameSizeAs(plain.getParagraphs());
        assertThat(prepared.getParagraphs().get(1).getStyleOfChar(3)).containsExactly("json-key");
    }

    @Test
    void spansCoverTheLinesAndTheBreaksBetweenThem() {
        StyleSpans<Collection<String>> spans = JsonHighlighting.spansOfLines(List.of("{", "", "  \"a\": 1", "}"));
        assertThat(spans.length()).isEqualTo(1 + 1 + 0 + 1 + 8 + 1 + 1);
        assertThat(JsonHighlighting.spansOfLines(List.of("", "")).length()).isEqualTo(1); // one line break
        assertThat(JsonHighlighting.spansOfLines(List.of(""))).isNull();
        assertThat(JsonHighlighting.prepare("").getParagraphs()).hasSize(1);
    }

    @Test
    void lineNumbersArePaddedToTheWidestNumber() {
        assertThat(LineNumberGutter.pad(7, 3)).isEqualTo("  7");
        assertThat(LineNumberGutter.pad(123, 3)).isEqualTo("123");
        assertThat(LineNumberGutter.pad(1234, 3)).isEqualTo("1234");
    }
}
