package io.cosmosdesk.tools;

import io.cosmosdesk.ui.FxDialogService;
import javafx.stage.Stage;

/** The dialogs {@link DialogPlacementCheck} opens by name: settings, confirm, or a plain dialog none / window / app modal. */
final class DialogWalk {

    private DialogWalk() {
    }

    static void open(String which, Stage main) {
        switch (which) {
            case "settings" -> {
                try {
                    io.cosmosdesk.settings.SettingsDialog.show(main, new io.cosmosdesk.settings.SettingsDialogViewModel(
                            new io.cosmosdesk.settings.SettingsStore(java.nio.file.Files.createTempDirectory("settings")),
                            java.util.Map.of(), new FxDialogService(main)), io.cosmosdesk.app.Theme.APP_STYLESHEET);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            case "confirm" -> new FxDialogService(main).confirm("Delete 3 items?",
                    "The items are deleted from the container; this cannot be undone.", "Delete");
            case "none", "window", "app" -> {
                javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(new javafx.scene.control.Label(which));
                root.setPrefSize(620, 580);
                io.cosmosdesk.ui.DialogStages.of(main, which.equals("none") ? javafx.stage.Modality.NONE
                        : which.equals("app") ? javafx.stage.Modality.APPLICATION_MODAL : javafx.stage.Modality.WINDOW_MODAL,
                        "Plain " + which, root, io.cosmosdesk.app.Theme.APP_STYLESHEET).show();
            }
            default -> throw new IllegalArgumentException(which);
        }
    }

    /** Runs {@code action} on the FX thread {@code seconds} from now (the manual checks' timeline). */
    static void after(double seconds, Runnable action) {
        javafx.animation.PauseTransition pause = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(seconds));
        pause.setOnFinished(event -> action.run());
        pause.play();
    }
}
