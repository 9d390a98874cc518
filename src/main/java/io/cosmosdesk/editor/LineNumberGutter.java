package io.cosmosdesk.editor;

import java.util.function.IntFunction;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.fxmisc.richtext.GenericStyledArea;
import org.reactfx.collection.LiveList;
import org.reactfx.value.Val;

/**
 * A light line-number gutter: a padded {@link Text} in a region per line. RichTextFX's LineNumberFactory
 * builds a Label per line, whose skin and CSS were a good part of showing a fresh screen of lines (each
 * opened item shows one); a plain Text in a monospace font lines up the same for a fraction of the cost.
 */
final class LineNumberGutter implements IntFunction<Node> {

    private final Val<Integer> digits;

    LineNumberGutter(GenericStyledArea<?, ?, ?> area) {
        this.digits = LiveList.sizeOf(area.getParagraphs()).map(count -> Math.max(2, digitsOf(count)));
    }

    @Override
    public Node apply(int index) {
        Text number = new Text();
        number.getStyleClass().add("lineno-text");
        // bound only while shown: a cell scrolled away keeps no listener on the paragraph count
        number.textProperty().bind(digits.map(width -> pad(index + 1, width)).conditionOnShowing(number));
        StackPane box = new StackPane(number);
        box.getStyleClass().add("lineno");
        StackPane.setAlignment(number, Pos.CENTER_RIGHT);
        return box;
    }

    static String pad(int number, int width) {
        String digits = Integer.toString(number);
        return digits.length() >= width ? digits : " ".repeat(width - digits.length()) + digits;
    }

    private static int digitsOf(int count) {
        return Integer.toString(Math.max(1, count)).length();
    }
}
