package io.cosmosdesk.query;

import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A row of the history and saved-query lists: the query's first lines in monospace, a line of facts under it. */
final class QueryListCell<T> extends ListCell<T> {

    private static final int SHOWN_LINES = 2;

    private final Label text = new Label();
    private final Label facts = new Label();
    private final VBox box = new VBox(2, text, facts);
    private final Function<T, String> textOf;
    private final Function<T, String> factsOf;

    QueryListCell(Function<T, String> textOf, Function<T, String> factsOf) {
        this.textOf = textOf;
        this.factsOf = factsOf;
        text.getStyleClass().add("query-list-text");
        text.setMinHeight(Region.USE_PREF_SIZE); // a two-line query is not cut to one and a half
        facts.setMinHeight(Region.USE_PREF_SIZE);
        facts.getStyleClass().add("query-list-facts");
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        text.setText(firstLines(textOf.apply(item)));
        facts.setText(factsOf.apply(item));
        setGraphic(box);
    }

    /** The first non-blank lines, each trimmed, so a long query stays two rows tall. */
    static String firstLines(String query) {
        StringBuilder shown = new StringBuilder();
        int lines = 0;
        for (String line : query.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (lines == SHOWN_LINES) {
                shown.append(" …");
                break;
            }
            shown.append(lines == 0 ? "" : "\n").append(line.strip());
            lines++;
        }
        return shown.toString();
    }
}
