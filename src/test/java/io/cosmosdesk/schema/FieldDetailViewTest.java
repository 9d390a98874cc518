package io.cosmosdesk.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.cosmos.GridFilter;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** The detail pane's parts: values made only when shown and taken in place after, axis labels under histograms. */
class FieldDetailViewTest {

    private final List<GridFilter> filtered = new ArrayList<>();

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        // the toolkit only: these parts are built and compared off screen
    }

    private static FieldSummary field(String name, int items, java.util.function.IntFunction<Object> value) {
        SchemaStatistics statistics = new SchemaStatistics();
        for (int i = 0; i < items; i++) {
            Object v = value.apply(i);
            var item = JsonNodeFactory.instance.objectNode();
            if (v instanceof Integer n) {
                item.put(name, n);
            } else {
                item.put(name, (String) v);
            }
            statistics.add(item);
        }
        return statistics.summary().field(FieldPath.ROOT.child(name)).orElseThrow();
    }

    private static List<Node> all(Node root) {
        List<Node> nodes = new ArrayList<>(List.of(root));
        if (root instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> nodes.addAll(all(child)));
        }
        return nodes;
    }

    /** The sections in a 600 px wide pane, styled and laid out as the detail pane would. */
    private static List<Node> laidOut(List<Node> sections) {
        javafx.scene.layout.VBox pane = new javafx.scene.layout.VBox(4);
        pane.getChildren().setAll(sections);
        new javafx.scene.Scene(pane, 600, 600);
        pane.applyCss();
        pane.layout();
        return sections;
    }

    private static List<String> texts(List<Node> sections) {
        return sections.stream().flatMap(section -> all(section).stream()).filter(Labeled.class::isInstance)
                .map(node -> ((Labeled) node).getText()).toList();
    }

    @Test
    void topValuesAreMadeWhenShownAndLaterFiguresGoIntoTheSameNodes(FxRobot robot) {
        robot.interact(() -> {
            FieldSummary first = field("status", 10, i -> i < 6 ? "paid" : "open");
            List<Node> shown = FieldDetailView.build(first, 10, filtered::add);
            List<Node> links = shown.stream().flatMap(section -> all(section).stream())
                    .filter(Hyperlink.class::isInstance).toList();
            assertThat(links).as("no value link before the section is shown").isEmpty();
            shown.forEach(FieldDetailView::realise);
            assertThat(texts(shown)).contains("paid", "open", "6", "4");
            assertThat(laidOut(shown).stream().flatMap(section -> all(section).stream())
                    .filter(node -> node.getStyleClass().contains("schema-bar-fill"))
                    .map(node -> node.getLayoutBounds().getWidth()))
                    .as("bars as long as their counts, not all as long as the longest").containsExactly(80.0, 53.0);

            FieldSummary later = field("status", 20, i -> i < 6 ? "paid" : i < 15 ? "open" : "void");
            List<Node> fresh = FieldDetailView.build(later, 20, filtered::add);
            List<Node> before = shown.stream().flatMap(section -> all(section).stream()).toList();
            for (int i = 0; i < shown.size(); i++) {
                assertThat(FieldDetailView.refresh(shown.get(i), fresh.get(i))).isTrue();
            }
            assertThat(fresh.stream().flatMap(section -> all(section).stream()).filter(Hyperlink.class::isInstance))
                    .as("the refresh made no value link").isEmpty();
            assertThat(texts(shown)).contains("open", "paid", "void", "9", "6", "5");
            List<Node> after = shown.stream().flatMap(section -> all(section).stream()).toList();
            assertThat(after).as("the rows shown before kept their nodes").containsAll(before);

            Hyperlink open = (Hyperlink) after.stream().filter(node -> node instanceof Hyperlink link
                    && link.getText().equals("open")).findFirst().orElseThrow();
            open.fire();
            assertThat(filtered).containsExactly(FieldFilters.equalTo(FieldPath.ROOT.child("status"), "open"));
        });
    }

    /**
     * A date field whose values each appear once listed ten "most frequent" values, each with a count of 1: they
     * meant nothing. Such a field says all its values are distinct and keeps its range and histogram.
     */
    @Test
    void valuesThatEachAppearOnceAreNotListedAsMostFrequent(FxRobot robot) {
        robot.interact(() -> {
            FieldSummary created = field("createdAt", 30, i -> String.format(java.util.Locale.ROOT,
                    "2024-01-%02dT10:%02d:00Z", 1 + i % 28, i));
            List<Node> sections = FieldDetailView.build(created, 30, filtered::add);
            sections.forEach(FieldDetailView::realise);
            List<Node> nodes = sections.stream().flatMap(section -> all(section).stream()).toList();
            assertThat(nodes).as("no list of most frequent values").noneMatch(TopValuesView.class::isInstance);
            assertThat(texts(sections)).noneMatch(text -> text.startsWith("Most frequent"));
            assertThat(texts(sections)).contains(
                    "All distinct: each of the 30 values was seen once, so none is more frequent than another.");
            assertThat(nodes).as("the range's histogram stays")
                    .anyMatch(node -> node.getStyleClass().contains("schema-histogram"));

            FieldSummary status = field("status", 10, i -> i < 6 ? "paid" : "v" + i);
            List<Node> repeated = FieldDetailView.build(status, 10, filtered::add);
            repeated.forEach(FieldDetailView::realise);
            assertThat(repeated.stream().flatMap(section -> all(section).stream()))
                    .as("a value seen 6 times: the list means something").anyMatch(TopValuesView.class::isInstance);
        });
    }

    @Test
    void aHistogramShowsTheLowestAndHighestValuesUnderItsBars(FxRobot robot) {
        robot.interact(() -> {
            FieldSummary total = field("total", 50, i -> 10 + i * 2);
            List<Node> sections = FieldDetailView.build(total, 50, filtered::add);
            List<Node> axis = sections.stream().flatMap(section -> all(section).stream())
                    .filter(node -> node.getStyleClass().contains("schema-histogram-axis")).toList();
            assertThat(axis).hasSize(1);
            assertThat(texts(axis)).containsExactly("10", "108");
            laidOut(sections);
            Node bars = sections.stream().flatMap(section -> all(section).stream())
                    .filter(node -> node.getStyleClass().contains("schema-histogram")).findFirst().orElseThrow();
            assertThat(axis.get(0).getLayoutBounds().getWidth()).as("the axis spans the bars, not the pane")
                    .isEqualTo(bars.getLayoutBounds().getWidth());
            assertThat(bars.getLayoutBounds().getWidth()).isLessThan(300);
        });
    }

    /**
     * A refresh hands the shown links and bars their new filters without putting a new value in their properties:
     * a put compares old and new by equals, and a GridFilter's record equals walks its parameters (its first call
     * links the record's methods, a one-time ~50 ms stall seen in the first refresh of the top values).
     */
    @Test
    void aRefreshGivesTheShownLinksTheirNewFiltersWithoutReplacingAPropertyValue(FxRobot robot) {
        robot.interact(() -> {
            FieldSummary first = field("total", 50, i -> i % 2 == 0 ? 10 + i : "paid");
            List<Node> shown = FieldDetailView.build(first, 50, filtered::add);
            shown.forEach(FieldDetailView::realise);
            List<Node> clickable = shown.stream().flatMap(section -> all(section).stream())
                    .filter(node -> node instanceof Hyperlink
                            || node.getStyleClass().contains("schema-histogram-bar")).toList();
            assertThat(clickable).hasSizeGreaterThan(5);
            List<Object> replaced = new ArrayList<>();
            clickable.forEach(node -> node.getProperties().addListener(
                    (javafx.collections.MapChangeListener<Object, Object>) change -> {
                        if (change.wasAdded() && change.wasRemoved()) {
                            replaced.add(change.getKey());
                        }
                    }));

            FieldSummary later = field("total", 60, i -> i % 2 == 0 ? 20 + i * 3 : "paid");
            List<Node> fresh = FieldDetailView.build(later, 60, filtered::add);
            for (int i = 0; i < shown.size(); i++) {
                assertThat(FieldDetailView.refresh(shown.get(i), fresh.get(i))).isTrue();
            }
            assertThat(replaced).as("property values replaced (each compared by equals)")
                    .doesNotContain("schema.clause");
            Node lastBar = clickable.stream().filter(node -> node.getStyleClass().contains("schema-histogram-bar"))
                    .reduce((a, b) -> b).orElseThrow();
            lastBar.getOnMouseClicked().handle(null);
            assertThat(filtered).hasSize(1);
            assertThat(filtered.get(0).describe()).as("the new range's filter").contains("194");
        });
    }
}
