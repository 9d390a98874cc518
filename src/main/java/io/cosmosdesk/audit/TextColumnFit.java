package io.cosmosdesk.audit;

import io.cosmosdesk.ui.HeaderFit;
import java.util.Collection;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;

/**
 * Keeps a column at least as wide as the widest of some texts drawn in its cells' font plus a cell's padding, so the
 * table's constrained resize policy, giving the other columns their share, never cuts a time to "2026-12-06 16:…".
 * The texts are asked again when one of the given observables changes (the entries shown); the font and padding are
 * the cells' own (theme, CSS, zoom), read once cells exist; the header is measured as shown ({@link HeaderFit}).
 */
final class TextColumnFit {

    private TextColumnFit() {
    }

    /** Every digit repeated in {@code pattern}'s digit places ("0000-00-00 00:00:00", "1111-…"): whichever is widest. */
    static Collection<String> everyDigitIn(String pattern) {
        return java.util.stream.IntStream.rangeClosed('0', '9')
                .mapToObj(digit -> pattern.replaceAll("[0-9]", Character.toString(digit))).toList();
    }

    /**
     * Keeps {@code column} at least as wide as the widest of {@code texts} in its cells' font and as its shown
     * header ({@link HeaderFit}). Until a shown cell has been measured this checks after each layout pass of the
     * table's scene; once fitted for the cells' font it stops, and only a change of that font (theme, CSS) or of
     * {@code changes} (the texts) fits again.
     */
    static <S> Fitting keepWhole(TableView<S> table, TableColumn<S, ?> column, Supplier<Collection<String>> texts,
            Observable... changes) {
        Fitting fitting = new Fitting(table, column, texts);
        for (Observable change : changes) {
            change.addListener(observable -> fitting.textsChanged());
        }
        HeaderFit.measure(table, column, fitting::headerMeasured);
        table.sceneProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(fitting.afterLayout);
            }
            fitting.listening = false;
            fitting.arm();
        });
        fitting.arm();
        return fitting;
    }

    /** One column's fit: its texts, the cells' font once known, the header's width. */
    static final class Fitting {
        private final TableView<?> table;
        private final TableColumn<?, ?> column;
        private final Supplier<Collection<String>> texts;
        private final Runnable afterLayout = this::measureAfterLayout;
        private final InvalidationListener fontChanged = this::fontChanged;
        private Collection<String> asked;
        private TableCell<?, ?> measured; // the shown cell whose font was measured, or null
        private double cellInsets;
        private double headerWidth;
        private boolean listening;

        private Fitting(TableView<?> table, TableColumn<?, ?> column, Supplier<Collection<String>> texts) {
            this.table = table;
            this.column = column;
            this.texts = texts;
            this.asked = texts.get();
        }

        /** True while it waits for layout passes to find a shown cell to measure (tests). */
        boolean waitingForLayout() {
            return listening;
        }

        private void arm() {
            if (!listening && table.getScene() != null) {
                listening = true;
                table.getScene().addPostLayoutPulseListener(afterLayout);
            }
        }

        private void disarm() {
            if (listening && table.getScene() != null) {
                table.getScene().removePostLayoutPulseListener(afterLayout);
            }
            listening = false;
        }

        // after a layout pass: cells get their skin and CSS (the font) during the pass, so the first time a shown
        // cell can be measured is after one
        private void measureAfterLayout() {
            TableCell<?, ?> cell = cellOf(table, column);
            if (cell == null) {
                return; // none made yet: tried again after the next layout
            }
            disarm();
            if (measured != null) {
                measured.fontProperty().removeListener(fontChanged);
            }
            measured = cell;
            cell.fontProperty().addListener(fontChanged);
            cellInsets = cell.snappedLeftInset() + cell.snappedRightInset();
            fit();
        }

        private void fontChanged(Observable observable) {
            arm(); // measured again on a shown cell after the next layout (its padding may have changed too)
        }

        private void textsChanged() {
            asked = texts.get();
            fit();
        }

        private void headerMeasured(double width) {
            headerWidth = width;
            fit();
        }

        private void fit() {
            double widest = 0;
            if (measured != null) {
                Text measure = new Text();
                measure.setFont(measured.getFont());
                for (String text : asked) {
                    measure.setText(text);
                    widest = Math.max(widest, measure.getLayoutBounds().getWidth());
                }
                widest = Math.ceil(widest + cellInsets) + 2;
            }
            column.setMinWidth(Math.max(widest, headerWidth));
        }
    }

    /**
     * A cell of the column in a row on screen: the table also holds cells it only measures with, kept invisible and
     * not styled, whose font is the default one (the real app's cells are 14 px, the default 13 px).
     */
    private static TableCell<?, ?> cellOf(TableView<?> table, TableColumn<?, ?> column) {
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> cell && shown(cell, table, column)) {
                return cell;
            }
        }
        return null;
    }

    private static boolean shown(TableCell<?, ?> cell, TableView<?> table, TableColumn<?, ?> column) {
        return cell.getTableView() == table && cell.getTableColumn() == column && cell.getSkin() != null
                && cell.isVisible() && cell.getParent() != null && cell.getParent().isVisible()
                && cell.getParent().getParent() != null && cell.getParent().getParent().isVisible()
                && !cell.isEmpty();
    }
}
