package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.app.Theme;
import io.cosmosdesk.testing.FxAppExtension;
import io.cosmosdesk.ui.FxTaskRunner;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: how a freshly opened item's area comes in (issue 19, the felt stall opening an item). Building a line's
 * cell is most of what a pulse costs, so no pulse may lay out more than a small share of a screen of fresh lines;
 * and while the new area grows, the replaced one is not drawn below it (two documents cut at a line).
 */
class EditorAreaHostGuiTest {

    private final StringProperty text = new SimpleStringProperty("{\n  \"id\": \"first\"\n}");
    private final FxTaskRunner tasks = new FxTaskRunner();
    private StackPane body;
    private EditorAreaHost host;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        body = new StackPane();
        host = new EditorAreaHost(body, body, text, tasks, new SimpleBooleanProperty(true),
                new SimpleBooleanProperty(false), () -> null);
        Scene scene = new Scene(body, 800, 600);
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.show();
    });

    @Test
    void aFreshAreaGrowsATenthOfTheBodyAPulseOverNothingOfTheOtherDocument() throws Exception {
        StringBuilder next = new StringBuilder("{\n  \"id\": \"second\",\n  \"lines\": [\n");
        for (int i = 0; i < 400; i++) {
            next.append("    { \"sku\": \"SKU-").append(i).append("\", \"qty\": ").append(i % 7).append(" },\n");
        }
        next.append("    {}\n  ]\n}");
        List<Double> shares = new CopyOnWriteArrayList<>();
        JsonCodeArea first = WaitForAsyncUtils.asyncFx(() -> host.area()).get();
        List<String> oldDrawn = new CopyOnWriteArrayList<>();
        Runnable everyPulse = () -> {
            JsonCodeArea live = host.area();
            if (live != first) {
                shares.add(live.getParent().getLayoutBounds().getHeight() / body.getHeight());
                if (first.getScene() != null && first.getParent().isVisible() && first.getParent().getOpacity() > 0) {
                    oldDrawn.add("pulse " + shares.size());
                }
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            body.getScene().addPostLayoutPulseListener(everyPulse);
            text.set(next.toString());
        }).get();
        io.cosmosdesk.testing.MainWindowFixture.waitFor("the new area covers the body",
                () -> !shares.isEmpty() && shares.get(shares.size() - 1) >= 0.999);
        WaitForAsyncUtils.asyncFx(() -> body.getScene().removePostLayoutPulseListener(everyPulse)).get();

        assertThat(oldDrawn).as("the other document is never drawn below the growing area (two documents cut at a "
                + "line)").isEmpty();
        // a tenth: at 800x600 about three fresh lines of cells a pulse (a sixth, about six, left pulses of 20-40 ms of UI
        // work under load; EditorAreaHost.STAGES)
        double tenth = 1.0 / 10 + 0.01;
        assertThat(shares.get(0)).as("the first pulse lays out a tenth of the body (shares per pulse: %s)", shares)
                .isLessThanOrEqualTo(tenth);
        for (int i = 1; i < shares.size(); i++) {
            assertThat(shares.get(i) - shares.get(i - 1)).as("pulse %d grows by at most a tenth (%s)", i, shares)
                    .isLessThanOrEqualTo(tenth);
        }
        // the retired area leaves in the pulse after the new one covers the body (the last of the growth's steps)
        io.cosmosdesk.testing.MainWindowFixture.waitFor("the old area has left",
                () -> WaitForAsyncUtils.asyncFx(() -> body.getChildren().stream()
                        .filter(node -> node instanceof org.fxmisc.flowless.VirtualizedScrollPane).count()).get() == 1);
    }

    @Test
    void theReplacedAreaIsNotRestyledWhileItLeavesAndLookupsFindTheLiveArea() throws Exception {
        JsonCodeArea first = WaitForAsyncUtils.asyncFx(() -> host.area()).get();
        List<String> faults = new CopyOnWriteArrayList<>();
        List<Boolean> pulsesWithBoth = new CopyOnWriteArrayList<>();
        Runnable everyPulse = () -> {
            JsonCodeArea live = host.area();
            if (live != first && first.getScene() != null) {
                pulsesWithBoth.add(true);
                // a new id in the scene would restyle the whole retired area (Node.reapplyCSS) for nothing
                if (!"codeArea".equals(first.getId())) {
                    faults.add("pulse " + pulsesWithBoth.size() + ": the retired area's id changed to "
                            + first.getId());
                }
                if (body.lookup("#codeArea") != live) {
                    faults.add("pulse " + pulsesWithBoth.size() + ": a lookup found the retired area");
                }
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            body.getScene().addPostLayoutPulseListener(everyPulse);
            text.set("{\n  \"id\": \"second\"\n}");
        }).get();
        io.cosmosdesk.testing.MainWindowFixture.waitFor("the old area has left",
                () -> WaitForAsyncUtils.asyncFx(() -> first.getScene() == null && host.area() != first).get());
        WaitForAsyncUtils.asyncFx(() -> body.getScene().removePostLayoutPulseListener(everyPulse)).get();

        assertThat(pulsesWithBoth).as("the retired area stays for the growth's pulses").isNotEmpty();
        assertThat(faults).isEmpty();
        assertThat(first.getId()).as("the id goes with the area once it has left").isNull();
        assertThat(host.area().getId()).isEqualTo("codeArea");
    }

    @org.junit.jupiter.api.AfterEach
    void stopTasks() {
        tasks.shutdown(); // also when an assertion failed: no runner threads left in the test JVM
    }
}
