package io.cosmosdesk.settings;

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
     */
    public SettingsDialogViewModel(SettingsStore store, Map<String, String> savedConnections) {
        this.store = store;
        Settings current = store.current();
        pageSize.set(Integer.toString(current.pageSize()));
        requestUnitLimit.set(Integer.toString(current.requestUnitLimit()));
        queryTimeout.set(Integer.toString(current.queryTimeoutSeconds()));
        retryAttempts.set(Integer.toString(current.retryAttempts()));
        retryMaxWait.set(Integer.toString(current.retryMaxWaitSeconds()));
        theme.set(current.theme());
        journalRetention.set(Integer.toString(current.journalRetentionDays()));
        auditRetention.set(Integer.toString(current.auditRetentionDays()));
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
