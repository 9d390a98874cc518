package io.cosmosdesk.ui;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * A table's first row is by far its dearest: the first row and cell skins are made and the scene's styles for them
 * matched for the first time (100-170 ms of UI-thread CPU on a cold JVM, whatever the number of rows). A stand-in
 * row, drawn transparent (style class {@code stand-in-row} on the table), pays that while the screen opens and
 * waits for data, so the first real rows only add rows. The stand-in goes as soon as it was styled, or at once
 * when the real list gets its first element.
 *
 * <p>The table is given one list for good: a view of the real list that holds the stand-in while warming. It
 * listens to the real list from the moment of install, so listeners added to the real list afterwards still hear
 * of each change after the table (and its selection) has.
 */
public final class StandInRow<T> extends TransformationList<T, T> {

    /** Pulses to wait for the stand-in to be styled (a table never shown gives up after about 2 s). */
    private static final int MAX_PULSES = 120;

    private final T standIn;
    private boolean warming;

    private StandInRow(ObservableList<T> source, T standIn) {
        super(source);
        this.standIn = standIn;
        this.warming = source.isEmpty();
    }

    /** FX thread: use instead of {@code table.setItems(items)}; {@code standIn} must render like a real row. */
    public static <T> void install(TableView<T> table, ObservableList<T> items, T standIn) {
        StandInRow<T> view = new StandInRow<>(items, standIn);
        table.setItems(view);
        if (!view.warming) {
            return;
        }
        table.getStyleClass().add("stand-in-row");
        PulseSteps pulses = new PulseSteps();
        int[] left = {MAX_PULSES};
        pulses.add(new Runnable() {
            @Override
            public void run() {
                if (!view.warming) {
                    table.getStyleClass().remove("stand-in-row");
                } else if (styled(table, standIn) || --left[0] <= 0) {
                    view.endWarming();
                    table.getStyleClass().remove("stand-in-row");
                } else {
                    pulses.add(this);
                }
            }
        });
    }

    private static boolean styled(TableView<?> table, Object standIn) {
        for (Node node : table.lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row && row.getItem() == standIn && row.getSkin() != null) {
                return true;
            }
        }
        return false;
    }

    private void endWarming() {
        if (warming) {
            warming = false;
            beginChange();
            nextRemove(0, standIn);
            endChange();
        }
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends T> change) {
        if (warming) {
            // the real list was empty: its first elements take the stand-in's place
            warming = false;
            beginChange();
            nextRemove(0, standIn);
            if (!getSource().isEmpty()) {
                nextAdd(0, getSource().size());
            }
            endChange();
            return;
        }
        beginChange();
        while (change.next()) {
            if (change.wasPermutated()) {
                int[] permutation = new int[change.getTo() - change.getFrom()];
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    permutation[i - change.getFrom()] = change.getPermutation(i);
                }
                nextPermutation(change.getFrom(), change.getTo(), permutation);
            } else if (change.wasUpdated()) {
                for (int i = change.getFrom(); i < change.getTo(); i++) {
                    nextUpdate(i);
                }
            } else if (change.wasReplaced()) {
                nextReplace(change.getFrom(), change.getTo(), new java.util.ArrayList<>(change.getRemoved()));
            } else if (change.wasRemoved()) {
                nextRemove(change.getFrom(), new java.util.ArrayList<>(change.getRemoved()));
            } else if (change.wasAdded()) {
                nextAdd(change.getFrom(), change.getTo());
            }
        }
        endChange();
    }

    @Override
    public int getSourceIndex(int index) {
        return warming ? -1 : index;
    }

    @Override
    public int getViewIndex(int index) {
        return warming ? -1 : index;
    }

    @Override
    public T get(int index) {
        if (warming) {
            if (index != 0) {
                throw new IndexOutOfBoundsException(index);
            }
            return standIn;
        }
        @SuppressWarnings("unchecked")
        T element = (T) getSource().get(index);
        return element;
    }

    @Override
    public int size() {
        return warming ? 1 : getSource().size();
    }
}
