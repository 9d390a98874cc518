package io.cosmosdesk.manage;

import io.cosmosdesk.cosmos.ContainerInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens the New database / New container dialog and the typed-name confirmation of a delete (view side). */
public class ManageDialogs {

    public static final String FXML = "/fxml/CreateResourceDialog.fxml";

    private final String stylesheet;

    public ManageDialogs(String stylesheet) {
        this.stylesheet = stylesheet;
    }

    /** Shows the form; {@code created} hears the new container (null for a database) once it exists. */
    public Stage showCreate(Window owner, CreateResourceViewModel viewModel, Consumer<ContainerInfo> created) {
        FXMLLoader loader = new FXMLLoader(ManageDialogs.class.getResource(FXML));
        loader.setControllerFactory(type -> new CreateResourceDialogController(viewModel, created));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load the create dialog", e);
        }
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(viewModel.isContainer() ? "New container" : "New database");
        Scene scene = new Scene(root);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
        stage.setOnShown(event -> {
            io.cosmosdesk.ui.DialogSizing.capToScreen(stage, owner);
            root.lookup("#idField").requestFocus();
        });
        io.cosmosdesk.ui.DialogStages.keepWhole(stage); // the window manager's late first size
        stage.show();
        return stage;
    }

    /**
     * Asks the user to type {@code name} to delete it; true only when they did and chose Delete. {@code what} is
     * "container" or "database", {@code consequence} says what goes with it.
     */
    public boolean confirmDelete(Window owner, String what, String name, String consequence) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Delete " + what);
        dialog.setHeaderText("Delete the " + what + " \"" + name + "\"?");
        ButtonType delete = new ButtonType("Delete " + what, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(delete, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().add(stylesheet);
        TextField typed = new TextField();
        typed.setId("confirmNameField");
        typed.setPromptText(name);
        Label explanation = new Label(consequence + " This cannot be undone.\nType the " + what
                + "'s name to confirm:");
        explanation.setWrapText(true);
        // a wrapped label's height is not asked for by the dialog under some window managers: both lines must show
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        dialog.getDialogPane().setPrefWidth(520);
        dialog.getDialogPane().setContent(new VBox(8, explanation, typed));
        var deleteButton = dialog.getDialogPane().lookupButton(delete);
        deleteButton.getStyleClass().add("danger");
        deleteButton.disableProperty().bind(typed.textProperty().isNotEqualTo(name));
        dialog.setOnShown(event -> typed.requestFocus());
        return dialog.showAndWait().filter(delete::equals).isPresent();
    }
}
