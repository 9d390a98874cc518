package io.cosmosdesk.tools;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A manual check on a real window manager (headless tests have none): a main window at the first-start size
 * (1280 x 800 centred) or maximized, then one of the app's dialogs over it, and every showing window's bounds
 * (window and scene offset) printed at 0.3, 1, 2 and 4 s, so a dialog that opens at the screen's top-left with its
 * title bar above the screen shows in numbers; take a screenshot meanwhile ({@code import -window root x.png}).
 *   Xvfb :58 & DISPLAY=:58 openbox & DISPLAY=:58 java ... io.cosmosdesk.tools.DialogPlacementCheck
 *       normal|maximized settings|confirm|shortcuts [seconds to hold]
 */
public final class DialogPlacementCheck extends Application {

    private static final long STARTED = System.nanoTime();

    @Override
    public void start(Stage main) {
        List<String> raw = getParameters().getRaw();
        boolean maximized = !raw.isEmpty() && raw.get(0).equals("maximized");
        String which = raw.size() > 1 ? raw.get(1) : "settings";
        double hold = raw.size() > 2 ? Double.parseDouble(raw.get(2)) : 6;
        io.cosmosdesk.app.Theme.DARK.apply();
        BorderPane root = new BorderPane(new Label("main window"));
        root.setTop(new MenuBar(new Menu("File"), new Menu("Edit"), new Menu("View")));
        Scene scene = new Scene(root);
        scene.getStylesheets().add(io.cosmosdesk.app.Theme.APP_STYLESHEET);
        main.setScene(scene);
        main.setTitle("main");
        main.setX(160);
        main.setY(100);
        main.setWidth(1280);
        main.setHeight(800);
        main.setMaximized(maximized);
        main.setOnShown(event -> { // as the app does: openbox maps a new window at 200 x 200
            main.setWidth(1280);
            main.setHeight(800);
        });
        io.cosmosdesk.ui.KeepMaximized.install(main); // as the app does
        if (!Boolean.getBoolean("unplaced")) {
            io.cosmosdesk.ui.DialogPlacement.install(main);
        }
        main.show();
        Window.getWindows().addListener((javafx.collections.ListChangeListener<Window>) change -> {
            while (change.next()) {
                for (Window added : change.getAddedSubList()) {
                    if (added != main) {
                        added.xProperty().addListener((obs, was, now) -> trace("x", was, now));
                        added.yProperty().addListener((obs, was, now) -> trace("y", was, now));
                    }
                }
            }
        });
        DialogWalk.after(1.5, () -> {
            print("main before");
            Platform.runLater(() -> DialogWalk.open(which, main));
            for (double at : new double[] {0.3, 1, 2, 4}) {
                DialogWalk.after(at, () -> print("+" + at + " s"));
            }
            String shot = System.getProperty("shot");
            if (shot != null) {
                DialogWalk.after(Double.parseDouble(System.getProperty("shotAfter", "2.5")), () -> screenshot(shot));
            }
            DialogWalk.after(hold, () -> {
                List.copyOf(Window.getWindows()).stream().filter(w -> w != main).forEach(Window::hide);
                Platform.exit();
            });
        });
    }

    private static void print(String when) {
        System.out.printf("%s (+%d ms)%n", when, (System.nanoTime() - STARTED) / 1_000_000);
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window.isShowing() && window instanceof Stage stage) {
                System.out.printf("  %-28s window %.0f,%.0f %.0fx%.0f scene at %.0f,%.0f%s%n", stage.getTitle(),
                        stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.getScene().getX(),
                        stage.getScene().getY(), stage.isMaximized() ? " maximized" : "");
            }
        }
    }

    /** The whole screen, window manager's decorations included: {@code import -window root}. */
    private static void screenshot(String file) {
        try {
            new ProcessBuilder("import", "-window", "root", file).inheritIO().start();
        } catch (java.io.IOException e) {
            System.out.println("no screenshot: " + e);
        }
    }

    private static void trace(String what, Number was, Number now) {
        StackTraceElement[] stack = Thread.currentThread().getStackTrace();
        StringBuilder where = new StringBuilder();
        for (int i = 9; i < Math.min(stack.length, Boolean.getBoolean("deep") ? 30 : 12); i++) {
            where.append("\n      ").append(stack[i]);
        }
        System.out.printf("  dialog %s %s -> %s (+%d ms)%s%n", what, was, now, (System.nanoTime() - STARTED) / 1_000_000,
                where);
    }


    public static void main(String[] args) {
        launch(args);
    }
}
