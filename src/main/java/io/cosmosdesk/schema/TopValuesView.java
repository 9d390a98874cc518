package io.cosmosdesk.schema;

import io.cosmosdesk.cosmos.GridFilter;
import io.cosmosdesk.ui.LazyTooltip;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/**
 * A field's most frequent values with counts and bars; click a value to filter the grid on it. Made without nodes
 * ({@link #realise} makes them when it joins the scene): while the figures of the field shown move on, the shown
 * one takes the new values in place ({@link #take}), so a refresh makes no node, only changes texts and widths.
 */
final class TopValuesView extends GridPane {

    private static final double BAR = 80;
    private static final double NAME_WIDTH = 260;

    private final FieldPath path;
    private final Consumer<GridFilter> filter;
    private String headingText;
    private List<TypeSummary.ValueCount> values;
    private Label heading;
    /** Per shown row: the value (link, or label when cut), its bar, its count; and the value each shows. */
    private final List<Node[]> rows = new ArrayList<>();
    private final List<TypeSummary.ValueCount> shown = new ArrayList<>();

    TopValuesView(FieldSummary field, TypeSummary.Strings strings, Consumer<GridFilter> filter) {
        this.path = field.path();
        this.filter = filter;
        this.headingText = "Most frequent" + (strings.distinctExact() ? "" : " (counts are at least)");
        this.values = List.copyOf(strings.top());
        getStyleClass().add("schema-top-values");
        setHgap(8);
        setVgap(2);
    }

    /** Makes the nodes (once), before it joins the scene. */
    void realise() {
        if (heading != null) {
            return;
        }
        heading = new Label(headingText);
        heading.getStyleClass().add("schema-subheading");
        add(heading, 0, 0, 3, 1);
        show();
    }

    /** Takes the newer figures of the same field's {@code fresh} (never shown) into the nodes shown here. */
    boolean take(TopValuesView fresh) {
        if (!fresh.path.equals(path)) {
            return false;
        }
        headingText = fresh.headingText;
        values = fresh.values;
        if (heading != null) {
            heading.setText(headingText);
            show();
        }
        return true;
    }

    private void show() {
        long max = values.isEmpty() ? 1 : Math.max(1, values.get(0).count());
        for (int i = 0; i < values.size(); i++) {
            TypeSummary.ValueCount value = values.get(i);
            if (i == rows.size()) {
                Node[] row = {name(value), bar(), new Label()};
                rows.add(row);
                shown.add(value);
                add(row[0], 0, i + 1);
                add(row[1], 1, i + 1);
                add(row[2], 2, i + 1);
            } else if (!Objects.equals(shown.get(i).value(), value.value())) {
                Node[] row = rows.get(i);
                boolean cut = isCut(value);
                if (cut || !(row[0] instanceof Hyperlink link)) {
                    getChildren().remove(row[0]);
                    row[0] = name(value);
                    add(row[0], 0, i + 1);
                } else {
                    link.setText(linkText(value));
                    FieldDetailView.setClause(link, FieldFilters.equalTo(path, value.value()));
                }
                shown.set(i, value);
            }
            Region bar = (Region) rows.get(i)[1];
            double width = Math.max(2, Math.round(BAR * value.count() / max));
            bar.setPrefWidth(width);
            bar.setMinWidth(width);
            bar.setMaxWidth(width); // the grid's column is as wide as the longest bar: the others must not fill it
            ((Label) rows.get(i)[2]).setText(String.format(Locale.ROOT, "%,d", value.count()));
        }
        while (rows.size() > values.size()) {
            getChildren().removeAll(rows.remove(rows.size() - 1));
            shown.remove(shown.size() - 1);
        }
    }

    private static boolean isCut(TypeSummary.ValueCount value) {
        return value.value().length() == StringAccumulator.KEPT_LENGTH + 1 && value.value().endsWith("…");
    }

    private static String linkText(TypeSummary.ValueCount value) {
        return value.value().isEmpty() ? "\"\" (empty)" : value.value();
    }

    private Node name(TypeSummary.ValueCount value) {
        Region name;
        if (isCut(value)) {
            Label label = new Label(value.value());
            LazyTooltip.install(label, () -> "A long value, shown cut: filter on it in a query instead.");
            name = label;
        } else {
            name = FieldDetailView.link(linkText(value), FieldFilters.equalTo(path, value.value()), filter);
        }
        name.setMaxWidth(NAME_WIDTH);
        return name;
    }

    private static Region bar() {
        Region bar = new Region();
        bar.getStyleClass().add("schema-bar-fill");
        bar.setMinHeight(8);
        bar.setMaxHeight(8);
        return bar;
    }
}
