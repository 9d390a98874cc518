package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.app.Theme;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.testing.OfflineContainer;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.Mockito;
import org.testfx.api.FxRobot;

/**
 * Headless: the import dialog's focus and layout. It opens with the keyboard on "Choose…", its first step. It
 * opened on the file field, which cannot be typed in (the file is chosen or dropped): a keyboard user had to Tab
 * before anything happened. The field stays reachable by Tab (a keyboard or screen-reader user reads or copies the
 * chosen path there).
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
        Stage[] shown = {open(robot, ImmediateTaskRunner.immediate(), null)};
        try {
            MainWindowFixture.waitFor("the dialog has a focus owner", () -> shown[0].getScene().getFocusOwner()
                    != null);
            Node focused = shown[0].getScene().getFocusOwner();
            assertThat(focused).as("focus owner " + focused).isInstanceOf(Button.class);
            assertThat(((Button) focused).getText()).isEqualTo("Choose…");
            Node fileField = shown[0].getScene().lookup("#fileField");
            assertThat(fileField.isFocusTraversable()).as("the chosen path stays reachable by Tab, to read or copy it")
                    .isTrue();
        } finally {
            robot.interact(shown[0]::close);
        }
    }

    /**
     * No empty band above Cancel/Import before an import runs (the hidden progress bar and the empty status line
     * took 58 px), and when an import starts the buttons stay where they were (the preview gives up the room),
     * so nothing moves under the pointer that just pressed Import.
     */
    @Test
    void noBandAboveTheButtonsUntilAnImportRunsAndTheButtonsStayPut(FxRobot robot) throws Exception {
        Path file = Files.createTempFile("orders", ".json");
        Files.writeString(file, "[{\"id\":\"1\",\"customerId\":\"c1\",\"total\":3}]");
        ImmediateTaskRunner tasks = ImmediateTaskRunner.deferred();
        Stage[] shown = {open(robot, tasks, file)};
        try {
            robot.interact(tasks::runAllPending); // the checks (a format change rechecks): preview shown, Import enabled
            Node preview = shown[0].getScene().lookup("#previewArea");
            Button cancel = (Button) shown[0].getScene().lookup("#cancelButton");
            Button importButton = (Button) shown[0].getScene().lookup("#importButton");
            robot.interact(() -> shown[0].getScene().getRoot().layout());
            Bounds previewBefore = bounds(preview);
            Bounds cancelBefore = bounds(cancel);
            double band = cancelBefore.getMinY() - previewBefore.getMaxY();
            // the list of bad rows is hidden too (a clean file): between the preview and the buttons only padding
            assertThat(band).as("space between the preview and the buttons before an import").isLessThan(24);

            assertThat(importButton.isDisabled()).as("Import enabled after the check").isFalse();
            robot.interact(importButton::fire); // the import task stays pending: the dialog shows it running
            robot.interact(() -> shown[0].getScene().getRoot().layout());
            Node progress = shown[0].getScene().lookup("#progressBar");
            assertThat(progress.isVisible()).as("progress shown while importing").isTrue();
            assertThat(bounds(progress).getHeight()).as("progress bar laid out").isGreaterThan(4);
            assertThat(bounds(cancel).getMinY()).as("Cancel/Stop does not move when the import starts")
                    .isEqualTo(cancelBefore.getMinY());
            assertThat(bounds(importButton).getMinY()).as("Import does not move").isEqualTo(cancelBefore.getMinY());
            assertThat(bounds(preview).getMaxY()).as("the preview gives up the room")
                    .isLessThan(previewBefore.getMaxY());
        } finally {
            robot.interact(shown[0]::close);
        }
    }

    /**
     * "Show report" is hidden until an import has a report, and hidden it takes no room in the button bar: it kept
     * its width (and two gaps) on the left of the bar, so the dialog could not narrow below that for nothing.
     */
    @Test
    void theHiddenShowReportTakesNoRoomInTheButtonBar(FxRobot robot) throws Exception {
        Stage[] shown = {open(robot, ImmediateTaskRunner.immediate(), null)};
        try {
            Button report = (Button) shown[0].getScene().lookup("#reportButton");
            Button cancel = (Button) shown[0].getScene().lookup("#cancelButton");
            Button importButton = (Button) shown[0].getScene().lookup("#importButton");
            javafx.scene.layout.HBox bar = (javafx.scene.layout.HBox) cancel.getParent();
            double[] widths = new double[3];
            robot.interact(() -> {
                shown[0].getScene().getRoot().layout();
                widths[0] = bar.prefWidth(-1);
                widths[1] = cancel.prefWidth(-1) + importButton.prefWidth(-1) + bar.snappedLeftInset()
                        + bar.snappedRightInset();
                widths[2] = report.prefWidth(-1);
            });
            assertThat(report.isVisible()).as("no report before an import").isFalse();
            assertThat(widths[0] - widths[1]).as("the bar's width beyond Cancel and Import (hidden Show report: "
                    + widths[2] + " px)").isLessThan(widths[2]);
        } finally {
            robot.interact(shown[0]::close);
        }
    }

    /** The dialog on retail/orders over the main window, with {@code file} (dropped) or none. */
    private Stage open(FxRobot robot, ImmediateTaskRunner tasks, Path file) throws Exception {
        ImportDialog dialog = new ImportDialog(new ImportService(Files.createTempDirectory("imports"), null), tasks,
                Mockito.mock(io.cosmosdesk.ui.DialogService.class), Theme.APP_STYLESHEET);
        Stage[] shown = new Stage[1];
        robot.interact(() -> shown[0] = dialog.show(main.get(), OfflineContainer.handle("retail", "orders"), file));
        return shown[0];
    }

    private static Bounds bounds(Node node) {
        return node.localToScene(node.getBoundsInLocal());
    }
}
