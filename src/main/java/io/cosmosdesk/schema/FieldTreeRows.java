package io.cosmosdesk.schema;

import io.cosmosdesk.ui.PulseSteps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;

/**
 * The Schema tab's field tree as figures fill in: rows made once per field and kept (selection and expansion stay),
 * cells showing the newest figures through {@link LiveFigures}, new rows joining a few per pulse, presence order
 * once the sample ends; and, while the tab opens, hidden stand-in rows that pay the first styling of rows and cells.
 */
final class FieldTreeRows {

    /** New rows that would be on screen, added per pulse while a summary's rows fill in. */
    static final int NEW_SHOWN_ROWS_PER_PULSE = 4;
    /** The theme's row height before CSS gave one; sizes the stand-in screenful. */
    private static final double ROW_HEIGHT_GUESS = 24;
    /** Pulses the stand-ins may take to be styled before they go anyway. */
    private static final int WARM_UP_PULSES = 120;

    private final TreeTableView<FieldSummary> tree;
    private final PulseSteps pulses;
    private final BooleanSupplier busy;
    private final TreeItem<FieldSummary> root = new TreeItem<>();
    /** The tree's rows by field, updated in place as figures fill in, so selection and expansion stay. */
    private final Map<FieldPath, TreeItem<FieldSummary>> rows = new HashMap<>();
    /** The newest figures the rows' cells show while a sample fills in; the rows take them when it ends. */
    private final LiveFigures live = new LiveFigures();
    /** The newest summary whose rows are not all in the tree yet, or null. */
    private SchemaSummary pendingRows;
    private boolean rowsQueued;
    private boolean sortWhenComplete;
    /** The stand-in rows drawn hidden while the tab opens (see warmUp); empty once gone. */
    private final Set<TreeItem<FieldSummary>> standIns = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean warming;

    FieldTreeRows(TreeTableView<FieldSummary> tree, PulseSteps pulses, BooleanSupplier busy) {
        this.tree = tree;
        this.pulses = pulses;
        this.busy = busy;
        tree.setRoot(root);
    }

