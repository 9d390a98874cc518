package io.cosmosdesk.manage;

import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.cosmos.ContainerHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;

/** The settings of one container as a tab beside its workspace, built from {@code /fxml/ContainerSettings.fxml}. */
public final class ContainerSettingsTab implements ToolTab {

    public static final String KIND = "container-settings";
    public static final String FXML = "/fxml/ContainerSettings.fxml";

    private final ContainerSettingsViewModel viewModel;
    private Parent view;

    ContainerSettingsTab(ContainerSettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public ContainerSettingsViewModel viewModel() {
        return viewModel;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public ContainerHandle container() {
        return viewModel.handle();
    }

    @Override
    public ObservableValue<String> title() {
        return viewModel.titleProperty();
    }

    @Override
    public Node view() {
        if (view == null) {
            FXMLLoader loader = new FXMLLoader(ContainerSettingsTab.class.getResource(FXML));
            loader.setControllerFactory(type -> {
                if (type == ContainerSettingsController.class) {
                    return new ContainerSettingsController(viewModel);
                }
                throw new IllegalArgumentException("No controller registered for " + type.getName());
            });
            try {
                view = loader.load();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load the container settings tab", e);
            }
        }
        return view;
    }

    @Override
    public void containerGone(String sentence) {
        viewModel.containerGone(sentence);
    }

    @Override
    public CompletableFuture<Boolean> requestClose() {
        return CompletableFuture.completedFuture(viewModel.confirmClose());
    }
}
