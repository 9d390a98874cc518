package io.cosmosdesk.app;

import io.cosmosdesk.browse.ResourceNode;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.stage.Window;

/**
 * A command a feature offers in the tree's context menu of a connection or database ("New database…",
 * "New container…", "Delete database…"). Container commands are {@link ContainerAction}s.
 */
public record TreeAction(ResourceNode.Kind kind, String label, BiConsumer<Window, ResourceNode> run) {

    public TreeAction {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(run, "run");
    }
}
