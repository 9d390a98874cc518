package io.cosmosdesk.manage;

import java.util.Optional;

/**
 * Throughput to provision with a new database or container: none (serverless accounts, or a container in a database
 * with shared throughput), manual RU/s, or autoscale with a maximum.
 */
public sealed interface Throughput {

    int MANUAL_MINIMUM = 400;
    int MANUAL_STEP = 100;
    int AUTOSCALE_MINIMUM = 1000;
    int AUTOSCALE_STEP = 1000;
    int MAXIMUM = 1_000_000;

    /** A sentence saying what is wrong, or empty. */
    Optional<String> problem();

    record None() implements Throughput {
        @Override
        public Optional<String> problem() {
            return Optional.empty();
        }
    }

    record Manual(int requestUnits) implements Throughput {
        @Override
        public Optional<String> problem() {
            if (requestUnits < MANUAL_MINIMUM) {
                return Optional.of("Manual throughput starts at " + MANUAL_MINIMUM + " RU/s.");
            }
            if (requestUnits > MAXIMUM) {
                return Optional.of("Manual throughput above " + String.format("%,d", MAXIMUM)
                        + " RU/s needs a support request.");
            }
            if (requestUnits % MANUAL_STEP != 0) {
                return Optional.of("Manual throughput goes in steps of " + MANUAL_STEP + " RU/s (e.g. "
                        + (requestUnits / MANUAL_STEP * MANUAL_STEP + MANUAL_STEP) + ").");
            }
            return Optional.empty();
        }
    }

    record Autoscale(int maxRequestUnits) implements Throughput {
        @Override
        public Optional<String> problem() {
            if (maxRequestUnits < AUTOSCALE_MINIMUM) {
                return Optional.of("Autoscale's maximum starts at " + String.format("%,d", AUTOSCALE_MINIMUM)
                        + " RU/s (it scales between 10% of the maximum and the maximum).");
            }
            if (maxRequestUnits > MAXIMUM) {
                return Optional.of("Autoscale maximums above " + String.format("%,d", MAXIMUM)
                        + " RU/s need a support request.");
            }
            if (maxRequestUnits % AUTOSCALE_STEP != 0) {
                return Optional.of("Autoscale's maximum goes in steps of " + String.format("%,d", AUTOSCALE_STEP)
                        + " RU/s.");
            }
            return Optional.empty();
        }
    }
}
