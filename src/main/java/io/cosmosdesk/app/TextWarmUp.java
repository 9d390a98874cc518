package io.cosmosdesk.app;

import java.util.concurrent.CompletableFuture;
import javafx.scene.image.Image;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * The start's second head start ({@link StartupWarmUp} is the first), begun from {@code init()} once the toolkit
 * is up: while the UI thread builds the app and its window, this thread brings up JavaFX's font machinery
 * (fontconfig's font list, the default font's files and glyphs, the text layout classes) by laying out a few
 * words, in the fonts the first frame uses, in nodes that belong to no scene. The UI thread's first CSS pass
 * and text layout then find it ready instead of doing it on the path to the window. Nodes that are in no
 * scene may be built and measured on any thread; the font factory and its caches are shared and locked.
 */
final class TextWarmUp {

    private TextWarmUp() {
    }

    static void begin() {
        Thread thread = new Thread(TextWarmUp::run, "startup-text-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The image at {@code resource} (in this jar), decoded on a thread of its own: the window's icon, which neither
     * the launcher thread in {@code init()} (the UI thread waits for it) nor the UI thread should decode (s19).
     */
    static CompletableFuture<Image> image(String resource) {
        return CompletableFuture.supplyAsync(() -> new Image(TextWarmUp.class.getResourceAsStream(resource)), work -> {
            Thread thread = new Thread(work, "startup-icon");
            thread.setDaemon(true);
            thread.start();
        });
    }

    private static void run() {
        try {
            Font regular = Font.getDefault();
            for (Font font : new Font[] {regular, Font.font(regular.getFamily(), FontWeight.BOLD, regular.getSize()),
                    Font.font(regular.getFamily(), regular.getSize() * 2)}) {
                Text text = new Text("CosmosDesk: Connect… Filter databases and containers 0123456789");
                text.setFont(font);
                text.setWrappingWidth(120);
                text.getLayoutBounds();
            }
        } catch (RuntimeException | LinkageError e) {
            // only a head start: the first frame lays out its text itself
        }
        StartupTrace.mark("text warm-up done");
    }
}
