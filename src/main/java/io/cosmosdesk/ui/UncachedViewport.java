package io.cosmosdesk.ui;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A ScrollPane whose viewport is drawn directly, not through a cached image. The stock skin caches its viewport (to
 * scroll a still picture quickly), so any change inside, one text or one bar, makes the renderer draw the whole
 * content again into the cache and then the cache onto the screen: JavaFX's pulse logger shows "CacheFilter
 * rebuilding" in every frame where the content changed, however small the dirty region. Content that changes while
 * shown (figures filling in) costs the renderer far less drawn directly, only its dirty regions.
 */
public final class UncachedViewport {

    private UncachedViewport() {
    }

    /** FX thread. Now if the skin exists, else as soon as it is made (each time a skin is made). */
    public static void install(ScrollPane scrollPane) {
        uncache(scrollPane);
        scrollPane.skinProperty().addListener((obs, old, skin) -> uncache(scrollPane));
    }

    /** True when the scroll pane's viewport exists and is cached. */
    public static boolean cached(ScrollPane scrollPane) {
        Node viewport = viewport(scrollPane);
        return viewport != null && viewport.isCache();
    }

    private static void uncache(ScrollPane scrollPane) {
        Node viewport = viewport(scrollPane);
        if (viewport != null) {
            viewport.setCache(false);
        }
    }

    private static Node viewport(ScrollPane scrollPane) {
        if (scrollPane.getSkin() == null) {
            return null;
        }
        // the skin's own child, not a viewport of a scroll pane somewhere in the content
        return scrollPane.getChildrenUnmodifiable().stream().filter(child -> child.getStyleClass().contains("viewport"))
                .findFirst().orElse(null);
    }
}
