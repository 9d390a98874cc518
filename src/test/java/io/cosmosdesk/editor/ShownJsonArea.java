package io.cosmosdesk.editor;

import io.cosmosdesk.app.Theme;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;

/** The editor's JSON area as the editor GUI tests drive it: a prepared document, scrolled, the app's stylesheet. */
final class ShownJsonArea {

    private ShownJsonArea() {
    }

    /** Shows {@code text} in a new area in {@code stage} (600 x 300); FX thread. */
    static JsonCodeArea show(Stage stage, String text) {
        JsonCodeArea area = new JsonCodeArea(JsonCodeArea.prepare(text));
        Scene scene = new Scene(new VirtualizedScrollPane<>(area), 600, 300);
        scene.getStylesheets().add(Theme.APP_STYLESHEET);
        stage.setScene(scene);
        stage.show();
        return area;
    }
}
