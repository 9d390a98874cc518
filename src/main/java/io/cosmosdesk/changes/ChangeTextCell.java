package io.cosmosdesk.changes;

import java.util.function.Function;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A text cell of the Live changes table, built for being refreshed several times a second under a stream of
 * changes. Its text is a {@link Text} node of its own (style class {@code change-text}), shown as the cell's graphic:
 * a Labeled's own text, when it changes, makes the skin put its text node back among its children, and the node put
 * back has its CSS looked up again, which for every visible cell at every hand-over was most of the table's cost.
 * A line too long for the cell ends with "…" ({@link TextFit}: a sum of cached character widths, redone only when
 * the text, the width or the font changes); a clip keeps any rounding inside the cell.
 */
class ChangeTextCell extends TableCell<ChangeRow, ChangeRow> {

    private final Function<ChangeRow, String> text;
    private final Text shown = new Text();
    private final Rectangle clip = new Rectangle();
    private String full = "";
    private String fittedFor;
    private double fittedWidth = -1;
    private Font fittedFont;

    ChangeTextCell(Function<ChangeRow, String> text) {
        this.text = text;
        shown.getStyleClass().add("change-text");
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setGraphic(shown);
        clip.setY(-10_000);
        clip.setHeight(20_000);
        shown.setClip(clip);
        widthProperty().addListener((obs, old, width) -> fit());
        shown.fontProperty().addListener((obs, old, font) -> fit());
    }

    @Override
    protected void updateItem(ChangeRow row, boolean empty) {
        super.updateItem(row, empty);
        full = empty || row == null ? "" : text.apply(row);
        fit();
    }

    /** The whole text, before any "…". */
    final String fullText() {
        return full;
    }

    /** The text as shown (ends with "…" when cut). */
    final String shownText() {
        return shown.getText();
    }

    private void fit() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        Font font = shown.getFont();
        if (full.equals(fittedFor) && width == fittedWidth && font.equals(fittedFont)) {
            return;
        }
        fittedFor = full;
        fittedWidth = width;
        fittedFont = font;
        clip.setWidth(Math.max(0, width));
        // before the first layout the width is not known: show the whole text, cut at the first layout
        shown.setText(width > 0 ? TextFit.fit(full, font, width) : full);
    }
}
