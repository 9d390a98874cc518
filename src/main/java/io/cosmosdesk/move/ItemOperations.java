package io.cosmosdesk.move;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosBulkItemRequestOptions;
import com.azure.cosmos.models.CosmosBulkItemResponse;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs lists of item operations against one container: through the SDK's bulk execution where it can,
 * point operations where it cannot (a MISSING partition key), retrying throttled (429) and unavailable
 * (503, timeouts, dropped connections) operations with backoff. Every operation ends with a final
 * {@link Result}; a server that stays unreachable ends the call with {@link ServerUnavailableException}.
 * Public for the other long jobs (import, copy), which write the same way.
 */
public final class ItemOperations {

    public enum Kind { CREATE, UPSERT, DELETE, READ }

    /** One operation; {@code index} ties its result back to the item in the job. */
    public record Op(int index, Kind kind, String id, PartitionKeyValue key, ObjectNode body, String ifMatch) {
        public static Op create(int index, String id, PartitionKeyValue key, ObjectNode body) {
            return new Op(index, Kind.CREATE, id, key, body, null);
        }

        public static Op upsert(int index, String id, PartitionKeyValue key, ObjectNode body) {
            return new Op(index, Kind.UPSERT, id, key, body, null);
        }

        public static Op delete(int index, String id, PartitionKeyValue key, String ifMatch) {
            return new Op(index, Kind.DELETE, id, key, null, ifMatch);
        }

        public static Op read(int index, String id, PartitionKeyValue key) {
            return new Op(index, Kind.READ, id, key, null, null);
        }
    }

    /** The final answer for one operation; {@code status} 0 with an error when it never got one. */
    public record Result(Op op, int status, String etag, ObjectNode item, double charge, Duration retryAfter,
            CosmosDeskException error) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean retryable() {
            return status == 429 || status == 503 || status == 408 || status == 449 || status == 410
                    || (status == 0 && error != null && error.kind() != ErrorKind.BAD_REQUEST);
        }

