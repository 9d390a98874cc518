package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: what one typed character costs the item editor's document (issue 19, typing in a 2 MB item). */
class JsonCodeAreaGuiTest {

    private static final String TEXT = "{\n  \"id\": \"a\",\n  \"sku\": \"SKU-1\",\n  \"qty\": 2\n}";

    private JsonCodeArea area;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> area = ShownJsonArea.show(stage, TEXT));

    @Test
    void aKeyTypedInsideAStringIsOneChangeOfTheDocumentNotAnEditAndARestyle() throws Exception {
        AtomicInteger changes = new AtomicInteger();
        int inString = TEXT.indexOf("SKU-1") + 3;
        WaitForAsyncUtils.asyncFx(() -> {
            area.richChanges().subscribe(change -> changes.incrementAndGet());
            area.moveTo(inString);
            area.replaceSelection("9");
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getParagraph(2).getText()).isEqualTo("  \"sku\": \"SKU9-1\",");
        assertThat(area.getParagraph(2).getStyleOfChar(12)).containsExactly("json-string");
        assertThat(changes).as("the edit only: the line's colours were already right").hasValue(1);
    }

    @Test
    void aKeyThatChangesTheTokensStillRecoloursTheLine() throws Exception {
        int afterQty = TEXT.indexOf("2\n}");
        WaitForAsyncUtils.asyncFx(() -> {
            area.moveTo(afterQty);
            area.replaceSelection("\"");
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getParagraph(3).getText()).isEqualTo("  \"qty\": \"2");
        assertThat(area.getParagraph(3).getStyleOfChar(10)).as("the quote opens a string")
                .doesNotContain("json-number");
        assertThat(area.getParagraph(3).getStyleOfChar(10))
                .isEqualTo(JsonHighlighting.spansOfLines(java.util.List.of("  \"qty\": \"2")).getStyleSpan(
                        JsonHighlighting.spansOfLines(java.util.List.of("  \"qty\": \"2")).getSpanCount() - 1)
                        .getStyle());
    }

    @Test
    void aLongPasteIsColouredWhereShownAndLeftUncolouredBelow() throws Exception {
        StringBuilder pasted = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            pasted.append("  \"k").append(i).append("\": ").append(i).append(",\n");
        }
        int afterBrace = 2;
        WaitForAsyncUtils.asyncFx(() -> {
            area.moveTo(afterBrace);
            area.replaceSelection(pasted.toString());
            area.moveTo(0);
            area.showParagraphAtTop(0);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        int far = 900;
        assertThat(area.getParagraph(far).getText()).startsWith("  \"k899\"");
        assertThat(area.getParagraph(far).getStyleOfChar(4)).as("not shown: coloured when scrolled to").isEmpty();
        assertThat(area.getParagraph(3).getStyleOfChar(4)).as("shown").containsExactly("json-key");
        WaitForAsyncUtils.asyncFx(() -> area.showParagraphAtTop(far)).get();
        io.cosmosdesk.testing.MainWindowFixture.waitFor("the line is coloured once shown",
                () -> WaitForAsyncUtils.asyncFx(() -> area.getParagraph(far).getStyleOfChar(4)).get()
                        .contains("json-key"));
    }
}
