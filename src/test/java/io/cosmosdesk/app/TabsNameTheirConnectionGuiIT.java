package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.Credentials;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;

/** Headless: the same container open on two connections (one read-only, tagged red) gives two tabs told apart. */
@ExtendWith({CosmosServerExtension.class, ApplicationExtension.class})
class TabsNameTheirConnectionGuiIT {

    @TempDir
    static Path home;

    private AppContext context;

    @Start
    void start(Stage stage) {
        context = MainWindowFixture.show(stage, home, mock(DialogService.class));
    }

    @Stop
    void stop() {
        context.close();
    }

    @AfterAll
    static void resetGlobalStylesheet() {
        Application.setUserAgentStylesheet(null);
    }

    @Test
    void twoConnectionsToTheSameContainerGiveTabsToldApart(FxRobot robot, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        CosmosAsyncContainer container = data.createContainer("/pk");
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        MainWindowFixture.waitFor("the first tab", () -> tabs.getTabs().size() == 2);
        Tab local = tabs.getTabs().get(1);
        assertThat(local.getText()).as("one connection: the container's name only").isEqualTo(container.getId());
        assertThat(local.getGraphic()).isNull();

        ConnectionProfile production = ConnectionProfile.create("Prod", AuthKind.EMULATOR, server.endpoint())
                .withReadOnly(true).withColorTag("#d1242f");
        robot.interact(() -> context.mainViewModel().connect(production, new Credentials.AccountKey(server.key()),
                container.getDatabase().getId(), container.getId()));
        MainWindowFixture.waitFor("the second tab", () -> tabs.getTabs().size() == 3);
        Tab prod = tabs.getTabs().get(2);
        assertThat(local.getText()).isEqualTo("Local › " + container.getId());
        assertThat(prod.getText()).isEqualTo("Prod › " + container.getId());
        assertThat(prod.getTooltip().getText()).startsWith("Prod › " + container.getDatabase().getId() + " › "
                + container.getId()).endsWith("read-only connection");
        assertThat(prod.getGraphic()).as("colour dot and lock").isNotNull();
    }
}
