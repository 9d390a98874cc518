package io.cosmosdesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@link TreeAction}s features register, in the order added; registered before the main window loads. */
public final class TreeActions {

    private final List<TreeAction> actions = new ArrayList<>();

    public void add(TreeAction action) {
        actions.add(Objects.requireNonNull(action));
    }

    public List<TreeAction> all() {
        return List.copyOf(actions);
    }
}
