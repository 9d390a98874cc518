package io.cosmosdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FxmlViewTest {

    /** The controller the test FXML names; built by the caller, as the tool tabs build theirs. */
    public static final class Controller {
        final String tag;

        Controller(String tag) {
            this.tag = tag;
        }
    }

    /** A controller type the test FXML does not name. */
    public static final class Other {
    }

    @Test
    void loadsTheViewWithTheControllerTheCallerBuilt() {
        FxmlView<Controller> view = FxmlView.load(FxmlViewTest.class, "fxml-view-test.fxml", Controller.class,
                () -> new Controller("mine"), "the test view");
        assertThat(view.root()).isNotNull();
        assertThat(view.controller().tag).isEqualTo("mine");
    }

    @Test
    void aControllerOtherThanTheOneExpectedIsRefusedWithItsName() {
        assertThatThrownBy(() -> FxmlView.load(FxmlViewTest.class, "fxml-view-test.fxml", Other.class, Other::new,
                "the test view")).hasMessageContaining("Cannot load the test view")
                .isInstanceOf(UncheckedIOException.class).rootCause()
                .hasMessageContaining("No controller registered for " + Controller.class.getName());
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> FxmlView.load(FxmlViewTest.class, "missing.fxml", Controller.class,
                () -> new Controller("x"), "the test view")).hasMessageContaining("missing.fxml");
    }
}
