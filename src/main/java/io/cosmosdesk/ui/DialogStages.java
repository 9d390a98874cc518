package io.cosmosdesk.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The window of a dialog built from a view (the connection, move, import, export and copy dialogs): owned by the
 * main window, the app's stylesheet on its scene, never taller or wider than most of the screen. One home for
 * what each dialog had copied; the caller adds its own close rules and shows it.
 */
public final class DialogStages {

    private DialogStages() {
    }

    /**
     * @param modality {@link Modality#WINDOW_MODAL} for a question that blocks the main window, {@link Modality#NONE}
     *        for one the user works beside (an import running)
     * @param stylesheet the app's stylesheet, or null (tests without one)
     */
    public static Stage of(Window owner, Modality modality, String title, Parent root, String stylesheet) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(modality);
        stage.setTitle(title);
        Scene scene = new Scene(root);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        stage.setScene(scene);
        DialogSizing.capToScreen(stage, owner);
        keepWhole(stage);
        return stage;
    }

    /**
     * Once {@code stage} shows, sizes it back to its content whenever the window manager makes it smaller than that
     * (a few times at most): the export dialog's first open came up 200 x 200 under openbox, the second whole. For
     * every dialog window, including those not made by {@link #of}; call before showing it.
     */
    public static void keepWhole(Stage stage) {
        stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWN, event -> DialogSizing.keepContentSize(stage));
    }
}
