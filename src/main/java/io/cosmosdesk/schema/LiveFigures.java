package io.cosmosdesk.schema;

import java.util.HashMap;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.SimpleLongProperty;

/**
 * The newest figures of each field while a sample fills in. The field tree's rows keep the value they were made
 * with until the sample ends: a new value in a TreeItem makes the tree rebuild every shown cell (each goes empty
 * and is filled again, so its graphic, styles and pseudo-classes change twice and the whole tree is drawn again),
 * four times a second. Instead the cells listen here and show {@link #of} their item, changing only what moved.
 */
final class LiveFigures {

    private final Map<FieldPath, FieldSummary> latest = new HashMap<>();
    private final SimpleLongProperty version = new SimpleLongProperty(this, "version");

    /** The newest figures of {@code shown}'s field (itself when none came since). */
    FieldSummary of(FieldSummary shown) {
        FieldSummary newer = latest.get(shown.path());
        return newer == null ? shown : newer;
    }

    void put(FieldSummary field) {
        latest.put(field.path(), field);
    }

    /** Tells the cells to look again, once per snapshot. */
    void changed() {
        version.set(version.get() + 1);
    }

    void clear() {
        latest.clear();
    }

    /**
     * Calls {@code cellRefresh} after each snapshot while {@code owner} lives (cells come and go with the tree's
     * virtual flow; the listener must not keep one alive).
     */
    void listen(Object owner, Runnable cellRefresh) {
        InvalidationListener listener = (Observable o) -> cellRefresh.run();
        // the owner holds the listener strongly, the property only weakly
        ownerListeners(owner).put("schema.live", listener);
        version.addListener(new WeakInvalidationListener(listener));
    }

    private static Map<Object, Object> ownerListeners(Object owner) {
        return ((javafx.scene.Node) owner).getProperties();
    }
}
