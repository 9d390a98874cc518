package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.Mockito.mock;

import io.cosmosdesk.cosmos.CosmosClientFactory;
import io.cosmosdesk.connection.NoSecretStore;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/**
 * Headless: the main window at its first-start size (1280 x 800, WindowPlacement) gives the tree its preferred
 * width. The divider's fraction was taken of the split's first, smaller width and the tree kept those pixels: 200
 * px, its minimum, under Xvfb + openbox, where the containers' partition keys were cut ("orders /custome").
 */
class TreePaneWidthGuiTest {

    private Stage stage;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(shown -> {
        stage = shown;
        try {
            Path home = Files.createTempDirectory("tree-width");
            AppContext context = new AppContext(new AppDirectories(home.resolve("config"), home.resolve("data"),
                    home.resolve("logs")), new FxTaskRunner(), mock(DialogService.class), new CosmosClientFactory(),
                    new NoSecretStore(), Map.of());
            shown.setScene(CosmosDeskApp.createMainScene(context));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        shown.setWidth(1280);
        shown.setHeight(800);
        shown.show();
    });

    @Test
    void theTreeHasItsPreferredWidthInAWindowOfTheFirstStartSize(FxRobot robot) throws Exception {
        Region treePane = (Region) MainWindowFixture.shown(robot, "#treePane");
        MainWindowFixture.waitFor("the window is whole", () -> CosmosDeskApp.isWhole(stage.getScene()));

        assertThat(treePane.getWidth()).isCloseTo(treePane.getPrefWidth(), within(2.0));
    }
}
