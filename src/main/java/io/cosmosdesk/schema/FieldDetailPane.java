package io.cosmosdesk.schema;

import io.cosmosdesk.cosmos.GridFilter;
import io.cosmosdesk.ui.PulseSteps;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The Schema tab's detail pane: the picked field's figures ({@link FieldDetailView}), joining a section per pulse
 * and moving on in place while a sample fills in; and, while the tab opens, a hidden stand-in detail that pays the
 * first styling of every kind of section.
 */
final class FieldDetailPane {

    /** While figures fill in, the same field's pane takes new figures at most this often. */
    private static final long SAME_FIELD_REFRESH_NANOS = 1_000_000_000L;

    private final VBox box;
    private final PulseSteps pulses;
    private final LongSupplier itemsInspected;
    private final Consumer<GridFilter> filter;
    private long shownAt;
    private int generation;
    private FieldSummary lastPick;
    private boolean warming;

    FieldDetailPane(VBox box, PulseSteps pulses, LongSupplier itemsInspected, Consumer<GridFilter> filter) {
        this.box = box;
        this.pulses = pulses;
        this.itemsInspected = itemsInspected;
        this.filter = filter;
    }

    /** The picked field (or none) changed or moved on: a new pick shows at once, the same at most once a second. */
    void picked(FieldSummary field, boolean busy) {
        FieldSummary old = lastPick;
        lastPick = field;
        boolean samePick = old != null && field != null && old.path().equals(field.path());
        if (!samePick || !busy || System.nanoTime() - shownAt > SAME_FIELD_REFRESH_NANOS) {
            show(field);
        }
    }

    /**
     * Shows a field's figures, a section per pulse. For the field already shown (figures moving on) each section is
     * copied onto the shown one when their shapes match ({@link FieldDetailView#refresh}): no node joins the scene,
     * so nothing is styled again. A new field's sections replace the shown ones (a pane is dozens of controls:
     * styling them all at once was one long stall).
     */
    void show(FieldSummary field) {
        if (warming && field == null) {
            return; // the placeholder comes when the stand-in goes
        }
        endWarmUp();
        shownAt = System.nanoTime();
        int shownGeneration = ++generation;
        if (field == null) {
            box.getChildren().setAll(new Label(itemsInspected.getAsLong() == 0
                    ? "Figures for each field appear here." : "Pick a field to see its figures."));
            return;
        }
        List<Node> sections = FieldDetailView.build(field, itemsInspected.getAsLong(), filter);
        boolean sameField = !box.getChildren().isEmpty()
                && box.getChildren().get(0).getUserData() instanceof FieldPath shown
                && shown.equals(field.path());
        if (!sameField) {
            box.getChildren().clear();
        }
        sections.get(0).setUserData(field.path()); // kept by a refresh: the title shows the same path
        for (int i = 0; i < sections.size(); i++) {
            int index = i;
            pulses.add(() -> {
                if (shownGeneration == generation) {
                    place(sections, index, sameField);
                }
            });
        }
    }

    private void place(List<Node> sections, int index, boolean sameField) {
        var shown = box.getChildren();
        if (index < shown.size()) {
            // the same field's figures moving on: the shown section takes the new texts and sizes
            if (!sameField || !FieldDetailView.refresh(shown.get(index), sections.get(index))) {
                shown.set(index, FieldDetailView.realise(sections.get(index)));
            }
        } else {
            shown.add(FieldDetailView.realise(sections.get(index)));
        }
        if (index == sections.size() - 1 && shown.size() > sections.size()) {
            shown.remove(sections.size(), shown.size());
        }
    }

    /**
     * The first detail shown was one of the long stalls of filling in: its links, labels, bars and grid of top
     * values were styled, skinned and measured for the first time. While the tab opens, a stand-in detail showing
     * every kind of section (made-up figures of a field holding strings, numbers, dates, booleans and nulls) joins
     * the pane drawn but unseen, a section per pulse, then takes newer figures in place once, and goes. The first
     * pick, or a real field's figures, ends it at once.
     */
    void warmUp(SchemaSummary madeUp) {
        FieldSummary field = madeUp.field(StandInSample.MIXED).orElseThrow();
        List<Node> sections = FieldDetailView.build(field, madeUp.itemsInspected(), ignored -> { });
        warming = true;
        // the node's own opacity (a style class would give every node a second style to match); drawn, not seen
        box.setOpacity(StandInSample.DRAWN_UNSEEN);
        box.getChildren().clear();
        for (Node section : sections) {
            pulses.add(() -> {
                if (warming) {
                    box.getChildren().add(FieldDetailView.realise(section));
                }
            });
        }
        pulses.add(() -> {
            if (warming) {
                List<Node> fresh = FieldDetailView.build(field, madeUp.itemsInspected() + 1, ignored -> { });
                for (int i = 0; i < fresh.size() && i < box.getChildren().size(); i++) {
                    FieldDetailView.refresh(box.getChildren().get(i), fresh.get(i));
                }
            }
        });
        pulses.add(() -> {
            if (warming) {
                endWarmUp();
                show(lastPick);
            }
        });
    }

    private void endWarmUp() {
        if (warming) {
            warming = false;
            box.getChildren().clear();
            box.setOpacity(1);
        }
    }
}
