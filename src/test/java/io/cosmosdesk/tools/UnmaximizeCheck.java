package io.cosmosdesk.tools;

import io.cosmosdesk.ui.FxDialogService;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A manual check on a real window manager (headless tests have none): what a user's un-maximize does to the main
 * window, with KeepMaximized installed as the app installs it. The window is given a normal place (900x600 at
 * 200,150) and maximized as the app does at start (bounds first, then maximized, again once shown); with argument
 * {@code dialog} a confirm opens after 2 s and closes after {@code -DdialogSeconds} (1; 0.05 closes it before the
 * window manager's answer). Every change of the maximized state and of the size is printed with its time. The
 * un-maximize is the user's, through the window manager: a double click on the title bar (xdotool),
 * {@code -DunmaximizeAfter} seconds (0.5; negative: none) after the dialog closed; without a dialog, by hand.
 * {@code -Dcheck=nokeep,noreapply} leaves out KeepMaximized, the second placing once shown.
 *   DISPLAY=:64 java ... io.cosmosdesk.tools.UnmaximizeCheck [dialog] [seconds]
 *   xdotool mousemove 960 8 click --repeat 2 --delay 80 1
 */
public final class UnmaximizeCheck extends Application {

    private static final long STARTED = System.nanoTime();

    @Override
    public void start(Stage main) {
        main.setScene(new Scene(new StackPane(new Label("main window")), 900, 600));
        main.setX(200);
        main.setY(150);
        main.setWidth(900);
        main.setHeight(600);
        main.setMaximized(true);
        java.util.List<String> flags = java.util.List.of(System.getProperty("check", "").split(","));
        main.setOnShown(event -> {
            if (flags.contains("noreapply")) {
                return;
            }
            main.setX(200);
            main.setY(150);
            main.setWidth(900);
            main.setHeight(600);
            main.setMaximized(true);
        });
        if (!flags.contains("nokeep")) {
            io.cosmosdesk.ui.KeepMaximized.install(main);
        }
        main.maximizedProperty().addListener((obs, was, now) -> print("maximized " + was + " -> " + now, main));
        main.widthProperty().addListener((obs, was, now) -> print("width " + was + " -> " + now, main));
        main.heightProperty().addListener((obs, was, now) -> print("height " + was + " -> " + now, main));
        main.show();
        try { // the pointer away from where the title bar will be, as a user's after clicking a dialog's button
            new ProcessBuilder("xdotool", "mousemove", "700", "500").inheritIO().start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        boolean dialog = !getParameters().getRaw().isEmpty() && getParameters().getRaw().get(0).equals("dialog");
        double seconds = getParameters().getRaw().size() > 1 ? Double.parseDouble(getParameters().getRaw().get(1)) : 10;
        if (dialog) {
            DialogWalk.after(2, () -> {
                print("dialog opens", main);
                DialogWalk.after(Double.parseDouble(System.getProperty("dialogSeconds", "1")), () -> {
                    print("dialog closes", main);
                    double unmaximizeAfter = Double.parseDouble(System.getProperty("unmaximizeAfter", "0.5"));
                    DialogWalk.after(Math.abs(unmaximizeAfter), () -> {
                        if (unmaximizeAfter < 0) {
                            return; // no user
                        }
                        print("the user double-clicks the title bar", main);
                        doubleClickTitleBar(main);
                    });
                    for (Window window : java.util.List.copyOf(Window.getWindows())) {
                        if (window != main && window instanceof Stage stage) {
                            stage.close();
                        }
                    }
                });
                Platform.runLater(() -> new FxDialogService(main).confirm("Delete 3 items?", "This cannot be undone.",
                        "Delete"));
            });
        }
        DialogWalk.after(seconds, () -> {
            print("end", main);
            Platform.exit();
        });
    }

    /** A user's un-maximize: a double click on the title bar, through the window manager (xdotool). */
    private static void doubleClickTitleBar(Stage main) {
        try {
            new ProcessBuilder("xdotool", "mousemove", String.valueOf((int) (main.getX() + main.getWidth() / 2)),
                    String.valueOf((int) main.getY() + 8), "click", "--repeat", "2", "--delay", "80", "1")
                    .inheritIO().start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void print(String what, Stage main) {
        System.out.printf("+%d ms %s: maximized=%s %.0fx%.0f at %.0f,%.0f%n", (System.nanoTime() - STARTED) / 1_000_000,
                what, main.isMaximized(), main.getWidth(), main.getHeight(), main.getX(), main.getY());
    }

    public static void main(String[] args) {
        launch(args);
    }
}
