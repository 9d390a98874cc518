package io.cosmosdesk.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user's settings (File > Settings…), one immutable value; {@link SettingsStore} keeps the current one.
 *
 * @param pageSize items per page in grids and query results (1 to 1,000)
 * @param requestUnitLimit a query run stops once it has cost this many request units
 * @param queryTimeoutSeconds a query run stops after this long
 * @param retryAttempts throttled requests are retried this many times (new connections)
 * @param retryMaxWaitSeconds and for at most this long in all (new connections)
 * @param theme "light" or "dark"
 * @param journalRetentionDays finished move and import journals, and bulk patch journals (which Undo a patch…
 *                             reads), are deleted after this many days
 * @param auditRetentionDays audit log files are deleted after this many days
 * @param preferredRegions connection id to the regions its client prefers, in order (new connections)
 */
public record Settings(int pageSize, int requestUnitLimit, int queryTimeoutSeconds, int retryAttempts,
        int retryMaxWaitSeconds, String theme, int journalRetentionDays, int auditRetentionDays,
        Map<String, List<String>> preferredRegions) {

    public static final int MAX_PAGE_SIZE = 1000;

    public Settings {
        theme = theme == null || theme.isBlank() ? "light" : theme;
        Map<String, List<String>> regions = new LinkedHashMap<>();
        if (preferredRegions != null) {
            preferredRegions.forEach((connection, list) -> {
                if (connection != null && list != null && !list.isEmpty()) {
                    regions.put(connection, List.copyOf(new ArrayList<>(list)));
                }
            });
        }
        preferredRegions = Map.copyOf(regions);
    }

    public static Settings defaults() {
        return new Settings(100, 5000, 60, 9, 30, "light", 30, 90, Map.of());
    }

    /** The sentences saying what is wrong with these values; empty when they can be saved. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            problems.add("The page size must be between 1 and " + MAX_PAGE_SIZE + " items.");
        }
        if (requestUnitLimit < 1) {
            problems.add("The request unit limit must be at least 1 RU.");
        }
        if (queryTimeoutSeconds < 1) {
            problems.add("The query timeout must be at least 1 second.");
        }
        if (retryAttempts < 0 || retryAttempts > 100) {
            problems.add("Retry attempts must be between 0 and 100.");
        }
        if (retryMaxWaitSeconds < 0 || retryMaxWaitSeconds > 3600) {
            problems.add("The longest wait for retries must be between 0 and 3,600 seconds.");
        }
        if (!theme.equals("light") && !theme.equals("dark")) {
            problems.add("The theme must be light or dark.");
        }
        if (journalRetentionDays < 1) {
            problems.add("Finished journals must be kept at least 1 day.");
        }
        if (auditRetentionDays < 1) {
            problems.add("The audit log must be kept at least 1 day.");
        }
        return problems;
    }

    public List<String> preferredRegions(String connectionId) {
        return preferredRegions.getOrDefault(Objects.requireNonNullElse(connectionId, ""), List.of());
    }

    public Settings withPageSize(int value) {
        return new Settings(value, requestUnitLimit, queryTimeoutSeconds, retryAttempts, retryMaxWaitSeconds, theme,
                journalRetentionDays, auditRetentionDays, preferredRegions);
    }

    public Settings withRequestUnitLimit(int value) {
        return new Settings(pageSize, value, queryTimeoutSeconds, retryAttempts, retryMaxWaitSeconds, theme,
                journalRetentionDays, auditRetentionDays, preferredRegions);
    }

    public Settings withQueryTimeoutSeconds(int value) {
        return new Settings(pageSize, requestUnitLimit, value, retryAttempts, retryMaxWaitSeconds, theme,
                journalRetentionDays, auditRetentionDays, preferredRegions);
    }

    public Settings withRetryAttempts(int value) {
        return new Settings(pageSize, requestUnitLimit, queryTimeoutSeconds, value, retryMaxWaitSeconds, theme,
                journalRetentionDays, auditRetentionDays, preferredRegions);
    }

    public Settings withRetryMaxWaitSeconds(int value) {
        return new Settings(pageSize, requestUnitLimit, queryTimeoutSeconds, retryAttempts, value, theme,
                journalRetentionDays, auditRetentionDays, preferredRegions);
    }

    public Settings withTheme(String value) {
        return new Settings(pageSize, requestUnitLimit, queryTimeoutSeconds, retryAttempts, retryMaxWaitSeconds, value,
                journalRetentionDays, auditRetentionDays, preferredRegions);
    }

    public Settings withJournalRetentionDays(int value) {
        return new Settings(pageSize, requestUnitLimit, queryTimeoutSeconds, retryAttempts, retryMaxWaitSeconds, theme,
                value, auditRetentionDays, preferredRegions);
    }

    public Settings withAuditRetentionDays(int value) {
        return new Settings(pageSize, requestUnitLimit, queryTimeoutSeconds, retryAttempts, retryMaxWaitSeconds, theme,
                journalRetentionDays, value, preferredRegions);
    }

    public Settings withPreferredRegions(Map<String, List<String>> value) {
        return new Settings(pageSize, requestUnitLimit, queryTimeoutSeconds, retryAttempts, retryMaxWaitSeconds, theme,
                journalRetentionDays, auditRetentionDays, value);
    }

    /** The same settings with {@code regions} preferred by the connection {@code connectionId} (empty: none). */
    public Settings withPreferredRegions(String connectionId, List<String> regions) {
        Map<String, List<String>> all = new LinkedHashMap<>(preferredRegions);
        if (regions == null || regions.isEmpty()) {
            all.remove(connectionId);
        } else {
            all.put(connectionId, regions);
        }
        return withPreferredRegions(all);
    }
}
