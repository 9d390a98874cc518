package io.cosmosdesk.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ClientOptions;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.ui.DialogService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No toolkit: the dialog's values are checked with sentences, saved through the store and read back. */
class SettingsDialogViewModelTest {

    @TempDir
    Path config;

    private final DialogService dialogs = mock(DialogService.class);

    private static Map<String, String> connections() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("id-prod", "Production");
        names.put("id-dev", "Dev");
        return names;
    }

    @Test
    void showsTheCurrentValuesAndSavesTheTypedOnes() {
        SettingsStore store = new SettingsStore(config);
        SettingsDialogViewModel viewModel = new SettingsDialogViewModel(store, connections(), dialogs);
        assertThat(viewModel.pageSizeProperty().get()).isEqualTo("100");
        assertThat(viewModel.themeProperty().get()).isEqualTo("light");
        assertThat(viewModel.connections()).extracting(SettingsDialogViewModel.ConnectionRegions::connectionName)
                .containsExactly("Production", "Dev");

        viewModel.pageSizeProperty().set(" 500 ");
        viewModel.requestUnitLimitProperty().set("20,000");
        viewModel.queryTimeoutProperty().set("120");
        viewModel.retryAttemptsProperty().set("3");
        viewModel.retryMaxWaitProperty().set("10");
        viewModel.themeProperty().set("dark");
        viewModel.journalRetentionProperty().set("7");
        viewModel.auditRetentionProperty().set("365");
        viewModel.connections().get(0).regions().set("West Europe, North Europe,, West Europe");
        assertThat(viewModel.apply()).isTrue();
        assertThat(viewModel.problemProperty().get()).isEmpty();

        Settings saved = new SettingsStore(config).current();
        assertThat(saved).isEqualTo(new Settings(500, 20_000, 120, 3, 10, "dark", 7, 365,
                Map.of("id-prod", List.of("West Europe", "North Europe"))));
        assertThat(store.current()).isEqualTo(saved);
    }

    /**
     * Reset to defaults asks first (Cancel changes nothing); agreed, every value but the connections' preferred
     * regions goes back to its default, saved and applied at once.
     */
    @Test
    void resetToDefaultsAsksThenSavesTheDefaultsAndKeepsTheRegions() {
        SettingsStore store = new SettingsStore(config);
        Settings mine = new Settings(500, 20_000, 120, 3, 10, "dark", 7, 365,
                Map.of("id-prod", List.of("West Europe")));
        store.update(settings -> mine);
        SettingsDialogViewModel viewModel = new SettingsDialogViewModel(store, connections(), dialogs);

        assertThat(viewModel.resetToDefaults()).as("cancelled").isFalse();
        assertThat(store.current()).isEqualTo(mine);
        assertThat(viewModel.pageSizeProperty().get()).isEqualTo("500");

        when(dialogs.confirm(anyString(), anyString(), eq("Reset to defaults"), eq(true))).thenReturn(true);
        assertThat(viewModel.resetToDefaults()).isTrue();
        assertThat(new SettingsStore(config).current()).isEqualTo(Settings.defaults()
                .withPreferredRegions("id-prod", List.of("West Europe")));
        assertThat(viewModel.pageSizeProperty().get()).isEqualTo("100");
        assertThat(viewModel.themeProperty().get()).isEqualTo("light");
        assertThat(viewModel.connections().get(0).regions().get()).isEqualTo("West Europe");
        assertThat(SettingsDialogViewModel.resetQuestion()).contains("page size 100 items", "5,000 RU",
                "preferred regions are kept");
    }

    @Test
    void wrongValuesAreRefusedWithSentencesAndKeptAsTyped() {
        SettingsStore store = new SettingsStore(config);
        SettingsDialogViewModel viewModel = new SettingsDialogViewModel(store, connections(), dialogs);
        viewModel.pageSizeProperty().set("lots");
        viewModel.queryTimeoutProperty().set("");
        assertThat(viewModel.apply()).isFalse();
        assertThat(viewModel.problemProperty().get()).isEqualTo(
                "The page size must be a whole number, not \"lots\". The query timeout must be a whole number; it is empty.");
        assertThat(viewModel.pageSizeProperty().get()).isEqualTo("lots");

        viewModel.pageSizeProperty().set("5000");
        viewModel.queryTimeoutProperty().set("60");
        assertThat(viewModel.apply()).isFalse();
        assertThat(viewModel.problemProperty().get()).isEqualTo("The page size must be between 1 and 1000 items.");
        assertThat(store.current()).isEqualTo(Settings.defaults());
    }

    @Test
    void emptyRegionsRemoveTheConnectionsList() {
        SettingsStore store = new SettingsStore(config);
        store.update(settings -> settings.withPreferredRegions("id-dev", List.of("East US")));
        SettingsDialogViewModel viewModel = new SettingsDialogViewModel(store, connections(), dialogs);
        assertThat(viewModel.connections().get(1).regions().get()).isEqualTo("East US");
        viewModel.connections().get(1).regions().set("  ");
        assertThat(viewModel.apply()).isTrue();
        assertThat(store.current().preferredRegions()).isEmpty();
    }

    @Test
    void newConnectionsTakeRetriesAndRegionsFromTheSettings() {
        Settings settings = Settings.defaults().withRetryAttempts(2).withRetryMaxWaitSeconds(5)
                .withPreferredRegions("id-prod", List.of("West Europe"));
        ConnectionProfile prod = new ConnectionProfile("id-prod", "Production", AuthKind.KEY,
                "https://prod.documents.azure.com:443/", null, null, false, null, null, null);
        assertThat(SettingsFeature.clientOptions(settings, prod))
                .isEqualTo(new ClientOptions(2, Duration.ofSeconds(5), List.of("West Europe")));
    }
}
