package io.cosmosdesk.patch;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import reactor.core.scheduler.Schedulers;

/**
 * Reads the next pages of a query while the job patches the pages before: the job thread used to read a page only
 * once the pipeline had a free slot for the one before, so the server sat idle on reads while batches waited, and
 * the "every item matching" scope ran at a quarter to half of the raw SDK. Holds at most {@code ahead} pages (memory
 * stays bounded); a failure of the reader reaches the job thread at the page where it happened.
 */
final class PageReadAhead<T> implements AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> pages;
    private volatile boolean closed;

    private record Failure(RuntimeException error) {
    }

    /** Starts reading at once; {@code next} returns a page, or null once there are no more. */
    PageReadAhead(Supplier<List<T>> next, int ahead) {
        this.pages = new ArrayBlockingQueue<>(ahead);
        Schedulers.boundedElastic().schedule(() -> {
            try {
                for (List<T> page = next.get(); page != null && !closed; page = next.get()) {
                    put(page);
                }
                put(END);
            } catch (RuntimeException e) {
                put(new Failure(e));
            }
        });
    }

    private void put(Object page) {
        try {
            while (!closed && !pages.offer(page, 100, TimeUnit.MILLISECONDS)) {
                // the job is busy patching: wait for it to take a page, unless it stopped
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next page in order, or null when the query has no more; rethrows the reader's failure. */
    @SuppressWarnings("unchecked")
    List<T> next() {
        Object page;
        try {
            page = pages.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new io.cosmosdesk.cosmos.CosmosDeskException(io.cosmosdesk.cosmos.ErrorKind.CANCELLED);
        }
        if (page == END) {
            pages.offer(END); // a second call answers null too
            return null;
        }
        if (page instanceof Failure failure) {
            throw failure.error();
        }
        return (List<T>) page;
    }

    /** Stops the reader after the page it is reading (the job stopped early). */
    @Override
    public void close() {
        closed = true;
        pages.clear();
    }
}
