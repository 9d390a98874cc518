package io.cosmosdesk.ui;

/** A started task, as its starter sees it. */
public interface TaskHandle {

    /**
     * Asks the task to stop. The task's work sees {@link TaskContext#isCancelled()} turn true and its
     * thread is interrupted; neither its success nor its failure callback runs afterwards, only its
     * cancel callback.
     */
    void cancel();

    boolean isCancelled();

    boolean isDone();

    /** A handle for nothing, to initialise fields with. */
    TaskHandle NONE = new TaskHandle() {
        @Override
        public void cancel() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }
    };
}
