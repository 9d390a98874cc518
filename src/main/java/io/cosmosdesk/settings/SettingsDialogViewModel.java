package io.cosmosdesk.settings;

import io.cosmosdesk.ui.DialogService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Settings dialog's state: each value as the user types it, checked and saved by {@link #apply()} through
 * the {@link SettingsStore}, whose listeners apply it at once. Problems come back as sentences, and nothing
 * typed is lost.
 */
public final class SettingsDialogViewModel {

    /** A saved connection and the regions its client prefers, typed comma-separated in order. */
    public record ConnectionRegions(String connectionId, String connectionName, StringProperty regions) {
    }

    /** What the dialog says about values that wait for the next connection. */
    public static final String LATER_CONNECTIONS_NOTE = "Retries and preferred regions apply to connections opened "
            + "from now on: disconnect and connect again to use them. Everything else applies at once.";

    private final SettingsStore store;
    private final DialogService dialogs;
    private final StringProperty pageSize = new SimpleStringProperty(this, "pageSize");
    private final StringProperty requestUnitLimit = new SimpleStringProperty(this, "requestUnitLimit");
    private final StringProperty queryTimeout = new SimpleStringProperty(this, "queryTimeout");
    private final StringProperty retryAttempts = new SimpleStringProperty(this, "retryAttempts");
    private final StringProperty retryMaxWait = new SimpleStringProperty(this, "retryMaxWait");
    private final StringProperty theme = new SimpleStringProperty(this, "theme");
    private final StringProperty journalRetention = new SimpleStringProperty(this, "journalRetention");
    private final StringProperty auditRetention = new SimpleStringProperty(this, "auditRetention");
    private final ObservableList<ConnectionRegions> connections = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /**
     * @param savedConnections id to name of the saved connections, in the order the tree shows them
     * @param dialogs asks before Reset to defaults
     */
    public SettingsDialogViewModel(SettingsStore store, Map<String, String> savedConnections, DialogService dialogs) {
        this.store = store;
        this.dialogs = dialogs;
        Settings current = store.current();
        showValues(current);
        savedConnections.forEach((id, name) -> connections.add(new ConnectionRegions(id, name,
                new SimpleStringProperty(String.join(", ", current.preferredRegions(id))))));
    }

    // ---- properties

    public StringProperty pageSizeProperty() {
        return pageSize;
    }

    public StringProperty requestUnitLimitProperty() {
        return requestUnitLimit;
    }

    public StringProperty queryTimeoutProperty() {
        return queryTimeout;
    }

    public StringProperty retryAttemptsProperty() {
        return retryAttempts;
    }

    public StringProperty retryMaxWaitProperty() {
        return retryMaxWait;
    }

    /** "light" or "dark". */
    public StringProperty themeProperty() {
        return theme;
    }

    public StringProperty journalRetentionProperty() {
        return journalRetention;
    }

    public StringProperty auditRetentionProperty() {
        return auditRetention;
    }

    public ObservableList<ConnectionRegions> connections() {
        return connections;
    }

    /** What stops the values being saved, as sentences; empty when they were saved. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    // ---- commands

    /** Checks and saves the values; true when they were saved (and so applied), else {@link #problemProperty()}. */
    public boolean apply() {
        List<String> problems = new ArrayList<>();
        Settings next = store.current();
        next = number(pageSize, "The page size", problems, next, Settings::withPageSize);
        next = number(requestUnitLimit, "The request unit limit", problems, next, Settings::withRequestUnitLimit);
        next = number(queryTimeout, "The query timeout", problems, next, Settings::withQueryTimeoutSeconds);
        next = number(retryAttempts, "Retry attempts", problems, next, Settings::withRetryAttempts);
        next = number(retryMaxWait, "The longest wait for retries", problems, next,
                Settings::withRetryMaxWaitSeconds);
        next = number(journalRetention, "How long journals are kept", problems, next,
                Settings::withJournalRetentionDays);
        next = number(auditRetention, "How long the audit log is kept", problems, next,
                Settings::withAuditRetentionDays);
        next = next.withTheme(theme.get());
        Map<String, List<String>> regions = new LinkedHashMap<>(next.preferredRegions());
        for (ConnectionRegions connection : connections) {
            List<String> list = regions(connection.regions().get());
            if (list.isEmpty()) {
                regions.remove(connection.connectionId());
            } else {
                regions.put(connection.connectionId(), list);
            }
        }
        next = next.withPreferredRegions(regions);
        if (problems.isEmpty()) {
            problems.addAll(next.problems());
        }
        if (!problems.isEmpty()) {
            problem.set(String.join(" ", problems));
            return false;
        }
        Settings ready = next;
        try {
            store.update(settings -> ready);
        } catch (RuntimeException e) {
            problem.set(e.getMessage() + " Your values are kept in the dialog.");
            return false;
        }
        problem.set("");
        return true;
    }

    /**
     * Reset to defaults: after the user agrees, every value of the page but the connections' preferred regions
     * (they belong to saved connections, which stay as they are) goes back to its default, and is saved and
     * applied at once, as Apply does. False when the user cancelled or the defaults could not be saved.
     */
    public boolean resetToDefaults() {
        if (!dialogs.confirm("Reset settings to defaults", resetQuestion(), "Reset to defaults", true)) {
            return false;
        }
        showValues(Settings.defaults());
        return apply();
    }

    /** What Reset to defaults asks, listing exactly what it resets and to what. */
    static String resetQuestion() {
        Settings defaults = Settings.defaults();
        return String.format(java.util.Locale.ROOT, "These settings go back to their defaults and apply at once: "
                + "page size %d items, request unit limit %,d RU, query timeout %d seconds, %s theme, finished "
                + "journals kept %d days, the audit log kept %d days, %d retry attempts when throttled, longest "
                + "wait for retries %d seconds. Saved connections and their preferred regions are kept.",
                defaults.pageSize(), defaults.requestUnitLimit(), defaults.queryTimeoutSeconds(), defaults.theme(),
                defaults.journalRetentionDays(), defaults.auditRetentionDays(), defaults.retryAttempts(),
                defaults.retryMaxWaitSeconds());
    }

    /** Every value of the page but the preferred regions, as {@code settings} hold it. */
    private void showValues(Settings settings) {
        pageSize.set(Integer.toString(settings.pageSize()));
        requestUnitLimit.set(Integer.toString(settings.requestUnitLimit()));
        queryTimeout.set(Integer.toString(settings.queryTimeoutSeconds()));
        retryAttempts.set(Integer.toString(settings.retryAttempts()));
        retryMaxWait.set(Integer.toString(settings.retryMaxWaitSeconds()));
        theme.set(settings.theme());
        journalRetention.set(Integer.toString(settings.journalRetentionDays()));
        auditRetention.set(Integer.toString(settings.auditRetentionDays()));
    }

    /** Region names as typed ("West Europe, North Europe"), in order, blanks and repeats dropped. */
    static List<String> regions(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,;\\n]")).map(String::strip).filter(region -> !region.isEmpty())
                .distinct().toList();
    }

    private interface Wither {
        Settings with(Settings settings, int value);
    }

    private static Settings number(StringProperty field, String what, List<String> problems, Settings settings,
            Wither wither) {
        String text = field.get() == null ? "" : field.get().strip().replace(",", "").replace("_", "");
        try {
            return wither.with(settings, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            problems.add(what + " must be a whole number" + (text.isEmpty() ? "; it is empty." : ", not \"" + text
                    + "\"."));
            return settings;
        }
    }
}
