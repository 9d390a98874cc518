package io.cosmosdesk.app;

import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.browse.ResourceTreeViewModel;
import io.cosmosdesk.cosmos.ContainerHandle;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What follows when containers go ({@link GoneContainers}): every open tab of them (the Items tab with its editor,
 * and each tool tab) says so and offers nothing that writes, and the tree drops them. FX thread.
 */
final class GoneTabs {

    private final ToolTabs toolTabs;
    private final Supplier<Map<ContainerHandle, ItemsViewModel>> grids;
    private final ResourceTreeViewModel tree;

    GoneTabs(ToolTabs toolTabs, Supplier<Map<ContainerHandle, ItemsViewModel>> grids, ResourceTreeViewModel tree) {
        this.toolTabs = toolTabs;
        this.grids = grids;
        this.tree = tree;
    }

    /** Wires the tabs and the tree to {@code gone}, and tree refreshes that miss a container back to it. */
    static void install(GoneContainers gone, ToolTabs toolTabs,
            Supplier<Map<ContainerHandle, ItemsViewModel>> grids, ResourceTreeViewModel tree) {
        GoneTabs tabs = new GoneTabs(toolTabs, grids, tree);
        gone.addListener(tabs::follow);
        tree.setOnMissing((parent, childId) -> gone.gone(parent.kind() == ResourceNode.Kind.DATABASE
                ? new GoneContainers.Gone(parent.connection(), parent.databaseId(), childId)
                : GoneContainers.Gone.database(parent.connection(), childId)));
        toolTabs.reportFailuresTo(gone);
    }

    void follow(GoneContainers.Gone gone) {
        grids.get().forEach((handle, grid) -> {
            if (gone.covers(handle)) {
                grid.markContainerGone();
            }
        });
        toolTabs.tabs().stream().filter(tab -> gone.covers(tab.container()))
                .forEach(tab -> tab.containerGone(GoneContainers.SENTENCE));
        stillListed(gone).ifPresent(tree::refresh);
    }

    /** The tree node to reload: the database (or connection) node that still lists what went. */
    private Optional<ResourceNode> stillListed(GoneContainers.Gone gone) {
        Optional<ResourceNode> database = tree.connections().stream()
                .filter(node -> node.connection() == gone.connection())
                .flatMap(node -> node.children().stream())
                .filter(node -> node.kind() == ResourceNode.Kind.DATABASE && gone.databaseId().equals(node.databaseId()))
                .findFirst();
        if (gone.containerId() == null) {
            return database.map(ResourceNode::parent);
        }
        return database.filter(node -> node.loadState() == ResourceNode.LoadState.LOADED && node.children().stream()
                .anyMatch(child -> child.kind() == ResourceNode.Kind.CONTAINER
                        && child.container().ref().containerId().equals(gone.containerId())));
    }
}
