package io.cosmosdesk.query;

import java.time.Duration;

/**
 * Limits on one run: it stops once its pages have cost {@code requestUnitLimit} RU (0: no limit), and a page that
 * takes longer than {@code timeout} fails. From Settings (request-unit limit, query timeout).
 */
public record QueryGuards(double requestUnitLimit, Duration timeout) {

    public static final QueryGuards DEFAULTS = new QueryGuards(5_000, Duration.ofSeconds(60));

    public QueryGuards {
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofDays(1) : timeout;
    }
}
