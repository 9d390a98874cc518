package io.cosmosdesk.changes;

import io.cosmosdesk.app.ToolTab;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemRef;
import io.cosmosdesk.ui.FxmlView;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Parent;

/** The Live changes tab of one container, built from {@code /fxml/ChangesTab.fxml}. */
public final class ChangesTab implements ToolTab {

    public static final String KIND = "changes";
    public static final String FXML = "/fxml/ChangesTab.fxml";

    private final LiveChangesViewModel viewModel;
    private final Consumer<ItemRef> openItem;
    private Parent view;

    ChangesTab(LiveChangesViewModel viewModel, Consumer<ItemRef> openItem) {
        this.viewModel = viewModel;
        this.openItem = openItem;
    }

    public LiveChangesViewModel viewModel() {
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
            FxmlView<ChangesTabController> loaded = FxmlView.load(ChangesTab.class, FXML, ChangesTabController.class,
                    () -> new ChangesTabController(viewModel, openItem), "the live changes tab");
            view = loaded.root();
        }
        return view;
    }

    @Override
    public void containerGone(String sentence) {
        viewModel.containerGone(sentence);
    }

    @Override
    public void close() {
        viewModel.close();
    }
}
