package io.cosmosdesk.tools;

import io.cosmosdesk.ui.DialogStages;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * A manual check on a real window manager (headless tests have none): shows a 620 x 580 dialog through
 * {@link DialogStages} and prints its window's and its scene's sizes every second. Under Xvfb + openbox before
 * DialogSizing's fix it printed "window 622x605 scene 620x200" (the settings, import and copy dialogs cut at 200 px);
 * a whole dialog prints a scene a title bar smaller than its window.
 *   DISPLAY=:47 java ... io.cosmosdesk.tools.DialogUnderWindowManagerCheck
 */
public final class DialogUnderWindowManagerCheck extends Application {

    @Override
    public void start(Stage main) {
        main.setScene(new Scene(new StackPane(new Label("main window")), 800, 600));
        main.show();
        StackPane root = new StackPane(new Label("dialog"));
        root.setPrefSize(620, 580);
        root.setStyle("-fx-background-color: #0d1117;");
        Stage dialog = DialogStages.of(main, Modality.WINDOW_MODAL, "Dialog check", root, null);
        dialog.show();
        Timeline report = new Timeline(new KeyFrame(Duration.seconds(1), event -> System.out.printf(
                "window %.0fx%.0f scene %.0fx%.0f%n", dialog.getWidth(), dialog.getHeight(),
                dialog.getScene().getWidth(), dialog.getScene().getHeight())));
        report.setCycleCount(5);
        report.setOnFinished(event -> Platform.exit());
        report.play();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
