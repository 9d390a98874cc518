package io.cosmosdesk.query;

import java.time.Duration;

/**
 * Limits on one run: it stops once its pages have cost {@code requestUnitLimit} RU (0: no limit), and a page that
 * takes longer than {@code timeout} fails; a throttled page is retried {@code retryAttempts} times, waiting at most
 * {@code retryMaxWait} in all ("Throttled, retrying (n/9)"). From Settings.
 */
public record QueryGuards(double requestUnitLimit, Duration timeout, int retryAttempts, Duration retryMaxWait) {

    public static final QueryGuards DEFAULTS = new QueryGuards(5_000, Duration.ofSeconds(60), 9);

    public QueryGuards {
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofDays(1) : timeout;
        retryMaxWait = retryMaxWait == null || retryMaxWait.isNegative() ? Duration.ofSeconds(30) : retryMaxWait;
    }

    /** @param retryAttempts retries of a throttled page, waiting at most 30 s in all */
    public QueryGuards(double requestUnitLimit, Duration timeout, int retryAttempts) {
        this(requestUnitLimit, timeout, retryAttempts, Duration.ofSeconds(30));
    }

    public QueryGuards(double requestUnitLimit, Duration timeout) {
        this(requestUnitLimit, timeout, 9);
    }

    /** From the user's settings. */
    public static QueryGuards of(io.cosmosdesk.settings.Settings settings) {
        return new QueryGuards(settings.requestUnitLimit(), Duration.ofSeconds(settings.queryTimeoutSeconds()),
                settings.retryAttempts(), Duration.ofSeconds(settings.retryMaxWaitSeconds()));
    }
}
