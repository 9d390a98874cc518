package io.cosmosdesk.jobs;

import java.nio.file.Path;

/**
 * What a finished job shows: one sentence, and the file it made (an export) or its report (an import), if any.
 *
 * @param file shown as a link that opens its folder; null when there is none
 */
public record JobOutcome(String summary, Path file) {

    public static JobOutcome of(String summary) {
        return new JobOutcome(summary, null);
    }
}
