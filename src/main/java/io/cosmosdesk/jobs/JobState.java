package io.cosmosdesk.jobs;

/** Where a job is. Every state but {@link #RUNNING} is final. */
public enum JobState {
    RUNNING("Running"), DONE("Done"), FAILED("Failed"), CANCELLED("Cancelled");

    private final String label;

    JobState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean finished() {
        return this != RUNNING;
    }
}
