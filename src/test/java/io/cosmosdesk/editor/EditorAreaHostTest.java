package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.app.Theme;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.FxTaskRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: a new item's text comes into the editor in a fresh area that joins the scene a part of a screen at
 * a time, behind the shown area, which stays in front (read-only) until the fresh one is complete.
 */
class EditorAreaHostTest {

    private final StringProperty text = new SimpleStringProperty("");
    private FxTaskRunner tasks;
    private StackPane body;
    private EditorAreaHost host;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        tasks = new FxTaskRunner();
        body = new StackPane();
        host = new EditorAreaHost(body, body, text, tasks, new SimpleBooleanProperty(true),
                new SimpleBooleanProperty(false), () -> null);
        Scene scene = new Scene(body, 900, 700);
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }).onStop(() -> tasks.shutdown());

    private static String lines(String name, int count) {
        StringBuilder json = new StringBuilder("{\n  \"id\": \"" + name + "\",\n  \"lines\": [\n");
        for (int i = 0; i < count; i++) {
            json.append("    {\"n\": ").append(i).append(", \"name\": \"").append(name).append("\"}")
                    .append(i + 1 < count ? ",\n" : "\n");
        }
        return json.append("  ]\n}").toString();
    }

    private void show(FxRobot robot, String value) throws Exception {
        robot.interact(() -> text.set(value));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !host.pendingProperty().get()
                && host.area().getText().equals(value));
    }

    @Test
    void aNewTextsLinesJoinTheSceneAPartOfAScreenPerPulseWhileTheShownAreaStaysInFront(FxRobot robot)
            throws Exception {
        show(robot, lines("first", 2_000));
        JsonCodeArea old = host.area();
        int screen = visible(robot, old);
        assertThat(screen).as("a screen of lines").isGreaterThan(20);

        // after each layout pass: how many lines the fresh area shows, and which area is in front
        List<int[]> pulses = new CopyOnWriteArrayList<>();
        Runnable listener = () -> {
            for (var child : body.getChildren()) {
                if (child instanceof VirtualizedScrollPane<?> pane && pane.getContent() != old) {
                    JsonCodeArea fresh = (JsonCodeArea) pane.getContent();
                    pulses.add(new int[] {fresh.getVisibleParagraphs().size(), host.area() == old ? 1 : 0,
                            old.isEditable() ? 1 : 0});
                }
            }
        };
        robot.interact(() -> body.getScene().addPostLayoutPulseListener(listener));
        String second = lines("second", 2_000);
        show(robot, second);
        robot.interact(() -> body.getScene().removePostLayoutPulseListener(listener));

        List<int[]> withLines = pulses.stream().filter(p -> p[0] > 0).toList();
        assertThat(withLines).as("pulses laying out the fresh area").isNotEmpty();
        assertThat(withLines.get(0)[0]).as("lines of the first pulse (a screen holds %d)", screen)
                .isLessThanOrEqualTo(screen / 2 + 1);
        assertThat(withLines.get(withLines.size() - 1)[0]).as("all of the screen in the end")
                .isGreaterThanOrEqualTo(screen);
        assertThat(pulses.stream().filter(p -> p[1] == 1)).as("the old area stays in front, read-only, meanwhile")
                .allSatisfy(p -> assertThat(p[2]).isZero());
        assertThat(WaitForAsyncUtils.asyncFx(this::scrollers).get()).as("one area in the end").isEqualTo(1);
        assertThat(host.area().isEditable()).isTrue();
    }

    @Test
    void aTextArrivingWhileAnotherComesInWinsAndLeavesOneArea(FxRobot robot) throws Exception {
        show(robot, lines("first", 500));
        String second = lines("second", 3_000);
        String third = lines("third", 300);
        robot.interact(() -> text.set(second));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> scrollers() == 2); // the second is staged
        robot.interact(() -> text.set(third));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !host.pendingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(host.area().getText()).isEqualTo(third);
        assertThat(WaitForAsyncUtils.asyncFx(this::scrollers).get()).isEqualTo(1);
        assertThat(text.get()).isEqualTo(third);
    }

    private int scrollers() {
        return (int) body.getChildren().stream().filter(c -> c instanceof VirtualizedScrollPane<?>).count();
    }

    private static int visible(FxRobot robot, JsonCodeArea area) {
        int[] count = new int[1];
        robot.interact(() -> count[0] = area.getVisibleParagraphs().size());
        return count[0];
    }
}
