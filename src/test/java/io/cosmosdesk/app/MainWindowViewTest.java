package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** No toolkit: plain layout nodes only. */
class MainWindowViewTest {

    @Test
    void aHiddenNodeJoinsItsParentTheFirstTimeItShowsAndOnlyThen() {
        Region first = new Region();
        Region last = new Region();
        Region hidden = new Region();
        hidden.setVisible(false);
        HBox parent = new HBox(first, last);

        MainWindowView.joinWhenFirstVisible(hidden, () -> parent.getChildren().add(1, hidden));
        assertThat(parent.getChildren()).containsExactly(first, last);

        hidden.setVisible(true);
        assertThat(parent.getChildren()).containsExactly(first, hidden, last);
        hidden.setVisible(false);
        hidden.setVisible(true);
        assertThat(parent.getChildren()).containsExactly(first, hidden, last);
    }

    @Test
    void aNodeAlreadyVisibleJoinsAtOnce() {
        Region shown = new Region();
        HBox parent = new HBox();

        MainWindowView.joinWhenFirstVisible(shown, () -> parent.getChildren().add(shown));
        assertThat(parent.getChildren()).containsExactly(shown);
    }
}
