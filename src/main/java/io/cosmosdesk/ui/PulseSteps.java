package io.cosmosdesk.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.animation.AnimationTimer;

/**
 * Work for the FX thread spread over pulses: one step runs per pulse (frame), first in first out, so a screen that
 * must create many nodes shows them over a few frames instead of one long stall. New nodes cost their styling and
 * skins in the pulse after they join the scene; a step that adds a bounded number of them bounds that pulse.
 * FX thread only. A step may add further steps (a long job continuing on the next pulse).
 */
public final class PulseSteps {

    private final Deque<Runnable> steps = new ArrayDeque<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            Runnable step = steps.poll();
            if (step == null) {
                stop();
                running = false;
                return;
            }
            step.run();
        }
    };
    private boolean running;

    /** Queues a step for a coming pulse. */
    public void add(Runnable step) {
        steps.add(step);
        if (!running) {
            running = true;
            timer.start();
        }
    }

    /** Drops the steps not run yet (a newer state made them pointless). */
    public void clear() {
        steps.clear();
    }

    /** True when every queued step has run. */
    public boolean isIdle() {
        return steps.isEmpty();
    }
}
