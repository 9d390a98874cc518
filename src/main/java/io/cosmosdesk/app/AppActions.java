package io.cosmosdesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The {@link AppAction}s features register, in the order added; registered before the main window loads. */
public final class AppActions {

    private final List<AppAction> actions = new ArrayList<>();

    public void add(AppAction action) {
        actions.add(Objects.requireNonNull(action));
    }

    public List<AppAction> all() {
        return List.copyOf(actions);
    }
}
