package io.cosmosdesk.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: the masked connection string and key can be shown to check what was pasted, and masked again. */
class SecretFieldsShowToggleTest {

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class));

    @Test
    void showRevealsTheConnectionStringAndTheKeyAndHideMasksThemAgain(FxRobot robot) throws Exception {
        robot.clickOn("#openConnectionButton");
        MainWindowFixture.waitFor("the dialog opens", () -> robot.lookup("#keyKind").tryQuery().isPresent());
        robot.clickOn("#keyKind");
        WaitForAsyncUtils.waitForFxEvents();
        PasswordField masked = robot.lookup("#connectionStringField").queryAs(PasswordField.class);
        TextField plain = robot.lookup("#connectionStringPlain").queryAs(TextField.class);
        ToggleButton show = robot.lookup("#showConnectionStringToggle").queryAs(ToggleButton.class);
        String pasted = "AccountEndpoint=https://acct.documents.azure.com:443/;AccountKey=c2VjcmV0;";
        robot.interact(() -> masked.setText(pasted));
        assertThat(show.isVisible()).isTrue();
        assertThat(plain.isVisible()).isFalse();

        robot.clickOn(show);
        assertThat(plain.isVisible()).isTrue();
        assertThat(masked.isVisible()).isFalse();
        assertThat(plain.getText()).isEqualTo(pasted);
        assertThat(show.getText()).isEqualTo("Hide");
        robot.interact(() -> plain.setText(pasted.replace("acct", "other")));
        assertThat(masked.getText()).as("one text behind both fields").contains("https://other.documents");

        robot.clickOn(show);
        assertThat(masked.isVisible()).isTrue();
        assertThat(plain.isVisible()).isFalse();

        PasswordField key = robot.lookup("#keyField").queryAs(PasswordField.class);
        TextField keyPlain = robot.lookup("#keyPlain").queryAs(TextField.class);
        robot.interact(() -> key.setText("c2VjcmV0a2V5"));
        robot.clickOn("#showKeyToggle");
        assertThat(keyPlain.isVisible()).isTrue();
        assertThat(keyPlain.getText()).isEqualTo("c2VjcmV0a2V5");
        robot.type(KeyCode.ESCAPE);
    }
}
