package io.cosmosdesk.move;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.testing.DialogAssertions;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: the move dialog grows with its messages up to the screen, and its buttons never leave the window. */
class MoveDialogLayoutTest {

    private final MoveService service = mock(MoveService.class);
    private Stage owner;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start);

    private void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 1000, 700));
        stage.show();
        owner = stage;
    }

    private static ContainerHandle iotHandle() {
        CosmosConnection connection = mock(CosmosConnection.class);
        when(connection.profile()).thenReturn(ConnectionProfile.create("Local", AuthKind.EMULATOR,
                "https://localhost:8081"));
        return new ContainerHandle(connection, new ContainerInfo(new ContainerRef("iot", "telemetry"),
                List.of("/tenantId", "/deviceId", "/day"), true, null));
    }

    @Test
    void aLongMessageKeepsPreviewMoveAndCancelInsideTheWindow(FxRobot robot) throws Exception {
        String longError = String.join(" ", java.util.Collections.nCopies(400,
                "The preview could not run because the server refused it."));
        when(service.previewMoveTo(any(), anyList(), any()))
                .thenThrow(new CosmosDeskException(ErrorKind.BAD_REQUEST, longError));
        when(service.suggestTargetValues(any(), anyString(), anyInt())).thenReturn(List.of("dev-1", "dev-2"));
        List<MoveSource> items = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            items.add(MoveSource.ref("row-" + i, PartitionKeyValue.of("contoso", "dev-1", "2024-05-0" + (1 + i % 2))));
        }
        MoveDialog dialog = new MoveDialog(service, ImmediateTaskRunner.immediate(),
                MoveDialogLayoutTest.class.getResource("/io/cosmosdesk/app/cosmosdesk.css").toExternalForm());
        robot.interact(() -> dialog.show(owner, iotHandle(), items, result -> { }));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#previewButton").tryQuery().isPresent());
        Window window = robot.lookup("#previewButton").query().getScene().getWindow();

        robot.interact(() -> robot.lookup("#targetValue1").queryAs(javafx.scene.control.TextField.class)
                .setText("dev-9"));
        robot.clickOn("#previewButton");
        Label error = robot.lookup("#errorLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> longError.equals(error.getText()));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(window.getHeight()).as("the window grew with the message").isGreaterThan(400);
        for (String button : List.of("#previewButton", "#runButton", "#cancelButton")) {
            DialogAssertions.assertInsideItsWindow(robot.lookup(button).query());
        }
        robot.interact(() -> ((Stage) window).close());
    }
}
