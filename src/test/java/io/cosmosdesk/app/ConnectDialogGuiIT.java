package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.browse.ResourceNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.DialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: a user fills the connection dialog, connects to the local server and sees its databases. */
@ExtendWith(CosmosServerExtension.class)
class ConnectDialogGuiIT {

    @TempDir
    static Path home;

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .home(() -> home).onShown(shown -> context = shown);

    @Test
    void fillTheDialogConnectAndSeeTheDatabases(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        String database = data.createDatabase().getId();

        robot.clickOn("#openConnectionButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#endpointField").tryQuery().isPresent());
        robot.clickOn("#emulatorKind");
        robot.clickOn("#nameField").write("Sandbox");
        TextField endpoint = robot.lookup("#endpointField").queryAs(TextField.class);
        // the glass robot types letters reliably but not every URL character on every keyboard map
        robot.interact(() -> endpoint.setText(server.endpoint()));
        robot.clickOn("#testButton");
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().matches(".*· \\d+ databases?$"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Test connection did not succeed; the dialog says: " + message.getText(), e);
        }
        robot.clickOn("#dialogConnectButton");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !context.mainViewModel().tree().connections().isEmpty()
                && context.mainViewModel().tree().connections().get(0).loadState() == ResourceNode.LoadState.LOADED);
        ResourceNode connection = context.mainViewModel().tree().connections().get(0);
        assertThat(connection.label()).isEqualTo("Sandbox");
        assertThat(connection.children()).extracting(ResourceNode::label).contains(database);
        assertThat(robot.lookup("#connectionBadge").queryAs(Label.class).getText()).isEqualTo("Sandbox");
        assertThat(Window.getWindows()).as("the dialog closed").hasSize(1);
        String saved = Files.readString(home.resolve("config").resolve("connections.json"));
        assertThat(saved).contains("Sandbox").contains(server.endpoint())
                .doesNotContain(server.key());
    }

    /** A label cut with "…" draws less text than it holds. */
    private static String drawn(Label label) {
        javafx.scene.text.Text text = (javafx.scene.text.Text) label.lookup(".text");
        return text == null ? "" : text.getText().replace("\n", " ").replaceAll(" +", " ").strip();
    }

    @Test
    void aRefusedKeyAfterAPassingTestShowsOnlyTheStagesReachedAndTheWholeAdvice(FxRobot robot,
            LocalCosmosServer server) throws Exception {
        robot.clickOn("#openConnectionButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#endpointField").tryQuery().isPresent());
        robot.clickOn("#emulatorKind");
        TextField endpoint = robot.lookup("#endpointField").queryAs(TextField.class);
        robot.interact(() -> endpoint.setText(server.endpoint()));
        robot.clickOn("#testButton");
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getText().matches(".*· \\d+ databases?$"));
        javafx.scene.layout.VBox steps = robot.lookup("#stepsBox").queryAs(javafx.scene.layout.VBox.class);
        assertThat(steps.getChildren()).hasSize(5);

        robot.interact(() -> robot.lookup("#keyField").queryAs(javafx.scene.control.TextInputControl.class)
                .setText(java.util.Base64.getEncoder().encodeToString(new byte[64])));
        robot.clickOn("#testButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> message.getStyleClass().contains("message-error"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(message.getText()).contains("primary or secondary key");
        assertThat(drawn(message)).as("the advice, whole").isEqualTo(message.getText().replaceAll("\\s+", " ").strip());
        assertThat(steps.getChildren()).as("resolve, reach, TLS passed; sign-in failed; listing never reached")
                .hasSize(4);
        assertThat(steps.getChildren().get(3).lookup(".step-failed")).as("sign-in marked failed")
                .isInstanceOfSatisfying(org.kordamp.ikonli.javafx.FontIcon.class, icon -> assertThat(icon.getIconCode())
                        .isEqualTo(org.kordamp.ikonli.feather.Feather.X_CIRCLE));
        Label hint = robot.lookup("#kindHint").queryAs(Label.class);
        assertThat(drawn(hint)).isEqualTo(hint.getText().replaceAll("\\s+", " ").strip());
        for (String button : java.util.List.of("#testButton", "#closeButton", "#dialogConnectButton")) {
            io.cosmosdesk.testing.DialogAssertions.assertInsideItsWindow(robot.lookup(button).query());
        }
        robot.type(KeyCode.ESCAPE);
    }
}
