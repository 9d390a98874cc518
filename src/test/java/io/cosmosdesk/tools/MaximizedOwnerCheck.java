package io.cosmosdesk.tools;

import io.cosmosdesk.ui.FxDialogService;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A manual check on a real window manager (headless tests have none): maximizes a main window, opens a confirm
 * over it (through {@link FxDialogService}, or a plain Alert: argument {@code plain}, {@code none}, {@code app}),
 * or File > Settings… (argument {@code settings}), closes it (after 2 s, or the seconds of a second argument), and prints whether the main window stayed maximized,
 * before, during and after, and each change of its maximized state with whether a dialog was showing. Under Xvfb +
 * openbox with JavaFX 21 a modal dialog un-maximized its owner (JDK-8332222, fixed in JavaFX 24; see KeepMaximized).
 *   Xvfb :26 & DISPLAY=:26 openbox & DISPLAY=:26 java ... io.cosmosdesk.tools.MaximizedOwnerCheck [mode [seconds]]
 */
public final class MaximizedOwnerCheck extends Application {

    private static final long STARTED = System.nanoTime();

    @Override
    public void start(Stage main) {
        main.setScene(new Scene(new StackPane(new Label("main window")), 800, 600));
        io.cosmosdesk.ui.KeepMaximized.install(main);
        // every change with its time and whether a dialog was showing: whether the window manager's un-maximize
        // comes while the dialog shows or after it closed (what KeepMaximized's grace window is for)
        main.maximizedProperty().addListener((obs, was, now) -> System.out.printf(
                "  +%d ms maximized %s -> %s (other windows showing: %d)%n", sinceStart(),
                was, now, Window.getWindows().stream().filter(w -> w != main && w.isShowing()).count()));
        main.show();
        main.setMaximized(true);
        DialogWalk.after(2, () -> {
            print("before", main);
            DialogWalk.after(closeAfterSeconds(), () -> {
                print("during", main);
                closeDialogs(main);
            });
            Platform.runLater(() -> {
                showDialog(main);
                DialogWalk.after(2, () -> {
                    print("after", main);
                    Platform.exit();
                });
            });
        });
    }

    /** Second argument: how long the dialog stays open (default 2 s; 0.05 closes it before the window manager's answer). */
    private double closeAfterSeconds() {
        List<String> raw = getParameters().getRaw();
        return raw.size() > 1 ? Double.parseDouble(raw.get(1)) : 2;
    }

    private void showDialog(Stage main) {
        String mode = getParameters().getRaw().isEmpty() ? "service" : getParameters().getRaw().get(0);
        if (mode.equals("settings")) { // File > Settings…: a Stage of its own, window modal (not an Alert)
            DialogWalk.open("settings", main);
            return;
        }
        if (mode.equals("service")) {
            new FxDialogService(main).confirm("Analyse every item?", "Reading every item costs request units.",
                    "Analyse");
            return;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "plain");
        alert.initOwner(main);
        if (mode.equals("none")) {
            alert.initModality(Modality.NONE);
        } else if (mode.equals("app")) {
            alert.initModality(Modality.APPLICATION_MODAL);
        }
        alert.showAndWait();
    }

    private static void closeDialogs(Stage main) {
        for (Window window : List.copyOf(Window.getWindows())) {
            if (window != main && window instanceof Stage stage) {
                stage.close();
            }
        }
    }

    private static void print(String when, Stage main) {
        System.out.printf("%s (+%d ms): maximized=%s window %.0fx%.0f at %.0f,%.0f%n", when, sinceStart(),
                main.isMaximized(), main.getWidth(), main.getHeight(), main.getX(), main.getY());
    }

    private static long sinceStart() {
        return (System.nanoTime() - STARTED) / 1_000_000;
    }


    public static void main(String[] args) {
        launch(args);
    }
}
