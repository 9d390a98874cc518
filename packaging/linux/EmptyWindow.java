/**
 * The start-up floor: an empty JavaFX window, started on the app's own runtime with the app's JVM options by
 * smoke-test.sh and measure-start.sh (both compile this file against the build's JavaFX jars). Its title starts
 * with "CosmosDesk" so the scripts wait for it exactly as they wait for the app's main window.
 */
public class EmptyWindow extends javafx.application.Application {
    @Override
    public void start(javafx.stage.Stage stage) {
        stage.setTitle("CosmosDesk (empty JavaFX window)");
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 1280, 800));
        stage.show();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
