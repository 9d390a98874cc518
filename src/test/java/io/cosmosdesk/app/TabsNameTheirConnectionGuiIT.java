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
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;

/** Headless: the same container open on two connections (one read-only, tagged red) gives two tabs told apart. */
@ExtendWith(CosmosServerExtension.class)
class TabsNameTheirConnectionGuiIT {

    private AppContext context;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> mock(DialogService.class))
            .onShown(shown -> context = shown);

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
        assertThat(prod.getGraphic()).as("colour dot and lock").isInstanceOfSatisfying(javafx.scene.layout.HBox.class,
                mark -> assertThat(mark.getChildren()).satisfiesExactly(
                        dot -> assertThat(dot).isInstanceOfSatisfying(javafx.scene.shape.Circle.class,
                                circle -> assertThat(circle.getFill()).isEqualTo(javafx.scene.paint.Color.web("#d1242f"))),
                        lock -> assertThat(lock).isInstanceOfSatisfying(org.kordamp.ikonli.javafx.FontIcon.class,
                                icon -> assertThat(icon.getIconLiteral()).isEqualTo("fth-lock"))));
    }
}
