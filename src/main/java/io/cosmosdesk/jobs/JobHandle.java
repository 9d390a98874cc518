package io.cosmosdesk.jobs;

import java.nio.file.Path;

/**
 * For a feature that runs a long job its own way (a move, a bulk delete) and wants it in the Jobs panel: it tells
 * the panel how the job goes. Call on the FX thread (from the task's callbacks).
 */
public interface JobHandle {

    /** Reports to no one (see {@link JobTracker#NONE}); its {@link #job()} is null. */
    JobHandle NONE = new JobHandle() {
        @Override
        public Job job() {
            return null;
        }

        @Override
        public void progress(double fraction, String status) {
        }

        @Override
        public void succeeded(JobOutcome outcome) {
        }

        @Override
        public void failed(String sentence, Path report) {
        }

        @Override
        public void cancelled(String sentence) {
        }
    };

    Job job();

    /** {@code fraction} in [0, 1], negative while unknown; {@code status} a short line (items, rate, time left). */
    void progress(double fraction, String status);

    void succeeded(JobOutcome outcome);

    /** {@code sentence}: what went wrong, for the user. */
    void failed(String sentence, Path report);

    void cancelled(String sentence);
}
