package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.ItemService;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.FxDialogService;
import io.cosmosdesk.ui.FxTaskRunner;
import io.cosmosdesk.ui.LineDiff;
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

/** Headless: the editor pane against the local server, driven by fx:id like a user would. */
@ExtendWith(CosmosServerExtension.class)
class ItemEditorGuiIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FxTaskRunner tasks;
    private ItemEditorViewModel editor;
    private ItemEditorView view;
    private CosmosAsyncContainer container;
    private ContainerHandle handle;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(this::start).onStop(this::stop);

    private void start(Stage stage) {
        tasks = new FxTaskRunner();
        editor = new ItemEditorViewModel(new ItemService(io.cosmosdesk.testing.TestAudit.writes()), tasks, new FxDialogService(stage));
        view = ItemEditorView.load(editor, tasks);
        Scene scene = new Scene(view.root());
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1200);
        stage.setHeight(800);
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

    private ObjectNode serverItem(String id) {
        return container.readItem(id, new PartitionKey("p"), ObjectNode.class).block().getItem();
    }

    private void openSeeded(FxRobot robot, String id) throws Exception {
        container.createItem(JSON.readTree("{\"id\":\"" + id + "\",\"pk\":\"p\",\"status\":\"new\"}")).block();
        robot.interact(() -> editor.open(handle, id, PartitionKeyValue.of("p")));
        waitUntil(() -> editor.modeProperty().get() == ItemEditorViewModel.Mode.EXISTING);
        waitUntil(() -> area().getText().contains("\"status\": \"new\""));
    }

    /**
     * Edits the text in the area, as typing would (the view-model follows the area), once the area shows that text
     * and takes edits: a new text comes in a fresh area a few frames after the view-model has it, as a user sees.
     */
    private void replaceInArea(FxRobot robot, String from, String to) throws Exception {
        waitUntil(() -> area().getText().contains(from) && area().isEditable());
        robot.interact(() -> {
            int at = area().getText().indexOf(from);
            assertThat(at).as(from).isNotNegative();
            area().replaceText(at, at + from.length(), to);
        });
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }

    private static void clickDialogButton(FxRobot robot, String text) throws Exception {
        waitUntil(() -> robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .anyMatch(b -> text.equals(b.getText())));
        Node button = robot.lookup(".dialog-pane .button").queryAllAs(Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
        robot.clickOn(button);
    }

    @Test
    void enterKeepsTheIndentationAndOpensABlock(FxRobot robot) throws Exception {
        openSeeded(robot, "indent-1");
        robot.interact(() -> {
            area().moveTo(area().getText().indexOf("\"new\"") + 5);
            area().requestFocus();
        });
        robot.write(",").type(KeyCode.ENTER).write("\"tags\": [").type(KeyCode.ENTER).write("1");
        waitUntil(() -> area().getText().contains("\"status\": \"new\",\n  \"tags\": [\n    1"));
    }

    @Test
    void editAndSaveWithCtrlS(FxRobot robot) throws Exception {
        openSeeded(robot, "edit-1");
        // a real keystroke into the editor, then the shortcut
        robot.interact(() -> {
            area().moveTo(area().getText().indexOf("new\"") + 3);
            area().requestFocus();
        });
        robot.write("er");
        waitUntil(() -> editor.isDirty());
        assertThat(editor.getText()).contains("\"status\": \"newer\"");
        assertThat(robot.lookup("#saveButton").queryButton().isDisabled()).isFalse();
        robot.press(KeyCode.CONTROL, KeyCode.S).release(KeyCode.S, KeyCode.CONTROL);
        waitUntil(() -> !editor.isDirty() && !editor.savingProperty().get());
        assertThat(serverItem("edit-1").get("status").asText()).isEqualTo("newer");
        assertThat(robot.lookup("#editorStatusLabel").queryLabeled().getText()).isEqualTo("Saved \"edit-1\".");
    }

    @Test
    void aTwoMegabyteItemOpensHighlightedEditableAndColoursLinesScrolledTo(FxRobot robot) throws Exception {
        ObjectNode big = JSON.createObjectNode().put("id", "big-1").put("pk", "p");
        var lines = big.putArray("lines");
        for (int i = 0; i < 36_000; i++) { // about 1.9 MB
            lines.addObject().put("sku", "SKU-" + i).put("qty", i % 7).put("gift", i % 3 == 0).putNull("note");
        }
        container.createItem(big).block();
        openSeeded(robot, "small-1");
        robot.interact(() -> area().requestFocus());

        robot.interact(() -> editor.open(handle, "big-1", PartitionKeyValue.of("p")));
        waitUntil(() -> area().getText().contains("\"id\": \"big-1\"") && area().isEditable());
        int lineCount = area().getParagraphs().size();
        assertThat(lineCount).isGreaterThan(100_000);
        // the first screen comes highlighted; the keyboard focus moved to the new area
        assertThat(area().getParagraph(1).getStyleOfChar(4)).contains("json-key");
        assertThat(area().getScene().getFocusOwner()).isSameAs(area());

        // far lines are coloured when they scroll into view. A line equal to one of the first screens' shares its
        // paragraph, colours included (LineHighlighting.prepare), so the line checked is one of a kind: a sku's
        int sku = lineCount - 50;
        while (!area().getParagraph(sku).getText().contains("\"SKU-")) {
            sku++;
        }
        int far = sku;
        assertThat(area().getParagraph(far - 1).getText()).as("a line the first screens have too").isEqualTo("    {");
        assertThat(area().getParagraph(far - 1).getStyleOfChar(4)).as("coloured with them").isNotEmpty();
        assertThat(area().getParagraph(far).getStyleOfChar(area().getParagraph(far).length() - 1)).isEmpty();
        robot.interact(() -> area().showParagraphAtTop(far));
        waitUntil(() -> !area().getParagraph(far).getStyleOfChar(area().getParagraph(far).length() - 1).isEmpty());

        // typing works at once and the view-model follows
        robot.interact(() -> area().moveTo(far, area().getParagraph(far).length()));
        robot.write(" ");
        waitUntil(() -> editor.isDirty());
    }

    @Test
    void openingAnotherItemKeepsTheCodeAreasStylesheetsParsed(FxRobot robot) throws Exception {
        openSeeded(robot, "sheets-1");
        JsonCodeArea first = area();
        List<String> sheets = List.copyOf(first.getStylesheets());
        assertThat(sheets).as("RichTextFX's own stylesheets").isNotEmpty();
        WaitForAsyncUtils.waitForFxEvents();
        List<Object> parsed = WaitForAsyncUtils.asyncFx(() -> parsedStylesheets(sheets)).get(20, TimeUnit.SECONDS);
        assertThat(parsed).doesNotContainNull();

        openSeeded(robot, "sheets-2"); // another text: a fresh area replaces the first
        assertThat(area()).isNotSameAs(first);
        WaitForAsyncUtils.waitForFxEvents();
        // JavaFX drops a parent's parsed stylesheet (and the styles matched from it) when the last parent using it
        // leaves the scene: every swap of areas parsed them again and restyled a fresh screen from scratch
        List<Object> after = WaitForAsyncUtils.asyncFx(() -> parsedStylesheets(sheets)).get(20, TimeUnit.SECONDS);
        for (int i = 0; i < sheets.size(); i++) {
            assertThat(after.get(i)).as("the same parsed %s, not parsed again", sheets.get(i)).isSameAs(parsed.get(i));
        }
    }

    /**
     * Opening another item brings its area in over a few pulses (a part of the body tall first), the old one behind
     * it until then. The new area is the live one from its first pulse: a key typed mid-swap lands in the new item,
     * makes it dirty and the unsaved-changes guard asks; the old area takes no edit, focus, click or lookup; undo
     * never reaches the other item's text.
     */
    @Test
    void aKeyTypedWhileTheNextItemsAreaGrowsInGoesToThatItemAndTheGuardAsks(FxRobot robot) throws Exception {
        openSeeded(robot, "swap-1");
        robot.interact(() -> area().requestFocus());
        container.createItem(JSON.readTree("{\"id\":\"swap-2\",\"pk\":\"p\",\"status\":\"second\"}")).block();
        String secondText = "\"status\": \"second\"";
        List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Double> liveShare = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean typed = new java.util.concurrent.atomic.AtomicBoolean();
        Scene scene = view.root().getScene();
        Runnable everyPulse = () -> {
            List<JsonCodeArea> areas = view.root().lookupAll(".json-editor").stream()
                    .map(JsonCodeArea.class::cast).toList();
            JsonCodeArea live = area();
            if (areas.size() < 2 || !live.getText().contains(secondText)) {
                return;
            }
            // the old area keeps its id until it leaves the scene (clearing it there restyles the whole area,
            // EditorAreaHost.retire): a lookup by that id must still find the live area
            if (view.root().lookup("#codeArea") != live) {
                wrong.add("a lookup of #codeArea finds the old area");
            }
            for (JsonCodeArea other : areas) {
                if (other != live && (other.isEditable() || other.isFocusTraversable()
                        || !other.getParent().isMouseTransparent())) {
                    wrong.add("the old area is still in use: editable " + other.isEditable() + ", focus traversable "
                            + other.isFocusTraversable());
                }
            }
            javafx.scene.layout.Region body = (javafx.scene.layout.Region) live.getParent().getParent();
            liveShare.add(live.getParent().getLayoutBounds().getHeight() / body.getHeight());
            if (typed.compareAndSet(false, true)) { // a key arrives mid-swap, where the keyboard focus is
                javafx.event.Event.fireEvent(scene.getFocusOwner(), new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_TYPED, "z", "z", KeyCode.UNDEFINED, false, false, false, false));
            }
        };
        robot.interact(() -> scene.addPostLayoutPulseListener(everyPulse));
        try {
            robot.interact(() -> editor.open(handle, "swap-2", PartitionKeyValue.of("p")));
            waitUntil(() -> typed.get() && view.root().lookupAll(".json-editor").size() == 1);
        } finally {
            robot.interact(() -> scene.removePostLayoutPulseListener(everyPulse));
        }
        assertThat(wrong).isEmpty();
        assertThat(liveShare.get(0)).as("the new area starts a part of the body tall").isLessThan(0.5);
        assertThat(area().getParent().getLayoutBounds().getHeight()).as("and ends as tall as the body")
                .isEqualTo(((javafx.scene.layout.Region) area().getParent().getParent()).getHeight());
        waitUntil(() -> editor.isDirty());
        assertThat(editor.getText()).startsWith("z").contains(secondText);
        assertThat(area().getScene().getFocusOwner()).isSameAs(area());

        // the guard asks before the typed key could be lost; Cancel keeps it
        javafx.application.Platform.runLater(() -> editor.canLeave());
        clickDialogButton(robot, "Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(editor.getText()).startsWith("z").contains(secondText);

        // undo takes the key back and stops there: the first item's text is not in this area's history
        robot.interact(() -> area().requestFocus());
        for (int i = 0; i < 3; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        }
        waitUntil(() -> !editor.isDirty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area().getText()).contains(secondText).doesNotContain("swap-1");
        assertThat(editor.getText()).isEqualTo(area().getText());
    }

    /** JavaFX's parsed copy of each stylesheet (null when not loaded), read from its StyleManager. */
    private static List<Object> parsedStylesheets(List<String> urls) {
        try {
            Object manager = com.sun.javafx.css.StyleManager.getInstance();
            java.lang.reflect.Field field = manager.getClass().getDeclaredField("stylesheetContainerMap");
            field.setAccessible(true);
            java.util.Map<?, ?> containers = (java.util.Map<?, ?>) field.get(manager);
            return urls.stream().map(url -> (Object) containers.get(url)).collect(java.util.stream.Collectors.toList());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void formatIsOneEditThatUndoBringsBack(FxRobot robot) throws Exception {
        openSeeded(robot, "format-1");
        replaceInArea(robot, "\"status\": \"new\"", "\"status\":   \"new\", \"tags\": [1,2]");
        String mine = area().getText();
        robot.interact(() -> area().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> area().getText().contains("\"tags\": [\n    1,\n    2\n  ]"));
        assertThat(editor.getText()).isEqualTo(area().getText());

        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> area().getText().equals(mine));
        assertThat(editor.getText()).isEqualTo(mine);
    }

    @Test
    void bracketsAtTheCaretAreMarkedAndFindSelectsMatches(FxRobot robot) throws Exception {
        openSeeded(robot, "brackets-1");
        robot.interact(() -> area().moveTo(1)); // just after the opening brace
        int closing = area().getText().lastIndexOf('}');
        waitUntil(() -> area().getStyleOfChar(closing).contains("bracket-match"));
        assertThat(area().getStyleOfChar(0)).contains("bracket-match");
        robot.interact(() -> area().moveTo(area().getText().indexOf("status")));
        waitUntil(() -> !area().getStyleOfChar(closing).contains("bracket-match"));

        robot.interact(() -> area().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("NEW");
        waitUntil(() -> "new".equals(area().getSelectedText()));
        assertThat(robot.lookup("#findStatus").queryLabeled().getText()).isEqualTo("1 of 1");
    }

    @Test
    void invalidJsonDisablesSaveAndSaysWhere(FxRobot robot) throws Exception {
        openSeeded(robot, "bad-1");
        replaceInArea(robot, "\"pk\": \"p\",", "\"pk\": \"p\"");
        waitUntil(() -> robot.lookup("#saveButton").queryButton().isDisabled());
        assertThat(robot.lookup("#validationLabel").queryLabeled().getText())
                .startsWith("⚠ Line 4, column 3: a comma is missing");
    }

    @Test
    void createANewItem(FxRobot robot) throws Exception {
        openSeeded(robot, "seed-1");
        robot.clickOn("#newButton");
        waitUntil(() -> editor.modeProperty().get() == ItemEditorViewModel.Mode.NEW);
        String id = JSON.readTree(editor.getText()).get("id").asText();
        replaceInArea(robot, "\"pk\": \"\"", "\"pk\": \"p\", \"made\": \"in the editor\"");
        robot.clickOn("#saveButton");
        waitUntil(() -> editor.modeProperty().get() == ItemEditorViewModel.Mode.EXISTING);
        assertThat(serverItem(id).get("made").asText()).isEqualTo("in the editor");
    }

    @Test
    void cloneSavesACopyWithANewId(FxRobot robot) throws Exception {
        openSeeded(robot, "orig-1");
        robot.clickOn("#cloneButton");
        waitUntil(() -> editor.modeProperty().get() == ItemEditorViewModel.Mode.NEW);
        String id = JSON.readTree(editor.getText()).get("id").asText();
        assertThat(id).isNotEqualTo("orig-1");
        robot.clickOn("#saveButton");
        waitUntil(() -> editor.modeProperty().get() == ItemEditorViewModel.Mode.EXISTING);
        assertThat(serverItem(id).get("status").asText()).isEqualTo("new");
        assertThat(serverItem("orig-1").get("status").asText()).isEqualTo("new");
    }

    @Test
    void deleteAfterConfirmation(FxRobot robot) throws Exception {
        openSeeded(robot, "del-1");
        robot.clickOn("#editorDeleteButton");
        clickDialogButton(robot, "Delete");
        waitUntil(() -> editor.modeProperty().get() == ItemEditorViewModel.Mode.EMPTY);
        try {
            serverItem("del-1");
            throw new AssertionError("the item still exists");
        } catch (CosmosException e) {
            assertThat(e.getStatusCode()).isEqualTo(404);
        }
    }

    @Test
    void aConcurrentChangeShowsTheCompareDialogAndNeverOverwritesUnasked(FxRobot robot) throws Exception {
        openSeeded(robot, "race-1");
        replaceInArea(robot, "\"new\"", "\"mine\"");
        // someone else saves first
        container.replaceItem(JSON.readTree("{\"id\":\"race-1\",\"pk\":\"p\",\"status\":\"theirs\"}"), "race-1",
                new PartitionKey("p")).block();

        robot.clickOn("#saveButton");
        waitUntil(() -> robot.lookup("#diffList").tryQuery().isPresent());
        ListView<LineDiff.Row> diff = robot.lookup("#diffList").queryListView();
        assertThat(diff.getItems()).filteredOn(row -> row.kind() == LineDiff.Kind.CHANGED).singleElement()
                .satisfies(row -> {
                    assertThat(row.left()).contains("theirs");
                    assertThat(row.right()).contains("mine");
                });
        clickDialogButton(robot, "Keep editing");
        waitUntil(() -> !editor.errorMessageProperty().get().isEmpty());
        assertThat(editor.getText()).contains("\"mine\"");
        assertThat(serverItem("race-1").get("status").asText()).as("their change stands").isEqualTo("theirs");
        assertThat(robot.lookup("#editorErrorLabel").queryLabeled().getText()).contains("someone else changed");

        robot.clickOn("#saveButton");
        clickDialogButton(robot, "Overwrite");
        waitUntil(() -> !editor.isDirty() && !editor.savingProperty().get());
        assertThat(serverItem("race-1").get("status").asText()).isEqualTo("mine");
    }

    /**
     * The bug: Overwrite reverted another client's status and email. Now: they change status and email, the user
     * changes the phone; the compare marks whose each change is and Merge saves both, losing nothing of theirs.
     */
    @Test
    void changesToDifferentFieldsAreMarkedTheirsAndYoursAndMergeSavesBoth(FxRobot robot) throws Exception {
        container.createItem(JSON.readTree("{\"id\":\"merge-1\",\"pk\":\"p\",\"status\":\"new\","
                + "\"email\":\"a@example.com\",\"phone\":\"111\"}")).block();
        robot.interact(() -> editor.open(handle, "merge-1", PartitionKeyValue.of("p")));
        waitUntil(() -> area().getText().contains("\"phone\": \"111\""));
        // another client changes status and email
        container.replaceItem(JSON.readTree("{\"id\":\"merge-1\",\"pk\":\"p\",\"status\":\"shipped\","
                + "\"email\":\"b@example.com\",\"phone\":\"111\"}"), "merge-1", new PartitionKey("p")).block();
        replaceInArea(robot, "\"111\"", "\"222\"");

        robot.clickOn("#saveButton");
        waitUntil(() -> robot.lookup("#diffList").tryQuery().isPresent());
        ListView<LineDiff.Row> diff = robot.lookup("#diffList").queryListView();
        assertThat(diff.getItems()).filteredOn(row -> row.kind() != LineDiff.Kind.SAME)
                .extracting(LineDiff.Row::origin, row -> row.left().strip())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LineDiff.Origin.THEIRS, "\"status\": \"shipped\","),
                        org.assertj.core.groups.Tuple.tuple(LineDiff.Origin.THEIRS, "\"email\": \"b@example.com\","),
                        org.assertj.core.groups.Tuple.tuple(LineDiff.Origin.YOURS, "\"phone\": \"111\""));
        assertThat(robot.lookup("#diffSummary").queryLabeled().getText())
                .contains("2 changed by them", "1 by you");
        assertThat(robot.lookup((javafx.scene.Node n) -> n instanceof javafx.scene.control.Button b
                && "Overwrite".equals(b.getText())).tryQuery()).as("nothing clashes: no Overwrite").isEmpty();

        clickDialogButton(robot, "Merge");
        waitUntil(() -> !editor.isDirty() && !editor.savingProperty().get());
        com.fasterxml.jackson.databind.JsonNode saved = serverItem("merge-1");
        assertThat(saved.get("status").asText()).as("theirs kept").isEqualTo("shipped");
        assertThat(saved.get("email").asText()).as("theirs kept").isEqualTo("b@example.com");
        assertThat(saved.get("phone").asText()).as("yours saved").isEqualTo("222");
        assertThat(editor.getText()).contains("\"shipped\"", "\"222\"");
    }

    /** The area showing the current item (each opened item comes in a fresh one). */
    private JsonCodeArea area() {
        return view.controller().codeArea();
    }
}
