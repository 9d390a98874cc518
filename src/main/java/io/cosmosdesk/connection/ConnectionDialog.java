package io.cosmosdesk.connection;

import io.cosmosdesk.cosmos.AccountProbe;
import io.cosmosdesk.cosmos.PinnedCertificates;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.DialogStages;
import io.cosmosdesk.ui.FxmlView;
import io.cosmosdesk.ui.TaskRunner;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the connection dialog (view side); a fresh view-model each time. */
public class ConnectionDialog {

    public static final String FXML = "/fxml/ConnectionDialog.fxml";

    private final Supplier<ConnectionDialogViewModel> viewModels;
    private final DialogService dialogs;
    private final Map<String, String> environment;
    private final String stylesheet;

    public ConnectionDialog(AccountProbe probe, ConnectionStore store, SecretStore secrets, EntraCredentials entra,
            PinnedCertificates pins, TaskRunner tasks, DialogService dialogs, Map<String, String> environment,
            String stylesheet) {
        this.viewModels = () -> new ConnectionDialogViewModel(probe, store, secrets, entra, tasks, pins);
        this.dialogs = dialogs;
        this.environment = environment;
        this.stylesheet = stylesheet;
    }

    /** Shows the dialog; {@code onConnect} receives a checked connection request. */
    public Stage show(Window owner, Consumer<ConnectRequest> onConnect) {
        ConnectionDialogViewModel viewModel = viewModels.get();
        viewModel.setOnConnect(onConnect);
        viewModel.initialize(environment);
        Parent root = FxmlView.load(ConnectionDialog.class, FXML, ConnectionDialogController.class,
                () -> new ConnectionDialogController(viewModel, dialogs), "the connection dialog").root();
        Stage stage = DialogStages.of(owner, Modality.WINDOW_MODAL, "Connect to Azure Cosmos DB", root, stylesheet);
        stage.setOnHidden(event -> viewModel.cancel());
        stage.show();
        return stage;
    }
}
