package io.cosmosdesk.connection;

import io.cosmosdesk.cosmos.AccountProbe;
import io.cosmosdesk.cosmos.PinnedCertificates;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
        FXMLLoader loader = new FXMLLoader(ConnectionDialog.class.getResource(FXML));
        loader.setControllerFactory(type -> new ConnectionDialogController(viewModel, dialogs));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the connection dialog", e);
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Connect to Azure Cosmos DB");
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        io.cosmosdesk.ui.DialogSizing.capToScreen(stage, owner);
        stage.setOnHidden(event -> viewModel.cancel());
        stage.show();
        return stage;
    }
}
