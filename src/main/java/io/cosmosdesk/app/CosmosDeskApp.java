package io.cosmosdesk.app;

import io.cosmosdesk.connection.DeferredSecretStore;
import io.cosmosdesk.connection.KeyringSecretStore;
import io.cosmosdesk.connection.SecretStore;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.ui.FxDialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: builds the {@link AppContext}, shows the main window, tears down on exit. */
public class CosmosDeskApp extends Application {

    public static final String MAIN_WINDOW_FXML = "/fxml/MainWindow.fxml";

    private AppContext context;
    private SecretStore secrets;

    /** The keychain probe takes about a second: it runs in the background while the window opens. */
    @Override
    public void init() {
        secrets = new DeferredSecretStore(KeyringSecretStore::detect);
    }

    @Override
    public void start(Stage stage) {
        StartupOptions options = StartupOptions.parse(getParameters().getRaw(), System.getenv());
        FxDialogService dialogs = new FxDialogService(stage);
        context = new AppContext(AppDirectories.detect(), new FxTaskRunner(), dialogs, new CosmosClientFactory(),
                secrets, System.getenv());
        MainViewModel main = context.mainViewModel();
        options.theme().map(Theme::fromName).ifPresent(main.themeProperty()::set);

        stage.setScene(createMainScene(context));
        stage.titleProperty().bind(main.windowTitleProperty());
        stage.getIcons().add(new Image(CosmosDeskApp.class.getResourceAsStream("/io/cosmosdesk/app/icon-256.png")));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();

        options.emulatorProfile().ifPresent(profile ->
                main.connect(profile, new Credentials.AccountKey(ConnectionProfile.EMULATOR_KEY),
                        options.databaseId().orElse(null), options.containerId().orElse(null)));
    }

    /** The main window's scene; also used by GUI tests so they drive exactly what users see. */
    public static Scene createMainScene(AppContext context) {
        FXMLLoader loader = new FXMLLoader(CosmosDeskApp.class.getResource(MAIN_WINDOW_FXML));
        loader.setControllerFactory(context.controllerFactory());
        try {
            Parent root = loader.load();
            Scene scene = new Scene(root);
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
            return scene;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the main window", e);
        }
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
