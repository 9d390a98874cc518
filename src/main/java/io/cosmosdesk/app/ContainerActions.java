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

    /**
     * What a file dropped onto a container (its node in the tree, or its Items tab) does, when {@code accepts} the
     * files: e.g. import a .json/.jsonl/.csv file. One feature owns it; null when none.
     */
    public record FileDrop(java.util.function.Predicate<List<java.io.File>> accepts,
            FileDropAction run) {
    }

    /** Runs a drop on the FX thread, with the window to own any dialog. */
    @FunctionalInterface
    public interface FileDropAction {
        void run(javafx.stage.Window owner, io.cosmosdesk.cosmos.ContainerHandle container, java.nio.file.Path file);
    }

    private FileDrop fileDrop;

    public void setFileDrop(FileDrop drop) {
        this.fileDrop = drop;
    }

    public java.util.Optional<FileDrop> fileDrop() {
        return java.util.Optional.ofNullable(fileDrop);
    }
}
