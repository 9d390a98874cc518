package io.cosmosdesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@link ContainerAction}s features register, in the order added; registered before the main window loads. */
public final class ContainerActions {

    private final List<ContainerAction> actions = new ArrayList<>();

    public void add(ContainerAction action) {
        actions.add(Objects.requireNonNull(action));
    }

    public List<ContainerAction> all() {
        return List.copyOf(actions);
    }
}
