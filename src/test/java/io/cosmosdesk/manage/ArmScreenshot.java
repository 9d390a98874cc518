package io.cosmosdesk.manage;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.cosmos.CosmosAsyncClient;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.app.TreeAction;
import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.connection.ConnectionDialog;
import io.cosmosdesk.connection.ConnectionStore;
import io.cosmosdesk.connection.EntraCredentials;
import io.cosmosdesk.connection.NoSecretStore;
import io.cosmosdesk.cosmos.AccountProbe;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.cosmos.PinnedCertificates;
import io.cosmosdesk.cosmos.ResourceService;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.tools.FxScript;
import io.cosmosdesk.ui.FxDialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import reactor.core.publisher.Mono;

/**
 * For looking at Resource Manager as a user under Xvfb + openbox: the real main window, an Entra ID connection (a
 * stand-in token) to the local Cosmos server, whose data plane refuses it New container…; the offer to use Azure
 * Resource Manager (a local one, reached through {@link ArmControlPlane#ENDPOINT_VARIABLE}); then the container
 * made there; then the connection dialog's Resource Manager fields with a sentence. Prints a READY line at each
 * stage and waits, so {@code import -window root} can capture it.
 *   java ... io.cosmosdesk.manage.ArmScreenshot SECONDS_PER_STAGE
 */
public final class ArmScreenshot {

    private static final FxScript FX = new FxScript(180_000);

