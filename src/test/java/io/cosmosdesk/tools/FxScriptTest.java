package io.cosmosdesk.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cosmosdesk.testing.FxAppExtension;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Headless: the screenshot tools' shared steps find windows, press buttons, wait with deadlines and save PNGs. */
class FxScriptTest {

    private final FxScript fx = new FxScript(5_000);
    private final AtomicBoolean pressed = new AtomicBoolean();

    @RegisterExtension
    final FxAppExtension app = FxAppExtension.showing(stage -> {
        Button button = new Button("Use Azure Resource Manager");
        button.setOnAction(event -> pressed.set(true));
        stage.setScene(new Scene(new VBox(button), 320, 120));
        stage.setTitle("Offer");
        stage.show();
    });

    @Test
    void findsTheWindowPressesItsButtonAndSavesItsPicture(@TempDir Path folder) throws Exception {
        Window offer = fx.waitForWindow("Offer");
        fx.answer(offer, "Use Azure");
        fx.waitFor("the button was pressed", pressed::get);

        Path file = folder.resolve("offer.png");
        assertThat(fx.savePng(offer.getScene(), file)).isEqualTo("320x120");
        BufferedImage picture = ImageIO.read(Files.newInputStream(file));
        assertThat(picture.getWidth()).isEqualTo(320);
        assertThat(picture.getHeight()).isEqualTo(120);
        assertThat(fx.onFx(() -> Thread.currentThread().getName())).contains("JavaFX Application Thread");
    }

    @Test
    void failuresNameWhatWasAwaited() throws Exception {
        FxScript quick = new FxScript(300);
        assertThatThrownBy(() -> quick.waitFor("the moon turns blue", () -> false))
                .hasMessage("timed out waiting until the moon turns blue");
        assertThatThrownBy(() -> quick.waitForWindow("Nowhere")).hasMessage("timed out waiting for the window 'Nowhere'");
        Window offer = fx.waitForWindow("Offer");
        assertThatThrownBy(() -> fx.answer(offer, "Cancel")).hasMessageContaining("no button 'Cancel'");
    }
}
