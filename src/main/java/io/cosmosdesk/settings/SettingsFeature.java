package io.cosmosdesk.settings;

import io.cosmosdesk.cosmos.ClientOptions;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.ui.DialogService;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.Property;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the settings into the app: the theme follows them both ways (the View menu's toggle saves it), new
 * connections take their retries and preferred regions from them, and File > Settings… opens the dialog.
 */
public final class SettingsFeature {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsFeature.class);

    private final SettingsStore store;
    private final Supplier<List<ConnectionProfile>> savedConnections;
    private final String stylesheet;
    private final Function<Window, DialogService> dialogsOver;

    /** @param dialogsOver the dialogs asked over a window: the Settings window's questions are its own */
    public SettingsFeature(SettingsStore store, Supplier<List<ConnectionProfile>> savedConnections,
            String stylesheet, Function<Window, DialogService> dialogsOver) {
        this.store = store;
        this.dialogsOver = dialogsOver;
        this.savedConnections = savedConnections;
        this.stylesheet = stylesheet;
    }

    /** What a connection opened now gets from the settings. */
    public static ClientOptions clientOptions(Settings settings, ConnectionProfile profile) {
        return new ClientOptions(settings.retryAttempts(), Duration.ofSeconds(settings.retryMaxWaitSeconds()),
                settings.preferredRegions(profile.id()));
    }

    /**
     * Keeps the window's {@code theme} and the settings' theme name ("light"/"dark") the same: a saved change
     * applies at once, and a toggle elsewhere (View menu) is saved. The settings win at start.
     */
    public <T> void bindTheme(Property<T> theme, Function<T, String> nameOf, Function<String, T> fromName) {
        if (!store.current().theme().equals(nameOf.apply(theme.getValue()))) {
            theme.setValue(fromName.apply(store.current().theme()));
        }
        store.settingsProperty().addListener((obs, old, settings) -> {
            if (!settings.theme().equals(nameOf.apply(theme.getValue()))) {
                theme.setValue(fromName.apply(settings.theme()));
            }
        });
        theme.addListener((obs, old, now) -> {
            String name = nameOf.apply(now);
            if (now != null && !name.equals(store.current().theme())) {
                try {
                    store.update(settings -> settings.withTheme(name));
                } catch (RuntimeException e) {
                    LOG.warn("The theme is shown but could not be remembered: {}", e.getMessage());
                }
            }
        });
    }

    /** Opens the dialog over {@code owner}. */
    public void open(Window owner) {
        Map<String, String> names = new LinkedHashMap<>();
        for (ConnectionProfile profile : savedConnections.get()) {
            names.put(profile.id(), profile.name());
        }
        SettingsDialog.show(owner, settingsWindow -> new SettingsDialogViewModel(store, names,
                dialogsOver.apply(settingsWindow)), stylesheet);
    }
}
