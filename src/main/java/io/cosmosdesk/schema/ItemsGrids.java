package io.cosmosdesk.schema;

import io.cosmosdesk.browse.ItemColumn;
import io.cosmosdesk.browse.ItemsViewModel;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The schema's way into a container's Items tab: open (or front) it, then act on its view-model. */
public final class ItemsGrids implements SchemaFeature.Grids {

    private final Consumer<ContainerHandle> openContainer;
    private final Function<ContainerHandle, Optional<ItemsViewModel>> gridOf;
    private java.util.function.BiConsumer<ContainerHandle, String> queries;

    /**
     * @param openContainer opens or fronts the container's workspace (at once, on the UI thread)
     * @param gridOf the Items view-model of an open workspace
     */
    public ItemsGrids(Consumer<ContainerHandle> openContainer,
            Function<ContainerHandle, Optional<ItemsViewModel>> gridOf) {
        this.openContainer = Objects.requireNonNull(openContainer);
        this.gridOf = Objects.requireNonNull(gridOf);
    }

    /** Where starter queries go: a new query tab on the container with the text in it. */
    public void openQueriesWith(java.util.function.BiConsumer<ContainerHandle, String> opener) {
        this.queries = Objects.requireNonNull(opener);
    }

    @Override
    public boolean openQuery(ContainerHandle container, String sql) {
        if (queries == null) {
            return false;
        }
        queries.accept(container, sql);
        return true;
    }

    @Override
    public Optional<String> addColumn(ContainerHandle container, JsonPath path) {
        return grid(container).flatMap(grid -> grid.addColumn(path.toString()));
    }

    @Override
    public void sortBy(ContainerHandle container, JsonPath path) {
        grid(container).ifPresent(grid -> {
            if (grid.columns().stream().noneMatch(column -> column.path().equals(path))) {
                grid.addColumn(path.toString());
            }
            grid.columns().stream().filter(column -> column.path().equals(path)).findFirst()
                    .ifPresent((ItemColumn column) -> grid.sortBy(column));
        });
    }

    private Optional<ItemsViewModel> grid(ContainerHandle container) {
        openContainer.accept(container);
        return gridOf.apply(container);
    }
}
