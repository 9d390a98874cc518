package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.audit.Write;
import io.cosmosdesk.audit.WriteResult;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
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
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Runs lists of item operations against one container: through the SDK's bulk execution where it can,
 * point operations where it cannot (a MISSING partition key), retrying throttled (429) and unavailable
 * (503, timeouts, dropped connections) operations with backoff. Every operation ends with a final
 * {@link Result}; a server that stays unreachable ends the call with {@link ServerUnavailableException}.
 */
public final class ItemOperations {

    public enum Kind { CREATE, UPSERT, DELETE, READ }

    /**
     * One operation; {@code index} ties its result back to the item in the job. {@code purpose} is how a write is
     * recorded in the audit log, {@code body} what a create writes or, for a delete, the item being deleted (the
     * log's "before").
     */
    public record Op(int index, Kind kind, String id, PartitionKeyValue key, ObjectNode body, String ifMatch,
            AuditOperation purpose) {
        public static Op create(int index, String id, PartitionKeyValue key, ObjectNode body, AuditOperation purpose) {
            return new Op(index, Kind.CREATE, id, key, body, null, purpose);
        }

        /** Import and copy in upsert mode (the log's "before" is not known: the item may not exist). */
        public static Op upsert(int index, String id, PartitionKeyValue key, ObjectNode body, AuditOperation purpose) {
            return new Op(index, Kind.UPSERT, id, key, body, null, purpose);
        }

        public static Op delete(int index, String id, PartitionKeyValue key, String ifMatch, ObjectNode deleted,
                AuditOperation purpose) {
            return new Op(index, Kind.DELETE, id, key, deleted, ifMatch, purpose);
        }

        public static Op read(int index, String id, PartitionKeyValue key) {
            return new Op(index, Kind.READ, id, key, null, null, null);
        }

        Write<Op> write() {
            return switch (kind) {
                case CREATE -> Write.create(purpose, id, key, body, this);
                case UPSERT -> Write.upsert(purpose, id, key, body, null, this);
                case DELETE -> Write.delete(purpose, id, key, ifMatch, body, this);
                case READ -> Write.read(id, key, this);
            };
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

    private final AuditedWrites writes;
    private final ContainerHandle handle;
    private final String job;
    private final MoveTuning tuning;
    private final Consumer<String> status;
    private final Sleeper sleeper;
    /** Added to by calls on the job thread and by {@link BackgroundOperations}' thread at once. */
    private final DoubleAdder charge = new DoubleAdder();

    /** Waits between retry rounds; tests may shorten it. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** {@code job}: the move's job id, which ties its entries together in the audit log. */
    public ItemOperations(AuditedWrites writes, ContainerHandle handle, String job, MoveTuning tuning,
            Consumer<String> status) {
        this(writes, handle, job, tuning, status, duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()));
    }

    ItemOperations(AuditedWrites writes, ContainerHandle handle, String job, MoveTuning tuning,
            Consumer<String> status, Sleeper sleeper) {
        this.writes = writes;
        this.handle = handle;
        this.job = job;
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

    /** Through the audited door: every write of a move is in the audit log before the journal records it. */
    private List<Result> executeBulk(List<Op> ops) {
        return results(writes.bulk(handle, ops.stream().map(Op::write).toList(), job));
    }

    private List<Result> executePoint(List<Op> ops) {
        return results(writes.each(handle, ops.stream().map(Op::write).toList(), tuning.pointConcurrency(),
                () -> false, result -> { }, job));
    }

    /**
     * Records writes of this job that the server applied but whose answers were lost, found again by recovery:
     * {@code ops[i]} ended with {@code statuses[i]} and left {@code etags[i]} (null for a delete). See
     * {@link AuditedWrites#recordRecovered}; nothing is sent.
     */
    public int recordRecovered(List<Op> ops, List<Integer> statuses, List<String> etags) {
        List<WriteResult<Op>> found = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            found.add(new WriteResult<>(ops.get(i).write(), statuses.get(i), etags.get(i), null, 0, null, null));
        }
        return writes.recordRecovered(handle, found, job);
    }

    private static List<Result> results(List<WriteResult<Op>> answers) {
        List<Result> results = new ArrayList<>(answers.size());
        for (WriteResult<Op> answer : answers) {
            results.add(new Result(answer.write().context(), answer.status(), answer.etag(), answer.item(),
                    answer.charge(), answer.retryAfter(), answer.ok() ? null : answer.error()));
        }
        return results;
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
