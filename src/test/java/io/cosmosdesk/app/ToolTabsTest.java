package io.cosmosdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cosmosdesk.cosmos.ContainerHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;

class ToolTabsTest {

    private static final class Probe implements ToolTab {
        boolean agree = true;
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public String kind() {
            return "probe";
        }

        @Override
        public ContainerHandle container() {
            return null;
        }

        @Override
        public ObservableValue<String> title() {
            return new SimpleStringProperty("Probe");
        }

        @Override
        public Node view() {
            return null;
        }

        @Override
        public CompletableFuture<Boolean> requestClose() {
            return CompletableFuture.completedFuture(agree);
        }

        @Override
        public void close() {
            closed.incrementAndGet();
        }
    }

    @Test
    void openAddsOnceAndFrontsTheTab() {
        ToolTabs tabs = new ToolTabs();
        Probe probe = new Probe();
        tabs.open(probe);
        tabs.open(probe);
        assertThat(tabs.tabs()).containsExactly(probe);
        assertThat(tabs.selectedProperty().get()).isSameAs(probe);
        assertThat(tabs.find(tab -> tab.kind().equals("probe"))).contains(probe);
    }

    @Test
    void aTabThatRefusesStaysOpenAndIsNotClosed() {
        ToolTabs tabs = new ToolTabs();
        Probe probe = new Probe();
        probe.agree = false;
        tabs.open(probe);
        assertThat(tabs.close(probe).join()).isFalse();
        assertThat(tabs.tabs()).containsExactly(probe);
        assertThat(probe.closed).hasValue(0);
    }

    @Test
    void closeAllStopsAtTheFirstRefusalAndClosesTheOthersOnce() {
        ToolTabs tabs = new ToolTabs();
        Probe first = new Probe();
        Probe refusing = new Probe();
        refusing.agree = false;
        tabs.open(first);
        tabs.open(refusing);
        assertThat(tabs.closeAll(tab -> true).join()).isFalse();
        assertThat(tabs.tabs()).containsExactly(refusing);
        assertThat(first.closed).hasValue(1);
        assertThat(tabs.selectedProperty().get()).isSameAs(refusing);
    }
}
