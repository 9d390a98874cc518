package io.cosmosdesk.patch;

import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps a few batches of a bulk patch in flight at once: each batch (journal its before-images and sync, send,
 * journal its answers) runs on Reactor's boundedElastic pool, the pool meant for blocking work beside the SDK's,
 * while the job thread reads the next page. Waiting for one batch's answers before even journaling the next left
 * the server idle between batches (a third of the raw SDK's rate in PatchBenchmark).
 */
final class PatchPipeline {

    /** One batch's work; returns the sentence that stops the job, or null. */
    interface BatchWork {
        String run() throws Exception;
    }

    private final Semaphore slots;
    private final List<CompletableFuture<String>> running = new ArrayList<>();
    private volatile String stopped;

    PatchPipeline(int depth) {
        this.slots = new Semaphore(depth);
    }

    /** Starts {@code work} once a slot is free; rethrows the failure of a batch that ended before. */
    void submit(BatchWork work) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CosmosDeskException(ErrorKind.CANCELLED, ErrorKind.CANCELLED.defaultSentence());
        }
        rethrowFailures(false);
        running.add(Mono.fromCallable(work::run)
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(sentence -> stopped = sentence)
                .doFinally(signal -> slots.release())
                .toFuture());
    }

    /** Why a batch said the job should stop, or null. */
    String stopped() {
        return stopped;
    }

    /** Waits for every batch; rethrows the first failure (an Error as itself). */
    void awaitAll() {
        rethrowFailures(true);
    }

    private void rethrowFailures(boolean wait) {
        for (CompletableFuture<String> batch : new ArrayList<>(running)) {
            if (!wait && !batch.isDone()) {
                continue;
            }
            try {
                blockUninterruptibly(batch);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (wait) {
                    // the others still finish (their answers are journaled) before the failure is reported
                    running.forEach(other -> {
                        try {
                            blockUninterruptibly(other);
                        } catch (ExecutionException ignored) {
                            // reported through the first one
                        }
                    });
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(cause);
            }
            running.remove(batch);
        }
    }

    private static void blockUninterruptibly(CompletableFuture<String> batch) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    batch.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
