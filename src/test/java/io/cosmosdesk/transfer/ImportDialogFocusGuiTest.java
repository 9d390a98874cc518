package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.app.Theme;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.testing.OfflineContainer;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.testfx.api.FxRobot;

/**
 * Headless: the import dialog opens with the keyboard on "Choose…", its first step. It opened on the file field,
 * which cannot be typed in (the file is chosen or dropped): a keyboard user had to Tab before anything happened.
 */
class ImportDialogFocusGuiTest {

    private final AtomicReference<Stage> main = new AtomicReference<>();

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        FxAppExtension.showStyled(stage, new StackPane(), 600, 400);
        main.set(stage);
    });

    @Test
    void theDialogOpensWithTheKeyboardOnChoose(FxRobot robot) throws Exception {
        ImportDialog dialog = new ImportDialog(new ImportService(Files.createTempDirectory("imports"), null),
                ImmediateTaskRunner.immediate(), Mockito.mock(io.cosmosdesk.ui.DialogService.class),
                Theme.APP_STYLESHEET);
        Stage[] shown = new Stage[1];
        robot.interact(() -> shown[0] = dialog.show(main.get(), OfflineContainer.handle("retail", "orders"), null));
        try {
            MainWindowFixture.waitFor("the dialog has a focus owner", () -> shown[0].getScene().getFocusOwner()
                    != null);
            Node focused = shown[0].getScene().getFocusOwner();
            assertThat(focused).as("focus owner " + focused).isInstanceOf(Button.class);
            assertThat(((Button) focused).getText()).isEqualTo("Choose…");
        } finally {
            robot.interact(shown[0]::close);
        }
    }
}
