package io.cosmosdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.DialogService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: the connection dialog explains its empty saved list and shows its labels whole. */
class ConnectionDialogLayoutTest {

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

    @Test
    void emptySavedListSaysWhatAppearsThereAndConnectionStringIsNotCut(FxRobot robot) throws Exception {
        robot.clickOn("#openConnectionButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#savedList").tryQuery().isPresent());
        robot.clickOn("#keyKind");
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> saved = robot.lookup("#savedList").queryAs(ListView.class);
        assertThat(saved.getItems()).isEmpty();
        Label placeholder = robot.lookup("#savedListPlaceholder").queryAs(Label.class);
        assertThat(placeholder.isVisible() && placeholder.getScene() != null).isTrue();
        assertThat(placeholder.getText()).startsWith("No saved connections yet.").contains("Save this connection");

        Label label = robot.lookup("#connectionStringLabel").queryAs(Label.class);
        assertThat(label.isVisible()).isTrue();
        assertThat(label.getWidth()).as("room for the whole label").isGreaterThanOrEqualTo(label.prefWidth(-1) - 0.5);
        robot.type(KeyCode.ESCAPE);
    }

    /** A label cut with "…" draws less text than it holds. */
    private static void assertShownWhole(Label label) {
        assertThat(label.isVisible()).isTrue();
        javafx.scene.text.Text drawn = (javafx.scene.text.Text) label.lookup(".text");
        assertThat(drawn).as("the label's text node").extracting(javafx.scene.text.Text::getText)
                .isEqualTo(label.getText());
        assertThat(drawn.getText().replace("\n", " ").replaceAll(" +", " ").strip())
                .as("drawn text of %s", label.getId())
                .isEqualTo(label.getText().replace("\n", " ").replaceAll(" +", " ").strip());
    }

    @Test
    void hintsAndErrorsWrapInsteadOfBeingCut(FxRobot robot) throws Exception {
        robot.clickOn("#openConnectionButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#savedList").tryQuery().isPresent());
        robot.clickOn("#emulatorKind");
        WaitForAsyncUtils.waitForFxEvents();
        Label kindHint = robot.lookup("#kindHint").queryAs(Label.class);
        assertThat(kindHint.getText()).contains("full TLS");
        assertShownWhole(kindHint);

        robot.clickOn("#keyKind");
        robot.lookup("#endpointField").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> {
            robot.lookup("#endpointField").queryAs(javafx.scene.control.TextField.class)
                    .setText("https://orders.documents.azure.com:443/");
            robot.lookup("#keyField").queryAs(javafx.scene.control.TextInputControl.class)
                    .setText("not a key, and long enough to be sure it is not one: not base64 at all!");
        });
        robot.clickOn("#testButton");
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        assertThat(message.getText()).isNotBlank();
        assertShownWhole(message);
        assertShownWhole(robot.lookup("#kindHint").queryAs(Label.class));
        robot.type(KeyCode.ESCAPE);
    }
}
