package io.cosmosdesk.manage;

import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
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

    /** A container without throughput of its own cannot be given some by a replace. */
    String NONE_OF_ITS_OWN = "The container has no throughput of its own (it shares its database's, or the account"
            + " is serverless): its throughput cannot be set here.";

    /** What replacing a container's throughput asks of a control plane, once {@link #replacing} let it through. */
    enum Replacement {
        /** Nothing to send (no throughput of its own). */
        NOTHING,
        /** A new figure in the same mode. */
        FIGURE,
        /** Manual to autoscale or back: a migration (Azure Resource Manager makes it; the data plane cannot). */
        MODE_SWITCH
    }

    /** A sentence saying what is wrong, or empty. */
    Optional<String> problem();

    /**
     * The one set of checks every control plane makes before replacing a container's throughput {@code expected}
     * (as read) by this: a figure out of range is refused with its sentence, as is giving throughput to a container
     * without its own (BAD_REQUEST, nothing sent). Says what the replace then asks for.
     */
    default Replacement replacing(Throughput expected) {
        problem().ifPresent(problem -> {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, problem);
        });
        if (this instanceof None) {
            return Replacement.NOTHING;
        }
        if (expected instanceof None) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, NONE_OF_ITS_OWN);
        }
        return expected.getClass().equals(getClass()) ? Replacement.FIGURE : Replacement.MODE_SWITCH;
    }

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
