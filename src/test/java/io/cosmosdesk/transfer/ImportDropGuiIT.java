package io.cosmosdesk.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.AppContext;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.jobs.Job;
import io.cosmosdesk.jobs.JobState;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import io.cosmosdesk.ui.DialogService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

/**
 * Headless, as a user: a .jsonl file dropped onto the container's grid opens the import dialog with its preview;
 * Import writes the items, the dialog and the Jobs panel show the report, and the grid shows the new items.
 * Monocle has no OS drag and drop, so the test fires the drop events a real drop delivers to the grid (DRAG_OVER,
 * then DRAG_DROPPED with a dragboard holding the file); the app's own handlers do the rest.
 */
@ExtendWith(CosmosServerExtension.class)
class ImportDropGuiIT {

    private AppContext context;
    private final DialogService dialogs = mock(DialogService.class);

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.mainWindow(() -> dialogs).onShown(shown -> context = shown);

    @TempDir
    Path dir;

    @Test
    void dropAFilePreviewImportAndSeeTheReport(FxRobot robot, LocalCosmosServer server, CosmosTestData data)
            throws Exception {
        CosmosAsyncContainer container = data.createContainer("/pk");
        container.createItem(JsonNodeFactory.instance.objectNode().put("id", "old-1").put("pk", "a"),
                new PartitionKey("a"), null).block();
        Path file = dir.resolve("orders.jsonl");
        Files.writeString(file, """
                {"id":"new-1","pk":"a","total":12.5,"tags":["x"]}
                {"id":"new-2","pk":"b","total":7}
                {"id":"old-1","pk":"a","total":99}
                """);
        MainWindowFixture.connectAndOpen(robot, context, server, container);
        @SuppressWarnings("unchecked")
        TableView<ItemRow> table = robot.lookup("#itemsTable").queryAs(TableView.class);
        MainWindowFixture.waitFor("the grid shows the one item", () -> table.getItems().size() == 1);

        DragEvent[] over = new DragEvent[1];
        robot.interact(() -> {
            over[0] = drag(DragEvent.DRAG_OVER, table, file);
            Event.fireEvent(table, over[0]);
        });
        assertThat(over[0].isAccepted()).as("the grid accepts a .jsonl file").isTrue();
        robot.interact(() -> Event.fireEvent(table, drag(DragEvent.DRAG_DROPPED, table, file)));

        MainWindowFixture.waitFor("the import dialog opens", () -> importDialog().isPresent());
        Node dialog = importDialog().orElseThrow().getScene().getRoot();
        TextArea preview = robot.from(dialog).lookup("#previewArea").queryAs(TextArea.class);
        Label summary = robot.from(dialog).lookup("#summaryLabel").queryAs(Label.class);
        MainWindowFixture.waitFor("the preview shows", () -> preview.getText().contains("\"new-1\""));
        assertThat(summary.getText()).startsWith("3 rows: 3 ready");
        assertThat(preview.getText()).contains("\"total\" : 12.5", "\"new-2\"");

        Button importButton = robot.from(dialog).lookup("#importButton").queryButton();
        MainWindowFixture.waitFor("Import is enabled", () -> !importButton.isDisabled());
        robot.clickOn(importButton);

        Label status = robot.from(dialog).lookup("#statusLabel").queryAs(Label.class);
        MainWindowFixture.waitFor("the import ends", () -> status.getText().startsWith("Done"));
        assertThat(status.getText()).isEqualTo("Done: 3 rows: 2 created, 1 conflict.");
        assertThat(robot.from(dialog).lookup("#reportButton").queryButton().isVisible()).isTrue();

        Job job = context.jobs().jobs().get(0);
        assertThat(job.kind()).isEqualTo("Import");
        assertThat(job.state()).isEqualTo(JobState.DONE);
        assertThat(job.statusProperty().get()).startsWith("Done: 3 rows: 2 created, 1 conflict.");
        Path report = job.fileProperty().get();
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).hasSize(3);
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("\"id\":\"old-1\"", "\"CONFLICT\""));
        assertThat(context.toolTabs().find(tab -> "jobs".equals(tab.kind()))).as("the Jobs panel opened with the job")
                .isPresent();

        MainWindowFixture.waitFor("the grid refreshed: 3 items", () -> table.getItems().size() == 3);
        ObjectNode kept = container.readItem("old-1", new PartitionKey("a"), ObjectNode.class).block().getItem();
        assertThat(kept.has("total")).as("create only: the existing item is not overwritten").isFalse();
    }

    /** The event a real drop of {@code file} delivers to {@code target}. */
    private static DragEvent drag(javafx.event.EventType<DragEvent> type, Node target, Path file) {
        Dragboard board = com.sun.javafx.scene.input.DragboardHelper.createDragboard(new DroppedFiles(file));
        var center = target.localToScene(target.getBoundsInLocal().getCenterX(), target.getBoundsInLocal().getCenterY());
        return new DragEvent(null, target, type, board, center.getX(), center.getY(), center.getX(), center.getY(),
                TransferMode.COPY, null, target, null);
    }

    /** What the OS hands JavaFX for a drop of files from a file manager: the files, copy or move allowed. */
    private static final class DroppedFiles implements com.sun.javafx.tk.TKClipboard {
        private final List<java.io.File> files;

        DroppedFiles(Path file) {
            this.files = List.of(file.toFile());
        }

        @Override
        public void setSecurityContext(java.security.AccessControlContext context) {
        }

        @Override
        public java.util.Set<DataFormat> getContentTypes() {
            return java.util.Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(javafx.util.Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat format) {
            return DataFormat.FILES.equals(format) ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat format) {
            return DataFormat.FILES.equals(format);
        }

        @Override
        public java.util.Set<TransferMode> getTransferModes() {
            return java.util.Set.of(TransferMode.COPY, TransferMode.MOVE);
        }

        @Override
        public void setDragView(javafx.scene.image.Image image) {
        }

        @Override
        public void setDragViewOffsetX(double offset) {
        }

        @Override
        public void setDragViewOffsetY(double offset) {
        }

        @Override
        public javafx.scene.image.Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }

    private static Optional<Stage> importDialog() {
        return Window.getWindows().stream().filter(window -> window instanceof Stage stage && stage.isShowing()
                && stage.getTitle() != null && stage.getTitle().startsWith("Import into")).map(Stage.class::cast)
                .findFirst();
    }
}
