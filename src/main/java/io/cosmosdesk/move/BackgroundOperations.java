package io.cosmosdesk.move;

import io.cosmosdesk.move.ItemOperations.Op;
import io.cosmosdesk.move.ItemOperations.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs {@link ItemOperations#run} calls in the background, so that the server works on one batch while
 * the job thread journals another. Only the job thread touches the journal and the job's state: it collects a
 * call's results with {@link #await}, and the status lines a background call reports (retry waits) are handed
 * to it there. {@link #close} waits for every call still running, so nothing writes to the server once a job
 * has returned (or "crashed", in the tests).
 */
final class BackgroundOperations implements AutoCloseable {

    /** A call started by {@link #start}. */
    static final class Call {
        private final CompletableFuture<List<Result>> results;

        private Call(CompletableFuture<List<Result>> results) {
            this.results = results;
        }
    }

    /** Wakes {@link #await}: some call ended. */
    private static final String CALL_ENDED = "";

    private final ItemOperations ops;
    private final Consumer<String> status;
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<Call> running = new ArrayList<>();
    private volatile boolean stopping;

    /** {@code status}: where status lines go, on the job thread. */
    BackgroundOperations(ItemOperations ops, Consumer<String> status) {
        this.ops = ops;
        this.status = status;
    }

    /**
     * Starts {@code operations} in the background: on Reactor's bounded elastic scheduler, the pool meant for
     * blocking work beside the SDK's own, so the move starts no threads of its own (the job itself runs
     * through the TaskRunner).
     */
    Call start(List<Op> operations) {
        CompletableFuture<List<Result>> results = Mono.fromCallable(
                        () -> ops.run(operations, events::add, () -> stopping))
                .subscribeOn(Schedulers.boundedElastic())
                .toFuture();
        results.whenComplete((r, e) -> events.add(CALL_ENDED));
        Call call = new Call(results);
        running.add(call);
        return call;
    }

    /**
     * Waits for {@code call}'s results (in the order its operations were given), passing on status lines
     * meanwhile. Like {@link ItemOperations#run} it waits even when the thread is interrupted: the
     * operations are on their way, and the journal must record how they ended. Throws what the call threw.
     */
    List<Result> await(Call call) {
        boolean interrupted = false;
        try {
            while (!call.results.isDone()) {
                try {
                    String line = events.take();
                    if (!line.equals(CALL_ENDED)) {
                        status.accept(line);
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        running.remove(call);
        try {
            return call.results.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Stops retrying and waits for the calls still running, ignoring how they end: the job is stopping (an
     * error, a crash, or simply its end), and recovery reads the server, not these answers.
     */
    @Override
    public void close() {
        stopping = true;
        boolean interrupted = false;
        for (Call call : running) {
            while (true) {
                try {
                    call.results.handle((r, e) -> null).get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    break;
                }
            }
        }
        running.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
