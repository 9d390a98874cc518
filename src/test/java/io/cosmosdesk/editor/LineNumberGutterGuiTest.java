package io.cosmosdesk.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.app.Theme;
import io.cosmosdesk.testing.FxAppExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Headless: a code area built before its window (every dialog and the item editor's first area) shows its line
 * numbers in the theme's colours without JavaFX's "Could not resolve '-color-…'" CSS warning (13 in one run of
 * ItemEditorGuiIT). The warning came from the gutter of the area's first line, built before the area was in a
 * scene: Flowless styles such a line the moment it joins the scene, before the scene's root has its theme
 * variables, so the theme's {@code Text} rule looked for {@code -color-fg-default} and found nothing.
 */
class LineNumberGutterGuiTest {

    private static final Logger CSS_LOG = Logger.getLogger("javafx.css");

    private final List<String> cssWarnings = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            cssWarnings.add(String.valueOf(record.getMessage()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private JsonCodeArea area;

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        CSS_LOG.addHandler(recorder);
        area = new JsonCodeArea(JsonCodeArea.prepare("{\n  \"id\": \"a\"\n}"));
        // as a dialog builds its window: the content first, then its scene and the app's stylesheet
        Scene scene = new Scene(new VBox(new VirtualizedScrollPane<>(area)), 500, 300);
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.show();
    });

    @AfterEach
    void stopRecording() {
        CSS_LOG.removeHandler(recorder);
    }

    @Test
    void anAreaBuiltBeforeItsSceneShowsItsLineNumbersInTheThemesColourWithoutACssWarning() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> numbers = WaitForAsyncUtils.asyncFx(() -> List.copyOf(area.lookupAll(".lineno-text"))).get();
        assertThat(numbers).as("line numbers shown").hasSize(3);
        for (Node number : numbers) {
            assertThat(((Text) number).getFill()).as("the app's -color-fg-subtle, not the default black")
                    .isNotEqualTo(Color.BLACK);
        }
        assertThat(cssWarnings).as("JavaFX's CSS warnings").filteredOn(m -> m.contains("Could not resolve")).isEmpty();
    }
}
