package io.cosmosdesk.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.app.Theme;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.testing.MainWindowFixture;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Headless: the query editor colours, completes as the user types, and marks an error without touching the text. */
class SqlEditorGuiTest {

    private SqlCodeArea area;
    private SqlCompletion completion;
    private final java.util.concurrent.atomic.AtomicInteger clicked = new java.util.concurrent.atomic.AtomicInteger();

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        area = new SqlCodeArea();
        completion = SqlCompletion.attach(area, paths());
        javafx.scene.control.Button elsewhere = new javafx.scene.control.Button("Elsewhere");
        elsewhere.setId("elsewhere");
        elsewhere.setFocusTraversable(false);
        elsewhere.setOnAction(event -> clicked.incrementAndGet());
        Scene scene = new Scene(new javafx.scene.layout.BorderPane(new SqlEditorView(area), elsewhere, null, null,
                null), 700, 400);
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.show();
        area.requestFocus();
    });

    private static List<JsonPath> paths() {
        try {
            JsonNode item = Json.MAPPER.readTree("{\"id\":\"1\",\"customer\":{\"name\":\"A\",\"address\":"
                    + "{\"city\":\"Lyon\"}},\"qty\":2}");
            return FieldPaths.of(List.of(item));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void typingAnAliasAndADotOffersTheFieldsAndEnterInsertsTheChosenOne(FxRobot robot) throws Exception {
        robot.write("SELECT * FROM c WHERE c.");
        MainWindowFixture.waitFor("the list opens after the dot", completion::isShowing);
        assertThat(completion.list().getItems()).extracting(Completion::label)
                .startsWith("customer", "id", "qty");
        robot.write("ci");
        MainWindowFixture.waitFor("the list follows the typing",
                () -> completion.list().getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getText()).isEqualTo("SELECT * FROM c WHERE c.customer.address.city");
        assertThat(completion.isShowing()).isFalse();
        assertThat(area.getCaretPosition()).isEqualTo(area.getLength());
    }

    @Test
    void ctrlSpaceOffersFunctionsDownChoosesAndEscCloses(FxRobot robot) throws Exception {
        robot.write("SELECT VALUE arr");
        assertThat(completion.isShowing()).as("no list while typing a plain word").isFalse();
        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
        MainWindowFixture.waitFor("Ctrl+Space opens the list", completion::isShowing);
        assertThat(completion.list().getItems()).extracting(Completion::label).first().isEqualTo("ARRAY");
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(area.getText()).isEqualTo("SELECT VALUE ARRAY_AVG()");
        assertThat(area.getCaretPosition()).as("inside the parentheses").isEqualTo(area.getLength() - 1);

        robot.press(KeyCode.CONTROL).type(KeyCode.SPACE).release(KeyCode.CONTROL);
        MainWindowFixture.waitFor("the list opens again", completion::isShowing);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(completion.isShowing()).isFalse();
        assertThat(area.getText()).doesNotContain(" \u0020)");
    }

    @Test
    void anErrorIsUnderlinedAndExplainedAndTheTextStays(FxRobot robot) throws Exception {
        String query = "SELECT *\nFORM c\nWHERE c.id = @id";
        robot.interact(() -> area.replaceText(query));
        robot.interact(() -> area.showError(2, 1, "Syntax error, incorrect syntax near 'FORM'."));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(area.getText()).isEqualTo(query);
        int lineTwo = query.indexOf("FORM");
        assertThat(area.errorRange()).containsExactly(lineTwo, lineTwo + 4);
        assertThat(area.getStyleOfChar(lineTwo + 1)).contains("sql-error");
        assertThat(area.getParagraph(1).getParagraphStyle()).contains("error-line");
        Label message = robot.lookup("#queryErrorMessage").queryAs(Label.class);
        assertThat(message.getText()).isEqualTo("Line 2, column 1: Syntax error, incorrect syntax near 'FORM'.");
        assertThat(message.getParent().isVisible()).isTrue();

        // a line typed above moves the mark with its word; editing the word takes the underline off
        robot.interact(() -> area.insertText(0, "-- orders\n"));
        assertThat(area.errorRange()).containsExactly(lineTwo + 10, lineTwo + 14);
        robot.interact(() -> area.replaceText(lineTwo + 10, lineTwo + 14, "FROM"));
        assertThat(area.errorRange()).isNull();
        assertThat(area.getStyleOfChar(lineTwo + 11)).doesNotContain("sql-error").contains("sql-keyword");

        robot.interact(area::clearError);
        assertThat(message.getParent().isVisible()).as("the bar goes").isFalse();
        assertThat(area.getParagraph(2).getParagraphStyle()).isEmpty();
    }

    @Test
    void theListsWindowIsShownOnceAndOpeningOnlyMovesIt(FxRobot robot) throws Exception {
        // showing a popup window restyles all of it (~20-30 ms): the window comes up once, before the first '.'
        MainWindowFixture.waitFor("the list's window is up before the first use", completion::isWarm);
        javafx.stage.Window window = completion.list().getScene().getWindow();
        java.util.concurrent.atomic.AtomicInteger shows = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> window.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN,
                event -> shows.incrementAndGet()));
        robot.write("SELECT * FROM c WHERE c");
        for (int round = 0; round < 3; round++) {
            robot.write(round == 0 ? "." : " AND c.");
            MainWindowFixture.waitFor("the list opens after the dot", completion::isShowing);
            assertThat(completion.list().isVisible()).isTrue();
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(completion.isShowing()).isFalse();
            assertThat(completion.list().isVisible()).as("the closed list is out of sight").isFalse();
        }
        assertThat(shows.get()).as("window shows after the first").isZero();
        assertThat(window.getX()).as("parked off every screen").isLessThan(-10_000);
    }

    @Test
    void aClickElsewhereClosesTheListAndStillActs(FxRobot robot) throws Exception {
        robot.write("SELECT * FROM c WHERE c.");
        MainWindowFixture.waitFor("the list opens after the dot", completion::isShowing);
        robot.clickOn(MainWindowFixture.shown(robot, "#elsewhere"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(completion.isShowing()).isFalse();
        assertThat(clicked.get()).as("the click was not swallowed by the closing list").isEqualTo(1);
    }
}
