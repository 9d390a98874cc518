package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.audit.AuditEntry;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.CssWarnings;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.FxDialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: the editor's History window over the audit log, and Restore this version against the local server —
 * a conditional write on the ETag the editor holds; if someone changed the item since, the compare dialog.
 */
@ExtendWith(CosmosServerExtension.class)
class ItemHistoryGuiIT {

    private FxTaskRunner tasks;
    private AuditLog log;
    private ItemEditorViewModel editor;
    private ItemEditorView view;
    private CosmosAsyncContainer container;
    private ContainerHandle handle;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start).onStop(this::stop);

    private void start(Stage stage) {
        tasks = new FxTaskRunner();
        try {
            log = new AuditLog(Files.createTempDirectory("history-it").resolve("audit"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        editor = new ItemEditorViewModel(new ItemService(new AuditedWrites(log)), tasks, new FxDialogService(stage));
        view = ItemEditorView.load(editor, tasks);
        Scene scene = new Scene(view.root());
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1100);
        stage.setHeight(760);
        stage.show();
    }

    private void stop() {
        tasks.shutdown();
    }

    @BeforeEach
    void createContainer(CosmosAsyncClient client, LocalCosmosServer server, CosmosTestData data) {
        container = data.createContainer("/pk");
        ConnectionProfile profile = ConnectionProfile.create("it", AuthKind.EMULATOR, server.endpoint());
        handle = new ContainerHandle(new CosmosConnection(profile, client),
                new ContainerInfo(new ContainerRef(container.getDatabase().getId(), container.getId()),
                        List.of("/pk"), false, null));
    }

    private String serverStatus(String id) {
        return container.readItem(id, new PartitionKey("p"), ObjectNode.class).block().getItem().get("status")
                .asText();
    }

    /** Opens a new item and saves it twice through the editor: v1 → v2 → v3, each save audited. */
    private void openAndSaveTwice(FxRobot robot, String id) throws Exception {
        container.createItem(Json.MAPPER.createObjectNode().put("id", id).put("pk", "p").put("status", "v1"))
                .block();
        robot.interact(() -> editor.open(handle, id, PartitionKeyValue.of("p")));
        waitUntil(() -> editor.modeProperty().get() == ItemEditorViewModel.Mode.EXISTING
                && area().getText().contains("\"v1\""));
        for (String[] step : new String[][] {{"v1", "v2"}, {"v2", "v3"}}) {
            robot.interact(() -> {
                int at = area().getText().indexOf("\"" + step[0] + "\"");
                area().replaceText(at + 1, at + 3, step[1]);
            });
            waitUntil(() -> editor.isDirty());
            robot.interact(() -> area().requestFocus());
            robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
            waitUntil(() -> !editor.isDirty() && !editor.savingProperty().get());
            assertThat(serverStatus(id)).isEqualTo(step[1]);
        }
    }

    /** History, then the entry that left v2 (the older of the two saves), then Restore this version. */
    private void restoreV2FromHistory(FxRobot robot) throws Exception {
        robot.clickOn("#historyButton");
        waitUntilOnFx(() -> robot.lookup("#historyEntries").tryQuery().isPresent()
                && robot.lookup("#historyEntries").<ListView<AuditEntry>>query().getItems().size() == 2);
        ListView<AuditEntry> entries = robot.lookup("#historyEntries").query();
        assertThat(entries.getItems()).extracting(AuditEntry::operation).containsExactly("replace", "replace");
        assertThat(entries.getItems().get(0).after().get("status").asText()).as("newest first").isEqualTo("v3");
        robot.clickOn(robot.from(entries).lookup(".list-cell").nth(1).queryAs(Node.class));
        waitUntilOnFx(() -> !robot.lookup("#restoreVersionButton").queryButton().isDisabled());
        robot.clickOn("#restoreVersionButton");
    }

    private List<AuditEntry> restores() {
        return log.read(e -> e.operation().equals("restore"), 10);
    }

    @Test
    void restoreThisVersionSavesItConditionallyAndIsAudited(FxRobot robot) throws Exception {
        openAndSaveTwice(robot, "restore-1");

        restoreV2FromHistory(robot);

        waitUntil(() -> !editor.savingProperty().get() && serverStatus("restore-1").equals("v2"));
        waitUntil(() -> !editor.isDirty());
        assertThat(area().getText()).contains("\"v2\"");
        assertThat(robot.lookup("#editorStatusLabel").queryLabeled().getText())
                .isEqualTo("Restored that version of \"restore-1\".");
        assertThat(restores()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("ok");
            assertThat(e.before().get("status").asText()).isEqualTo("v3");
            assertThat(e.after().get("status").asText()).isEqualTo("v2");
        });
    }

    @Test
    void aRestoreRefusedBecauseSomeoneChangedTheItemGoesToTheCompareDialog(FxRobot robot) throws Exception {
        CssWarnings css = CssWarnings.record();
        openAndSaveTwice(robot, "restore-2");
        // someone else changes it after the editor's last save
        container.replaceItem(Json.MAPPER.createObjectNode().put("id", "restore-2").put("pk", "p")
                .put("status", "theirs"), "restore-2", new PartitionKey("p")).block();

        restoreV2FromHistory(robot);

        waitUntilOnFx(() -> robot.lookup(".dialog-pane").tryQuery().isPresent()
                && robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                        .anyMatch(b -> "Keep editing".equals(b.getText())));
        // the compare dialog: the server's version beside the one to restore
        assertThat(robot.lookup(node -> node instanceof io.cosmosdesk.ui.DiffView).tryQuery()).isPresent();
        Node keep = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> "Keep editing".equals(b.getText())).findFirst().orElseThrow();
        // the editor, the History window and the compare dialog are styled as in the app: the theme's colours
        // resolve (without the theme, `.diff-list .diff-cell` and `.item-editor` failed to convert)
        css.close();
        assertThat(css.warnings()).as("CSS warnings").isEmpty();
        robot.clickOn(keep);
        waitUntil(() -> !editor.savingProperty().get() && editor.errorMessageProperty().get().contains("someone else"));

        assertThat(serverStatus("restore-2")).as("never a blind overwrite").isEqualTo("theirs");
        assertThat(area().getText()).as("the version to restore is kept in the editor").contains("\"v2\"");
        assertThat(restores()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("failed");
            assertThat(e.errorKind()).isEqualTo("CHANGED_BY_SOMEONE_ELSE");
            assertThat(e.status()).isEqualTo(412);
        });
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    /**
     * A condition that looks nodes up, checked on the FX thread: a lookup from the test thread walked a parent's
     * children while the FX thread changed them (clean-clone CI: IndexOutOfBoundsException inside Parent.lookupAll).
     */
    private static void waitUntilOnFx(Callable<Boolean> condition) throws Exception {
        waitUntil(() -> WaitForAsyncUtils.asyncFx(condition).get());
    }

    private JsonCodeArea area() {
        return view.controller().codeArea();
    }
}
