package io.cosmosdesk.browse;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** One loaded Items tab: its view, controller and view-model, built from {@code /fxml/ItemsTab.fxml}. */
public final class ItemsTab {

    public static final String FXML = "/fxml/ItemsTab.fxml";

    private final Parent view;
    private final ItemsTabController controller;

    private ItemsTab(Parent view, ItemsTabController controller) {
        this.view = view;
        this.controller = controller;
    }

    /** Loads the view for {@code viewModel} (its controller is built by constructor injection) and starts loading items. */
    public static ItemsTab load(ItemsViewModel viewModel) {
        FXMLLoader loader = new FXMLLoader(ItemsTab.class.getResource(FXML));
        loader.setControllerFactory(type -> {
            if (type == ItemsTabController.class) {
                return new ItemsTabController(viewModel);
            }
            throw new IllegalArgumentException("No controller registered for " + type.getName());
        });
        try {
            Parent view = loader.load();
            viewModel.refresh();
            return new ItemsTab(view, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the items tab", e);
        }
    }

    public Parent view() {
        return view;
    }

    public ItemsTabController controller() {
        return controller;
    }

    public ItemsViewModel viewModel() {
        return controller.viewModel();
    }

    /** Stops whatever the tab still runs; called when the tab closes. */
    public void close() {
        viewModel().close();
    }
}