        public String reason() {
            if (error != null) {
                return error.userMessage();
            }
            return "status " + status;
        }
    }

    private static final Duration GIVE_UP_CHECK = Duration.ofMillis(100);
    /**
     * Rounds of 429s before the job stops (resumable). Each 429 reaching us already went through the SDK's own
     * throttling retries (up to 9 over 30 s), so this many rounds means the account is saturated for minutes.
     */
    static final int MAX_THROTTLED_ROUNDS = 20;

    private final CosmosAsyncContainer container;
    private final MoveTuning tuning;
    private final Consumer<String> status;
    private final Sleeper sleeper;
    /** Added to by calls on the job thread and by {@link BackgroundOperations}' thread at once. */
    private final DoubleAdder charge = new DoubleAdder();

    /** Waits between retry rounds; tests may shorten it. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public ItemOperations(CosmosAsyncContainer container, MoveTuning tuning, Consumer<String> status) {
        this(container, tuning, status, duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()));
    }

    ItemOperations(CosmosAsyncContainer container, MoveTuning tuning, Consumer<String> status, Sleeper sleeper) {
        this.container = container;
        this.tuning = tuning;
        this.status = status;
        this.sleeper = sleeper;
    }

    /** Request units charged so far. */
    public double charge() {
        return charge.sum();
    }

    /** Runs every operation to a final result, in the order given. */
    public List<Result> run(List<Op> ops) {
        return run(ops, status, () -> false);
    }

    /**
     * As {@link #run(List)}, telling retry waits to {@code statusLines}; once {@code giveUp} says so, a call
     * that would start another retry round throws {@link CancellationException} instead.
     */
    public List<Result> run(List<Op> ops, Consumer<String> statusLines, BooleanSupplier giveUp) {
        Map<Op, Result> finals = new HashMap<>();
        Rounds rounds = new Rounds(ops, tuning.backoffBase());
        // one round runs every pending operation; Reactor's Retry runs the next round after the wait, until the
        // rounds allowed are used up. All of it on this thread: the pause below is the only wait.
        Mono.fromRunnable(() -> rounds.runOnce(finals))
                .retryWhen(Retry.from(signals -> signals.map(signal -> {
                    if (!(signal.failure() instanceof RetryRound round)) {
                        throw Exceptions.propagate(signal.failure());
                    }
                    prepareNextRound(rounds, round, statusLines);
                    pause(round.delay(), giveUp);
                    if (giveUp.getAsBoolean()) {
                        throw new CancellationException("The job stopped; " + rounds.pending.size()
                                + " operations were not retried.");
                    }
                    return signal;
                })))
                .block();
        List<Result> ordered = new ArrayList<>(ops.size());
        for (Op op : ops) {
            ordered.add(finals.get(op));
        }
        return ordered;
    }

    /** Where the retry rounds of one {@link #run} stand. */
    private final class Rounds {
        List<Op> pending;
        int throttled;
        int unavailable;
        Duration backoff;

        Rounds(List<Op> ops, Duration backoff) {
            this.pending = ops;
            this.backoff = backoff;
        }

        /** Runs the pending operations; throws {@link RetryRound} when some are worth another round. */
        void runOnce(Map<Op, Result> finals) {
            if (pending.isEmpty()) {
                return;
            }
            List<Op> again = new ArrayList<>();
            Duration wait = Duration.ZERO;
            boolean wasThrottled = false;
            CosmosDeskException lastUnavailable = null;
            for (Result result : execute(pending)) {
                charge.add(result.charge());
                if (!result.retryable()) {
                    finals.put(result.op(), result);
                    continue;
                }
                again.add(result.op());
                if (result.status() == 429) {
                    wasThrottled = true;
                    wait = max(wait, result.retryAfter() == null ? tuning.backoffBase() : result.retryAfter());
                } else {
                    lastUnavailable = result.error() != null ? result.error()
                            : new CosmosDeskException(ErrorKind.UNREACHABLE, ErrorKind.UNREACHABLE.defaultSentence(),
                                    result.status(), 0, null, 0, null);
                }
            }
            pending = again;
            if (!again.isEmpty()) {
                throw new RetryRound(wait, wasThrottled, lastUnavailable);
            }
        }
    }

    /** Counts the round and works out its wait; throws {@link ServerUnavailableException} when none is left. */
    private void prepareNextRound(Rounds rounds, RetryRound round, Consumer<String> statusLines) {
        if (round.lastUnavailable() != null) {
            rounds.unavailable++;
            if (rounds.unavailable > tuning.maxUnavailableRounds()) {
                throw new ServerUnavailableException(round.lastUnavailable());
            }
            round.delayAtLeast(rounds.backoff);
            rounds.backoff = min(rounds.backoff.multipliedBy(2), tuning.backoffMax());
            statusLines.accept("Server unavailable — retrying in " + seconds(round.delay()) + " ("
                    + rounds.unavailable + "/" + tuning.maxUnavailableRounds() + ")…");
        } else if (round.throttled()) {
            rounds.throttled++;
            if (rounds.throttled > MAX_THROTTLED_ROUNDS) {
                throw new ServerUnavailableException(new CosmosDeskException(ErrorKind.THROTTLED,
                        ErrorKind.THROTTLED.defaultSentence(), 429, 0, null, 0, null));
            }
            statusLines.accept("Throttled — retrying (" + rounds.throttled + "/" + MAX_THROTTLED_ROUNDS + ")…");
        }
    }

    /** Some operations of a round are worth another: throttled (429) or the server unavailable. */
    private static final class RetryRound extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private Duration delay;
        private final boolean throttled;
        private final transient CosmosDeskException lastUnavailable;

        RetryRound(Duration delay, boolean throttled, CosmosDeskException lastUnavailable) {
            super(null, null, false, false);
            this.delay = delay;
            this.throttled = throttled;
            this.lastUnavailable = lastUnavailable;
        }

        Duration delay() {
            return delay;
        }

        void delayAtLeast(Duration other) {
            delay = max(delay, other);
        }

        boolean throttled() {
            return throttled;
        }

        CosmosDeskException lastUnavailable() {
            return lastUnavailable;
        }
    }

    /**
     * Waits even when the thread was interrupted (a cancelled task): spinning would only hammer the server.
     * Looks at {@code giveUp} every {@link #GIVE_UP_CHECK}, so a stopped job is not held up by a long backoff.
     */
    private void pause(Duration wait, BooleanSupplier giveUp) {
        boolean interrupted = Thread.interrupted();
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (!giveUp.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    sleeper.sleep(Duration.ofNanos(Math.min(left, GIVE_UP_CHECK.toNanos())));
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

    private List<Result> execute(List<Op> ops) {
        List<Op> bulk = new ArrayList<>();
        List<Op> point = new ArrayList<>();
        for (Op op : ops) {
            // the SDK's bulk cannot address an item whose partition key is absent
            (op.key().hasMissing() ? point : bulk).add(op);
        }
        List<Result> results = new ArrayList<>(ops.size());
        if (!bulk.isEmpty()) {
            results.addAll(executeBulk(bulk));
        }
        if (!point.isEmpty()) {
            results.addAll(executePoint(point));
        }
        return results;
    }

    private List<Result> executeBulk(List<Op> ops) {
        List<CosmosItemOperation> operations = new ArrayList<>(ops.size());
        for (Op op : ops) {
            operations.add(switch (op.kind()) {
                case CREATE -> CosmosBulkOperations.getCreateItemOperation(op.body(), op.key().toPartitionKey(),
                        new CosmosBulkItemRequestOptions(), op);
                case UPSERT -> CosmosBulkOperations.getUpsertItemOperation(op.body(), op.key().toPartitionKey(),
                        new CosmosBulkItemRequestOptions(), op);
                case DELETE -> CosmosBulkOperations.getDeleteItemOperation(op.id(), op.key().toPartitionKey(),
                        op.ifMatch() == null ? new CosmosBulkItemRequestOptions()
                                : new CosmosBulkItemRequestOptions().setIfMatchETag(op.ifMatch()), op);
                case READ -> CosmosBulkOperations.getReadItemOperation(op.id(), op.key().toPartitionKey(), op);
            });
        }
        List<CosmosBulkOperationResponse<Object>> responses;
        try {
            responses = blockWithoutInterrupt(container.executeBulkOperations(Flux.fromIterable(operations))
                    .collectList());
        } catch (RuntimeException e) {
            CosmosDeskException error = CosmosErrors.classify(e);
            List<Result> all = new ArrayList<>();
            for (Op op : ops) {
                all.add(new Result(op, statusOf(e), null, null, 0, null, error));
            }
            return all;
        }
        Map<Op, Result> byOp = new HashMap<>();
        for (CosmosBulkOperationResponse<Object> response : responses) {
            Op op = response.getOperation().getContext();
            CosmosBulkItemResponse item = response.getResponse();
            if (item != null) {
                ObjectNode body = op.kind() == Kind.READ && item.isSuccessStatusCode()
                        ? item.getItem(ObjectNode.class) : null;
                byOp.put(op, new Result(op, item.getStatusCode(), item.getETag(), body, item.getRequestCharge(),
                        item.getRetryAfterDuration(), null));
            } else {
                Throwable failure = response.getException();
                byOp.put(op, new Result(op, statusOf(failure), null, null, 0, null, CosmosErrors.classify(failure)));
            }
        }
        List<Result> results = new ArrayList<>(ops.size());
        for (Op op : ops) {
            Result result = byOp.get(op);
            results.add(result != null ? result : new Result(op, 0, null, null, 0, null,
                    new CosmosDeskException(ErrorKind.UNREACHABLE, "No answer for this operation.")));
        }
        return results;
    }

    private List<Result> executePoint(List<Op> ops) {
        return blockWithoutInterrupt(Flux.fromIterable(ops)
                .flatMapSequential(this::point, tuning.pointConcurrency())
                .collectList());
    }

    private Mono<Result> point(Op op) {
        Mono<Result> call = switch (op.kind()) {
            case CREATE -> container.createItem(op.body(), op.key().toPartitionKey(), new CosmosItemRequestOptions())
                    .map(r -> new Result(op, r.getStatusCode(), r.getETag(), null, r.getRequestCharge(), null, null));
            case UPSERT -> container.upsertItem(op.body(), op.key().toPartitionKey(), new CosmosItemRequestOptions())
                    .map(r -> new Result(op, r.getStatusCode(), r.getETag(), null, r.getRequestCharge(), null, null));
            case DELETE -> container.deleteItem(op.id(), op.key().toPartitionKey(),
                            op.ifMatch() == null ? new CosmosItemRequestOptions()
                                    : new CosmosItemRequestOptions().setIfMatchETag(op.ifMatch()))
                    .map(r -> new Result(op, r.getStatusCode(), null, null, r.getRequestCharge(), null, null));
            case READ -> container.readItem(op.id(), op.key().toPartitionKey(), ObjectNode.class)
                    .map(r -> new Result(op, r.getStatusCode(), r.getETag(), r.getItem(), r.getRequestCharge(), null,
                            null));
        };
        return call.onErrorResume(e -> Mono.just(failed(op, e)));
    }

    private static Result failed(Op op, Throwable e) {
        Throwable error = CosmosErrors.unwrap(e);
        if (error instanceof CosmosException cosmos && cosmos.getStatusCode() > 0) {
            return new Result(op, cosmos.getStatusCode(), null, null, cosmos.getRequestCharge(),
                    cosmos.getRetryAfterDuration(), CosmosErrors.classify(cosmos));
        }
        return new Result(op, 0, null, null, 0, null, CosmosErrors.classify(error));
    }

    private static int statusOf(Throwable e) {
        Throwable error = e == null ? null : CosmosErrors.unwrap(e);
        return error instanceof CosmosException cosmos ? cosmos.getStatusCode() : 0;
    }

    /**
     * Blocks for the answer even when the thread is interrupted (a cancelled task): the operations are
     * already on their way, and the journal must record how they ended.
     */
    private static <T> T blockWithoutInterrupt(Mono<T> mono) {
        java.util.concurrent.CompletableFuture<T> future = mono.toFuture();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (java.util.concurrent.ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String seconds(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : (d.toMillis() + 500) / 1000 + " s";
    }
}