    private ArmScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        long wait = args.length > 0 ? Long.parseLong(args[0]) : 8;
        FxScript.runAndExit("arm screenshot", server -> run(server, wait));
    }

    private static void run(LocalCosmosServer server, long wait) throws Exception {
        CosmosAsyncClient keyClient = CosmosServerExtension.clientBuilder(server).buildAsyncClient();
        keyClient.createDatabase("retail").block();
        Path home = Files.createTempDirectory("cosmosdesk-arm-shot");
        LocalResourceManager resourceManager = new LocalResourceManager(keyClient, server.endpoint(), home);
        // trusted exactly as a user trusts a certificate in the connection dialog: for its host, by fingerprint
        new PinnedCertificates(home.resolve("config")).trust("localhost", resourceManager.certificate());
        TokenCredential token = request -> Mono.just(new AccessToken(LocalResourceManager.OPERATOR_TOKEN,
                OffsetDateTime.now().plusHours(1)));
        FxScript.MainWindow window = FX.openMainWindow(home,
                Map.of(ArmControlPlane.ENDPOINT_VARIABLE, resourceManager.endpoint()), 10, 10, 1100, 760);
        Stage[] stage = {window.stage()};
        AppContext[] app = {window.context()};
        onFx(() -> {
            ConnectionProfile profile = ConnectionProfile.create("Contoso (Entra ID)", AuthKind.ENTRA_ID,
                    server.endpoint());
            app[0].mainViewModel().connect(profile, new Credentials.Entra(token));
            return null;
        });
        waitFor("the database is listed", () -> onFx(() -> !app[0].mainViewModel().tree().connections().isEmpty()
                && app[0].mainViewModel().tree().connections().get(0).children().stream()
                        .anyMatch(node -> node.label().equals("retail"))));
        ResourceNode retail = onFx(() -> app[0].mainViewModel().tree().connections().get(0).children().stream()
                .filter(node -> node.label().equals("retail")).findFirst().orElseThrow());
        TreeAction newContainer = app[0].treeActions().all().stream()
                .filter(action -> action.label().equals("New container…")).findFirst().orElseThrow();
        onFx(() -> {
            newContainer.run().accept(stage[0], retail);
            return null;
        });
        Window create = waitForWindow(w -> w.getScene() != null && w.getScene().lookup("#keyLevel1Field") != null);
        onFx(() -> {
            var scene = create.getScene();
            ((TextInputControl) scene.lookup("#idField")).setText("sessions");
            ((TextInputControl) scene.lookup("#keyLevel1Field")).setText("/tenantId");
            ((TextInputControl) scene.lookup("#keyLevel2Field")).setText("/userId");
            ((TextInputControl) scene.lookup("#keyLevel3Field")).setText("/sessionId");
            ((ButtonBase) scene.lookup("#ttlSecondsChoice")).fire();
            ((TextInputControl) scene.lookup("#ttlSecondsField")).setText("3600");
            ((TextInputControl) scene.lookup("#uniqueKeysArea")).setText("/email");
            ((ButtonBase) scene.lookup("#createButton")).fire();
            return null;
        });
        Window offer = waitForWindow(w -> w != create && w != stage[0] && w.getScene() != null
                && w.getScene().getRoot().lookupAll(".button").stream().anyMatch(n -> n instanceof Labeled l
                        && "Use Azure Resource Manager".equals(l.getText())));
        System.out.println("READY offer: the data plane refused the Entra ID token; Azure Resource Manager offered");
        Thread.sleep(wait * 1000);
        FX.answer(offer, "Use Azure Resource Manager");
        waitFor("the container is listed", () -> onFx(() -> retail.children().stream()
                .anyMatch(node -> node.label().equals("sessions"))));
        System.out.println("READY created: sessions was created through Azure Resource Manager; requests: "
                + resourceManager.requests.size());
        Thread.sleep(wait * 1000);

        // its settings: manual -> autoscale is a migration Resource Manager makes; the review says how
        io.cosmosdesk.cosmos.ContainerHandle sessions = onFx(() -> {
            var connection = app[0].mainViewModel().tree().connections().get(0).connection();
            return new io.cosmosdesk.cosmos.ContainerHandle(connection, new io.cosmosdesk.cosmos.ResourceService()
                    .readContainers(connection, "retail").stream()
                    .filter(info -> info.ref().containerId().equals("sessions")).findFirst().orElseThrow());
        });
        var settingsAction = app[0].containerActions().all().stream()
                .filter(action -> action.label().equals(ContainerSettingsFeature.ACTION_LABEL)).findFirst()
                .orElseThrow();
        onFx(() -> {
            settingsAction.run().accept(stage[0], sessions);
            return null;
        });
        waitFor("the settings are read", () -> onFx(() -> {
            var choice = stage[0].getScene().lookup("#throughputModeChoice");
            return choice != null && choice.isVisible();
        }));
        onFx(() -> {
            @SuppressWarnings("unchecked")
            var choice = (javafx.scene.control.ChoiceBox<ThroughputInput.Mode>) stage[0].getScene()
                    .lookup("#throughputModeChoice");
            choice.setValue(ThroughputInput.Mode.AUTOSCALE);
            ((TextInputControl) stage[0].getScene().lookup("#requestUnitsField")).setText("4000");
            ((ButtonBase) stage[0].getScene().lookup("#reviewButton")).fire();
            return null;
        });
        waitFor("the review is shown", () -> onFx(() -> stage[0].getScene().lookup("#settingsDiff") != null));
        System.out.println("READY settings-switch: manual -> autoscale reviewed; the note says how it is made");
        Thread.sleep(wait * 1000);
        onFx(() -> {
            ((ButtonBase) stage[0].getScene().lookup("#confirmApplyButton")).fire();
            return null;
        });
        waitFor("the migration is made", () -> !resourceManager.migrations.isEmpty()
                && keyClient.getDatabase("retail").getContainer("sessions").readThroughput().block().getProperties()
                        .getAutoscaleMaxThroughput() == 4000);
        Thread.sleep(1500);
        System.out.println("READY settings-applied: migrated to autoscale 4,000 through Resource Manager");
        Thread.sleep(wait * 1000);

        // Delete container…: typed name, then a job in the Jobs panel
        var deleteAction = app[0].containerActions().all().stream()
                .filter(action -> action.label().equals("Delete container…")).findFirst().orElseThrow();
        Platform.runLater(() -> deleteAction.run().accept(stage[0], sessions)); // its confirmation waits for us
        Window confirm = waitForWindow(w -> w.getScene() != null && w.getScene().lookup("#confirmNameField") != null);
        onFx(() -> {
            ((TextInputControl) confirm.getScene().lookup("#confirmNameField")).setText("sessions");
            return null;
        });
        System.out.println("READY delete-confirm: the name typed");
        Thread.sleep(wait * 1000);
        onFx(() -> {
            confirm.getScene().getRoot().lookupAll(".button").stream().filter(n -> n instanceof Button b
                    && "Delete container".equals(b.getText())).map(Button.class::cast).findFirst().orElseThrow()
                    .fire();
            return null;
        });
        waitFor("the delete job is done", () -> onFx(() -> !app[0].jobs().jobs().isEmpty()
                && app[0].jobs().jobs().get(0).state().finished()));
        Thread.sleep(1500);
        System.out.println("READY delete-job: " + onFx(() -> app[0].jobs().jobs().get(0).statusProperty().get()));
        Thread.sleep(wait * 1000);

        onFx(() -> {
            new ConnectionDialog(new AccountProbe(new CosmosClientFactory(), new ResourceService()),
                    new ConnectionStore(home.resolve("config")), new NoSecretStore(), new EntraCredentials(),
                    new PinnedCertificates(home.resolve("config")), new FxTaskRunner(), new FxDialogService(stage[0]),
                    Map.of(), Theme.APP_STYLESHEET).show(stage[0], request -> { });
            return null;
        });
        Window connect = waitForWindow(w -> w.getScene() != null && w.getScene().lookup("#armSubscriptionField")
                != null);
        onFx(() -> {
            var scene = connect.getScene();
            ((ToggleButton) scene.lookup("#entraKind")).fire();
            ((TextInputControl) scene.lookup("#nameField")).setText("Contoso (Entra ID)");
            ((TextInputControl) scene.lookup("#endpointField")).setText("https://contoso.documents.azure.com:443/");
            ((TextInputControl) scene.lookup("#armSubscriptionField")).setText("0b1f6471-1bf0-4dda-aec3");
            ((TextInputControl) scene.lookup("#armResourceGroupField")).setText("rg-contoso");
            ((ButtonBase) scene.lookup("#testButton")).fire();
            return null;
        });
        Thread.sleep(1000);
        System.out.println("READY connection: the Resource Manager fields with their sentence");
        Thread.sleep(wait * 1000);
        resourceManager.close();
        keyClient.close();
    }

    private static Window waitForWindow(Predicate<Window> which) throws Exception {
        return FX.waitForWindow(which, "the window");
    }

    private static void waitFor(String what, Callable<Boolean> condition) throws Exception {
        FX.waitFor(what, condition);
    }

    private static <T> T onFx(Callable<T> action) throws Exception {
        return FX.onFx(action);
    }
}
