package io.cosmosdesk.schema;

import io.cosmosdesk.cosmos.GridFilter;
import io.cosmosdesk.ui.LazyTooltip;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The figures of one field, per type: presence, the type's share, ranges, a histogram (click a bar to filter on its
 * range), the most frequent values (click to filter on one), true/false counts. Built anew when the figures change
 * and copied onto the shown nodes where the shape is the same ({@link #refresh}); tooltips are made on hover
 * (LazyTooltip), so an update styles no popup scenes.
 */
final class FieldDetailView {

    /** Node properties holding the filter a click applies ({@link Clause}) and a tooltip's text (see refresh). */
    private static final String CLAUSE = "schema.clause";
    private static final String TIP = "schema.tip";
    private static final double HISTOGRAM_HEIGHT = 70;
    private static final double BAR_WIDTH = 180;

    private FieldDetailView() {
    }

    /**
     * The filter a node's click applies, in a box put once in the node's properties and then changed in place: a
     * node's properties are an observable map whose put compares the old and new value by equals, and a
     * {@link GridFilter}'s record equals walks its parameters (its first call on a cold JVM links the record's
     * generated methods: a one-time ~50 ms stall in the first refresh of the top values).
     */
    private static final class Clause {
        private GridFilter filter;
    }

    static void setClause(Node node, GridFilter filter) {
        Object box = node.getProperties().get(CLAUSE);
        if (box instanceof Clause clause) {
            clause.filter = filter;
        } else {
            Clause clause = new Clause();
            clause.filter = filter;
            node.getProperties().put(CLAUSE, clause);
        }
    }

    /** The filter {@code node}'s click applies, or null. */
    static GridFilter clause(Node node) {
        return node.getProperties().get(CLAUSE) instanceof Clause clause ? clause.filter : null;
    }

    static List<Node> build(FieldSummary field, long itemsInspected, Consumer<GridFilter> filter) {
        List<Node> nodes = new ArrayList<>();
        Label title = new Label(field.path().toString());
        title.getStyleClass().add("schema-detail-title");
        title.setWrapText(true);
        nodes.add(title);
        String presence = field.path().insideArray()
                ? String.format(Locale.ROOT, "%,d values in %,d of %,d items (%s)", field.occurrences(),
                        field.itemCount(), itemsInspected, SchemaFormat.percent(field.presence(itemsInspected)))
                : String.format(Locale.ROOT, "In %,d of %,d items (%s) · missing in %,d", field.itemCount(),
                        itemsInspected, SchemaFormat.percent(field.presence(itemsInspected)),
                        field.missingCount(itemsInspected));
        Label presenceLabel = new Label(presence);
        presenceLabel.setWrapText(true);
        nodes.add(presenceLabel);
        String warning = FieldCells.warning(field);
        if (warning != null) {
            Label flag = new Label("⚠ " + warning);
            flag.setWrapText(true);
            flag.getStyleClass().add("schema-warning");
            nodes.add(flag);
        }
        if (!field.path().insideArray() && field.itemCount() < itemsInspected) {
            nodes.add(link("Filter: items without it", FieldFilters.missing(field.path()), filter));
        }
        for (TypeSummary type : field.types()) {
            nodes.add(typeSection(field, type, filter));
        }
        return nodes;
    }

    private static Node typeSection(FieldSummary field, TypeSummary type, Consumer<GridFilter> filter) {
        VBox section = new VBox(4);
        section.getStyleClass().add("schema-type-section");
        double share = (double) type.count() / Math.max(1, field.occurrences());
        Label heading = new Label(String.format(Locale.ROOT, "%s · %s (%,d)", type.type().label(),
                SchemaFormat.percent(share), type.count()));
        heading.getStyleClass().add("schema-type-heading");
        HBox head = new HBox(8, heading);
        head.setAlignment(Pos.CENTER_LEFT);
        if (field.types().size() > 1) {
            head.getChildren().add(link("Filter on this type", FieldFilters.ofType(field.path(), type.type()), filter));
        }
        if (type.type() == ValueType.NULL) {
            head.getChildren().add(link("Filter: null", FieldFilters.equalTo(field.path(), null), filter));
        }
        section.getChildren().add(head);
        String figures = SchemaFormat.figures(type);
        if (!figures.isEmpty()) {
            Label line = new Label(figures);
            line.setWrapText(true);
            section.getChildren().add(line);
        }
        if (type.numbers() != null) {
            TypeSummary.Numbers numbers = type.numbers();
            section.getChildren().add(histogram(numbers.histogram(), bin -> FieldFilters.between(field.path(),
                    bound(bin.from(), numbers.integersOnly()), bound(bin.to(), numbers.integersOnly())),
                    bin -> SchemaFormat.number(bin.from()) + (bin.to() == bin.from() ? ""
                            : " – " + SchemaFormat.number(bin.to())), SchemaFormat::number, filter));
        }
        if (type.dates() != null) {
            section.getChildren().add(histogram(type.dates().histogram(), bin -> FieldFilters.between(field.path(),
                    Instant.ofEpochMilli((long) bin.from()).toString(), Instant.ofEpochMilli((long) bin.to())
                            .toString()), bin -> SchemaFormat.date((long) bin.from()) + " – "
                            + SchemaFormat.date((long) bin.to()), edge -> SchemaFormat.date((long) edge), filter));
        }
        if (type.booleans() != null) {
            FlowPane values = new FlowPane(8, 4,
                    link(String.format(Locale.ROOT, "true (%,d)", type.booleans().trueCount()),
                            FieldFilters.equalTo(field.path(), true), filter),
                    link(String.format(Locale.ROOT, "false (%,d)", type.booleans().falseCount()),
                            FieldFilters.equalTo(field.path(), false), filter));
            section.getChildren().add(values);
        }
        if (type.strings() != null && type.strings().anyRepeats()) {
            section.getChildren().add(new TopValuesView(field, type.strings(), filter));
        } else if (type.strings() != null && !type.strings().top().isEmpty()) {
            Label none = new Label(noRepeats(type.strings()));
            none.setWrapText(true);
            none.getStyleClass().add("schema-note");
            section.getChildren().add(none);
        }
        return section;
    }

    /** Said instead of "most frequent" values when no value was seen twice (see {@link TypeSummary.Strings#anyRepeats}). */
    static String noRepeats(TypeSummary.Strings strings) {
        return strings.distinctExact()
                ? String.format(Locale.ROOT, "All distinct: each of the %,d values was seen once, so none is more "
                        + "frequent than another.", strings.distinct())
                : "No value stands out: none was counted more than once.";
    }

    private static Object bound(double value, boolean whole) {
        return whole ? (Object) BigDecimal.valueOf(Math.round(value)) : (Object) BigDecimal.valueOf(value);
    }

    private interface BinText {
        String of(Histogram.Bin bin);
    }

    private interface BinFilter {
        GridFilter of(Histogram.Bin bin);
    }

    private interface EdgeText {
        String of(double edge);
    }

    /** Bars (click one to filter on its range) over an axis with the lowest and highest values at its ends. */
    private static Node histogram(Histogram histogram, BinFilter where, BinText label, EdgeText edge,
            Consumer<GridFilter> filter) {
        HBox bars = new HBox(2);
        bars.setAlignment(Pos.BOTTOM_LEFT);
        bars.setMinHeight(HISTOGRAM_HEIGHT);
        bars.setPrefHeight(HISTOGRAM_HEIGHT);
        bars.getStyleClass().add("schema-histogram");
        long max = Math.max(1, histogram.maxCount());
        int count = histogram.bins().size();
        double width = count == 0 ? 0 : Math.max(4, Math.min(30, BAR_WIDTH / count));
        for (Histogram.Bin bin : histogram.bins()) {
            Region bar = new Region();
            bar.getStyleClass().add("schema-histogram-bar");
            double height = bin.count() == 0 ? 1 : Math.max(3, HISTOGRAM_HEIGHT * bin.count() / max);
            bar.setMinSize(width, height);
            bar.setPrefSize(width, height);
            bar.setMaxSize(width, height);
            bar.getProperties().put(TIP, label.of(bin) + ": " + (histogram.estimated() ? "≈" : "")
                    + String.format(Locale.ROOT, "%,d", bin.count()) + "\nClick to filter the grid on this range");
            setClause(bar, where.of(bin));
            LazyTooltip.install(bar, () -> (String) bar.getProperties().get(TIP));
            bar.setOnMouseClicked(event -> filter.accept(clause(bar)));
            bars.getChildren().add(bar);
        }
        // the bars and their axis as wide as the bars (or the axis labels), not as the pane
        VBox chart = new VBox(2, bars);
        chart.setMaxWidth(Region.USE_PREF_SIZE);
        VBox box = new VBox(2, chart);
        if (count > 0) {
            Label low = new Label(edge.of(histogram.bins().get(0).from()));
            Label high = new Label(edge.of(histogram.bins().get(count - 1).to()));
            Region between = new Region();
            HBox.setHgrow(between, Priority.ALWAYS);
            HBox axis = new HBox(8, low, between, high);
            axis.getStyleClass().add("schema-histogram-axis");
            // as wide as the bars, or as the two labels when they need more (never cut)
            low.setMinWidth(Region.USE_PREF_SIZE);
            high.setMinWidth(Region.USE_PREF_SIZE);
            axis.setMinWidth(count * width + (count - 1) * bars.getSpacing());
            chart.getChildren().add(axis);
        }
        if (histogram.estimated()) {
            Label note = new Label("Drawn from a random " + Reservoir.CAPACITY + "-value sample of the values.");
            note.getStyleClass().add("schema-note");
            box.getChildren().add(note);
        }
        HBox.setHgrow(box, Priority.NEVER);
        return box;
    }

    static Hyperlink link(String text, GridFilter where, Consumer<GridFilter> filter) {
        Hyperlink link = new Hyperlink(text);
        setClause(link, where);
        LazyTooltip.install(link, () -> "Filter the Items tab: " + clause(link).describe());
        link.setOnAction(event -> filter.accept(clause(link)));
        return link;
    }

    /** Makes the nodes a section left for later (see {@link TopValuesView}); call before it joins the scene. */
    static Node realise(Node section) {
        if (section instanceof TopValuesView top) {
            top.realise();
        } else if (section instanceof Pane pane) {
            pane.getChildren().forEach(FieldDetailView::realise);
        }
        return section;
    }

    /**
     * Makes {@code shown} (on screen) show what {@code fresh} (just built, never shown) shows, when both have the
     * same shape: texts, sizes and the clauses and tooltips their clicks and hovers use are copied, so the figures
     * move on without a node joining the scene (new nodes are what costs: their styling and skins). False, leaving
     * {@code shown} partly updated, when the shapes differ; the caller then puts {@code fresh} in its place.
     */
    static boolean refresh(Node shown, Node fresh) {
        if (shown.getClass() != fresh.getClass() || !shown.getStyleClass().equals(fresh.getStyleClass())) {
            return false;
        }
        if (shown instanceof TopValuesView top) {
            return top.take((TopValuesView) fresh);
        }
        if (shown instanceof Labeled label && !Objects.equals(label.getText(), ((Labeled) fresh).getText())) {
            label.setText(((Labeled) fresh).getText());
        }
        if (shown instanceof Region region) {
            Region from = (Region) fresh;
            region.setMinSize(from.getMinWidth(), from.getMinHeight());
            region.setPrefSize(from.getPrefWidth(), from.getPrefHeight());
            region.setMaxSize(from.getMaxWidth(), from.getMaxHeight());
        }
        if (clause(fresh) != null) {
            setClause(shown, clause(fresh));
        }
        if (fresh.getProperties().containsKey(TIP)) {
            shown.getProperties().put(TIP, fresh.getProperties().get(TIP));
        }
        if (shown instanceof Pane pane) {
            List<Node> now = pane.getChildren();
            List<Node> next = ((Pane) fresh).getChildren();
            if (now.size() != next.size()) {
                return false;
            }
            for (int i = 0; i < now.size(); i++) {
                if (!refresh(now.get(i), next.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }
}