    LiveFigures live() {
        return live;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** A hidden stand-in row (never a field of the sample). */
    boolean isStandIn(TreeItem<FieldSummary> item) {
        return standIns.contains(item);
    }

    /**
     * Updates rows in place and adds new ones at the end of their parent; the order settles when the sample ends.
     * A shown row costs its first styling and skins, so at most {@link #NEW_SHOWN_ROWS_PER_PULSE} new rows that
     * would be on screen join per pulse: a first summary of dozens of fields fills in over a few frames instead of
     * one long stall.
     */
    void show(SchemaSummary summary) {
        endWarmUp();
        if (summary.itemsInspected() == 0) {
            rows.clear();
            live.clear();
            root.getChildren().clear();
            pendingRows = null;
            sortWhenComplete = false;
            return;
        }
        pendingRows = summary;
        if (!rowsQueued) {
            rowsQueued = true;
            pulses.add(this::addPendingRows); // in the pulse's animation phase: one batch per CSS + layout pass
        }
    }

    /** The sample ended: the rows take their last figures and presence order, now or once all have joined. */
    void finished() {
        if (pendingRows == null) {
            settle();
            sortByPresence(root);
        } else {
            sortWhenComplete = true;
        }
    }

    /** Work stopped (ended, failed or cancelled): the rows take their newest figures unless some still join. */
    void stopped() {
        if (pendingRows == null) {
            settle();
        }
    }

    /** Applies the newest summary within this pulse's budget of new rows; continues next pulse if some wait. */
    private void addPendingRows() {
        SchemaSummary summary = pendingRows;
        if (summary == null) {
            rowsQueued = false;
            return;
        }
        int[] budget = {NEW_SHOWN_ROWS_PER_PULSE};
        boolean complete = update(root, summary.fields(), budget);
        live.changed();
        if (complete) {
            pendingRows = null;
            rowsQueued = false;
            if (sortWhenComplete || !busy.getAsBoolean()) {
                settle();
            }
            if (sortWhenComplete) {
                sortWhenComplete = false;
                sortByPresence(root);
            }
        } else {
            pulses.add(this::addPendingRows);
        }
    }

    /** False when the budget ran out before every field had its row. */
    private boolean update(TreeItem<FieldSummary> parent, List<FieldSummary> fields, int[] budget) {
        boolean complete = true;
        boolean shown = parent == root || parent.isExpanded();
        for (FieldSummary field : fields) {
            TreeItem<FieldSummary> row = rows.get(field.path());
            if (row == null) {
                if (shown && budget[0] <= 0) {
                    complete = false;
                    continue;
                }
                if (shown) {
                    budget[0]--;
                }
                row = new TreeItem<>(field);
                rows.put(field.path(), row);
                parent.getChildren().add(row);
            } else if (row.getValue() != field) {
                live.put(field); // the cells show it; the row takes it when the sample ends (settle)
            }
            complete &= update(row, field.children(), budget);
        }
        return complete;
    }

    /** The rows take their newest figures: one rebuild of the shown cells, once the figures stop moving. */
    private void settle() {
        for (TreeItem<FieldSummary> row : rows.values()) {
            FieldSummary newest = live.of(row.getValue());
            if (row.getValue() != newest) {
                row.setValue(newest);
            }
        }
        live.clear();
    }

    private static void sortByPresence(TreeItem<FieldSummary> parent) {
        parent.getChildren().sort((a, b) -> {
            boolean aElement = FieldPath.isElement(last(a.getValue()));
            boolean bElement = FieldPath.isElement(last(b.getValue()));
            if (aElement != bElement) {
                return aElement ? -1 : 1;
            }
            return Long.compare(b.getValue().itemCount(), a.getValue().itemCount());
        });
        parent.getChildren().forEach(FieldTreeRows::sortByPresence);
    }

    private static String last(FieldSummary field) {
        return field.path().steps().get(field.path().steps().size() - 1);
    }

    /**
     * A new row is dear the first time the tree makes it: its row and cell skins are made and the scene's styles
     * for them matched (the very first row 150-300 ms of UI-thread CPU on a cold JVM under load, each further row
     * and cell of a new shape a few ms; the first figures' rows were the long stalls of filling in). While the tab
     * opens, a screenful of stand-in rows of every shape (made-up figures: each type's bar part, the warning mark,
     * expandable rows) joins the tree, drawn but unseen, 2, 4, 8... per pulse, so the tree builds and styles its
     * rows and cells then; the first figures reuse those cells. The stand-ins go once styled, or at the first
     * figures, whichever comes first.
     */
    void warmUp(SchemaSummary madeUp) {
        List<FieldSummary> flat = new ArrayList<>();
        flatten(madeUp.fields(), flat);
        Map<FieldPath, TreeItem<FieldSummary>> made = new HashMap<>();
        int[] added = {0};
        int[] pulsesLeft = {WARM_UP_PULSES};
        warming = true;
        // unseen by the node's own opacity (a style class would give every cell a second style to match later), yet
        // drawn, so the renderer's first time is paid too
        tree.setOpacity(StandInSample.DRAWN_UNSEEN);
        Runnable step = new Runnable() {
            @Override
            public void run() {
                if (!warming) {
                    return;
                }
                int screenful = tree.getHeight() > 0 ? (int) Math.ceil(tree.getHeight() / ROW_HEIGHT_GUESS) + 1 : 30;
                int wanted = Math.min(Math.min(screenful, flat.size()), Math.max(2, added[0] * 2));
                if (added[0] < wanted) {
                    for (; added[0] < wanted; added[0]++) {
                        FieldSummary field = flat.get(added[0]);
                        TreeItem<FieldSummary> row = new TreeItem<>(field);
                        row.setExpanded(true);
                        standIns.add(row);
                        made.put(field.path(), row);
                        field.path().parent().map(made::get).orElse(root).getChildren().add(row);
                    }
                } else if (allStyled() || --pulsesLeft[0] <= 0) {
                    endWarmUp();
                    return;
                }
                pulses.add(this);
            }
        };
        pulses.add(step);
    }

    private static void flatten(List<FieldSummary> fields, List<FieldSummary> into) {
        for (FieldSummary field : fields) {
            into.add(field);
            flatten(field.children(), into);
        }
    }

    /** The tree shows stand-in rows, each with its skin (its cells made and styled). */
    private boolean allStyled() {
        List<TreeTableRow<?>> shown = tree.lookupAll(".tree-table-row-cell").stream()
                .filter(node -> node.isVisible() && node instanceof TreeTableRow<?> row
                        && standIns.contains(row.getTreeItem()))
                .<TreeTableRow<?>>map(node -> (TreeTableRow<?>) node).toList();
        return !shown.isEmpty() && shown.stream().allMatch(row -> row.getSkin() != null);
    }

    private void endWarmUp() {
        if (warming) {
            warming = false;
            root.getChildren().removeIf(standIns::contains);
            standIns.clear();
            tree.setOpacity(1);
        }
    }
}
