package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.testing.FxAppExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: lines of equal text share one paragraph in a prepared document (issue 19: fewer objects for the young
 * collection after an open to copy), and what the user does to one of them changes that line only.
 */
class SharedParagraphsGuiTest {

    private static final String TEXT = "{\n  \"a\": [\n    true,\n    true,\n    true,\n    true\n  ]\n}";

    private JsonCodeArea area;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> area = ShownJsonArea.show(stage, TEXT));

    @Test
    void anEditAnErrorMarkOrAnUndoOnALineThatSharesItsParagraphChangesThatLineOnly() throws Exception {
        assertThat(area.getParagraph(3)).as("the three 'true,' lines are one paragraph").isSameAs(area.getParagraph(2))
                .isSameAs(area.getParagraph(4));

        WaitForAsyncUtils.asyncFx(() -> {
            area.moveTo(3, 8);
            area.replaceSelection(", false");
            area.markErrorLine(5); // the fifth line, the third 'true,'
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getText())
                .isEqualTo("{\n  \"a\": [\n    true,\n    true, false,\n    true,\n    true\n  ]\n}");
        assertThat(area.getParagraph(3).getStyleOfChar(11)).containsExactly("json-literal");
        assertThat(area.getParagraph(2).getParagraphStyle()).isEmpty();
        assertThat(area.getParagraph(3).getParagraphStyle()).isEmpty();
        assertThat(area.getParagraph(4).getParagraphStyle()).containsExactly("error-line");

        WaitForAsyncUtils.asyncFx(() -> {
            area.markErrorLine(0);
            area.undo();
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getText()).isEqualTo(TEXT);
        assertThat(area.getParagraph(4).getParagraphStyle()).isEmpty();
        assertThat(area.getParagraph(3).getStyleOfChar(4)).containsExactly("json-literal");
    }

    @Test
    void findSelectsEachOccurrenceOnTheSharedLinesInTurn() throws Exception {
        int[] starts = new int[3];
        WaitForAsyncUtils.asyncFx(() -> {
            area.moveTo(0);
            for (int i = 0; i < 3; i++) {
                area.find("true", true);
                starts[i] = area.getSelection().getStart();
            }
        }).get();
        int first = TEXT.indexOf("true");
        int second = TEXT.indexOf("true", first + 1);
        assertThat(starts).containsExactly(first, second, TEXT.indexOf("true", second + 1));
        assertThat(WaitForAsyncUtils.asyncFx(() -> area.countMatches("TRUE", 100)).get()).isEqualTo(4);
    }
}
