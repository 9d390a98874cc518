package io.cosmosdesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads one FXML view with the one controller it names, built by the caller (views take their view-model through
 * the controller's constructor, never through FXML reflection on fields). Shared by the tool tabs that build their
 * view on first show.
 *
 * @param <C> the controller's type
 * @param root the loaded view
 * @param controller the controller the FXML named, as built by the caller
 */
public record FxmlView<C>(Parent root, C controller) {

    /**
     * Loads {@code fxml} (a resource path such as {@code /fxml/SchemaTab.fxml}, resolved against {@code anchor}).
     * The FXML must name {@code controllerType}; any other controller class is refused with its name.
     *
     * @param what the view in words, for the error ("the schema tab")
     * @throws UncheckedIOException when the FXML cannot be read or loaded
     */
    public static <C> FxmlView<C> load(Class<?> anchor, String fxml, Class<C> controllerType,
            Supplier<? extends C> controller, String what) {
        URL resource = Objects.requireNonNull(anchor.getResource(fxml), () -> "No FXML resource " + fxml);
        FXMLLoader loader = new FXMLLoader(resource);
        loader.setControllerFactory(type -> {
            if (type == controllerType) {
                return controller.get();
            }
            throw new IllegalArgumentException("No controller registered for " + type.getName());
        });
        try {
            Parent root = loader.load();
            return new FxmlView<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + what, e);
        }
    }
}
