package io.cosmosdesk.manage;

import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.ui.FxmlView;
import java.util.concurrent.CompletableFuture;
import javafx.beans.value.ObservableValue;
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
            FxmlView<ContainerSettingsController> loaded = FxmlView.load(ContainerSettingsTab.class, FXML, ContainerSettingsController.class,
                    () -> new ContainerSettingsController(viewModel), "the container settings tab");
            view = loaded.root();
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
