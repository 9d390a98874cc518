package io.cosmosdesk.query;

import java.time.Duration;

/**
 * Limits on one run: it stops once its pages have cost {@code requestUnitLimit} RU (0: no limit), and a page that
 * takes longer than {@code timeout} fails; {@code retryAttempts} is how often the client retries a throttled
 * request (for "Throttled, retrying (n/9)"). From Settings.
 */
public record QueryGuards(double requestUnitLimit, Duration timeout, int retryAttempts) {

    public static final QueryGuards DEFAULTS = new QueryGuards(5_000, Duration.ofSeconds(60), 9);

    public QueryGuards {
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofDays(1) : timeout;
    }

    public QueryGuards(double requestUnitLimit, Duration timeout) {
        this(requestUnitLimit, timeout, 9);
    }

    /** From the user's settings. */
    public static QueryGuards of(io.cosmosdesk.settings.Settings settings) {
        return new QueryGuards(settings.requestUnitLimit(), Duration.ofSeconds(settings.queryTimeoutSeconds()),
                settings.retryAttempts());
    }
}
