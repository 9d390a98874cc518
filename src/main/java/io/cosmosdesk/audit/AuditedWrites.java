package io.cosmosdesk.audit;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkItemResponse;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosItemResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one door to Cosmos DB's item writes (create, replace, upsert, delete, bulk): every write CosmosDesk makes
 * passes here, and each is recorded in the {@link AuditLog} before the caller learns how it ended, so nothing
 * the UI reports as done is missing from the log. Refused writes (read-only connection, an audit log that
 * cannot be written, a caller's own refusal through {@link #refused}) are recorded as such, and failed ones with
 * their error kind. {@code LayerRulesTest} proves no other class calls the SDK's write methods.
 *
 * <p>Single-item methods block and throw the SDK's failure (after recording it) for the caller to map; the
 * many-item ones ({@link #bulk}, {@link #each}) never throw for a write's failure: each {@link WriteResult} says
 * how it ended. Call them off the UI thread.
 */
public final class AuditedWrites {

    /** Entries of a many-item call are appended (and synced) at least this often. */
    static final int CHUNK = 100;
    /** A delete of "whatever version" re-reads this many times at most when the item keeps changing. */
    private static final int READ_THEN_DELETE_ATTEMPTS = 3;

    private final AuditLog log;
    private final AuditEntries entries;
    private final BatchRecorder batches;

    /** Whether entries are written: always, except for a benchmark's baseline (see the package-private ctor). */
    private final boolean recording;

    public AuditedWrites(AuditLog log) {
        this(log, true);
    }

    /**
     * {@code recording} false writes nothing to the log: only for the benchmark that measures what the audit log
     * costs (MoveBenchmark's baseline), from this package's test sources; the app never builds one.
     */
    AuditedWrites(AuditLog log, boolean recording) {
        this.log = log;
        this.recording = recording;
        this.entries = new AuditEntries(log, System.getProperty("user.name", ""));
        this.batches = new BatchRecorder(log, entries);
    }

    public AuditLog log() {
        return log;
    }

    private void record(AuditEntry entry) {
        if (recording) {
            log.append(entry);
        }
    }

    private void record(List<AuditEntry> recorded) {
        if (recording) {
            log.append(recorded);
        }
    }

    /**
     * Starts serialising a batch's bodies before it is sent; null when nothing of it is recorded. A job's entries
     * are appended and synced before the call returns, like any other: the job journals how its writes ended as
     * soon as it learns it, and a crash right after must not leave a write the server applied without its entry
     * (queueing them for a writer thread could; see AuditTrailIT and MoveAuditIT).
     */
    private <T> CompletableFuture<List<AuditLines.Ahead>> recordAhead(ContainerHandle handle, List<Write<T>> sent,
            String job) {
        return recording && sent.stream().anyMatch(write -> write.kind() != Write.Kind.READ)
                ? batches.ahead(handle, sent, job) : null;
    }

    private <T> void recordBatch(ContainerHandle handle, List<Write<T>> sent,
            CompletableFuture<List<AuditLines.Ahead>> ahead, List<WriteResult<T>> done, String job) {
        if (ahead != null) {
            batches.record(handle, sent, ahead, done, job);
        }
    }

    /** Kept for jobs that call it before they report: every batch's entries are on disk when its call returns. */
    public void flush() {
        log.flush();
    }

    // ---- One item

    /** Creates {@code body}; returns the server's answer (content on write asked for). */
    public CosmosItemResponse<ObjectNode> create(ContainerHandle handle, AuditOperation operation, ObjectNode body,
            PartitionKeyValue key) {
        Write<Void> write = Write.create(operation, idOf(body), key, body, null);
        requireAllowed(handle, write, null);
        return single(handle, write, () -> handle.container().createItem(body, key.toPartitionKey(), WriteRequests.options(null)));
    }

    /**
     * Replaces the item with {@code body}, only if it still has {@code ifMatch}. {@code before} is the version the
     * ETag belongs to, as the caller has it; null makes this read it first, so the log still says what was replaced.
     */
    public CosmosItemResponse<ObjectNode> replace(ContainerHandle handle, AuditOperation operation, ObjectNode body,
            PartitionKeyValue key, String ifMatch, ObjectNode before) {
        String id = idOf(body);
        requireAllowed(handle, Write.replace(operation, id, key, body, ifMatch, before, null), null);
        ObjectNode known = before != null ? before : WriteRequests.readVersion(handle, id, key, ifMatch);
        Write<Void> write = Write.replace(operation, id, key, body, ifMatch, known, null);
        return single(handle, write, () -> handle.container().replaceItem(body, id, key.toPartitionKey(),
                WriteRequests.options(ifMatch)));
    }

    /** Creates or replaces {@code body} (imports and copies that were asked to); {@code before} as for replace. */
    public CosmosItemResponse<ObjectNode> upsert(ContainerHandle handle, AuditOperation operation, ObjectNode body,
            PartitionKeyValue key, ObjectNode before) {
        Write<Void> write = Write.upsert(operation, idOf(body), key, body, before, null);
        requireAllowed(handle, write, null);
        return single(handle, write, () -> handle.container().upsertItem(body, key.toPartitionKey(), WriteRequests.options(null)));
    }

    /** Deletes the item, only if it still has {@code ifMatch} (when given); {@code before} as for replace. */
    public void delete(ContainerHandle handle, AuditOperation operation, String id, PartitionKeyValue key,
            String ifMatch, ObjectNode before) {
        requireAllowed(handle, Write.delete(operation, id, key, ifMatch, before, null), null);
        ObjectNode known = before != null ? before : WriteRequests.readVersion(handle, id, key, ifMatch);
        Write<Void> write = Write.delete(operation, id, key, ifMatch, known, null);
        single(handle, write, () -> handle.container().deleteItem(id, key.toPartitionKey(), WriteRequests.options(ifMatch)));
    }

    /**
     * Records a write the caller refused before sending it (too large, no id, no ETag) and returns {@code why}
     * for the caller to throw.
     */
    public CosmosDeskException refused(ContainerHandle handle, Write<?> write, CosmosDeskException why) {
        record(entries.refused(handle, write, why, null));
        return why;
    }

    /** {@link #refused} for several writes refused at once (one append and sync for all). */
    public void refusedAll(ContainerHandle handle, List<? extends Write<?>> attempted, CosmosDeskException why) {
        record(attempted.stream().map(write -> entries.refused(handle, write, why, null)).toList());
    }

    /** The message of an entry recorded on a job's recovery rather than when the write's answer came. */
    public static final String RECORDED_ON_RECOVERY = "Recorded when the job was resumed: this write reached Cosmos "
            + "DB, but its answer was lost (the app stopped or the connection dropped before it came).";

    /**
     * Writes of {@code job} that the server applied but whose answers never came (a crash, a dropped connection),
     * found again by the job's recovery (its copy in the target with the job's content, its source gone): recorded
     * now as done, marked {@link #RECORDED_ON_RECOVERY}, unless the log already has that write's entry (the crash
     * came after the entry was written but before the job journaled it). Returns how many were recorded.
     */
    public <T> int recordRecovered(ContainerHandle handle, List<WriteResult<T>> found, String job) {
        if (!recording || found.isEmpty()) {
            return 0;
        }
        return batches.recordRecovered(handle, found, job);
    }

    @FunctionalInterface
    private interface Call<R> {
        Mono<CosmosItemResponse<R>> start();
    }

    /** Sends one write the caller has checked with {@link #requireAllowed}, and records how it ended. */
    private <R> CosmosItemResponse<R> single(ContainerHandle handle, Write<Void> write, Call<R> call) {
        CosmosItemResponse<R> response;
        try {
            response = call.start().block();
        } catch (RuntimeException e) {
            record(entries.failed(handle, write, CosmosErrors.classify(e), WriteRequests.statusOf(e), null));
            throw e;
        }
        if (response == null) {
            CosmosDeskException none = new CosmosDeskException(ErrorKind.UNKNOWN, "Cosmos DB returned no answer.");
            record(entries.failed(handle, write, none, 0, null));
            throw none;
        }
        Object item = response.getItem();
        record(entries.ok(handle, write, response.getStatusCode(), response.getETag(),
                item instanceof ObjectNode node ? node : null, null));
        return response;
    }

    /** Read-only connections and an unwritable audit log refuse a write before anything is sent; recorded. */
    private void requireAllowed(ContainerHandle handle, Write<?> write, String job) {
        try {
            handle.connection().requireWritable();
            log.requireWritable();
        } catch (CosmosDeskException refused) {
            record(entries.refused(handle, write, refused, job));
            throw refused;
        }
    }

    // ---- Server-side scripts: not items, recorded all the same (the log's id is the script's)

    /**
     * A change of a stored procedure, trigger or user-defined function: refused on read-only connections, sent by
     * {@code call}, recorded with how it ended. {@code write}'s key is empty; its body is the definition.
     */
    public <R> R scriptChange(ContainerHandle handle, Write<Void> write, java.util.function.Supplier<R> call) {
        requireAllowed(handle, write, null);
        R result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            record(entries.failed(handle, write, CosmosErrors.classify(e), WriteRequests.statusOf(e), null));
            throw e;
        }
        record(entries.ok(handle, write, write.kind() == Write.Kind.CREATE ? 201 : 200, null, null, null));
        return result;
    }

    /**
     * Runs a stored procedure in the partition {@code key}: it can write items, so read-only connections refuse it
     * here, and it is recorded (id, key, parameters) before the caller learns the outcome.
     */
    public com.azure.cosmos.models.CosmosStoredProcedureResponse executeStoredProcedure(ContainerHandle handle,
            String id, PartitionKeyValue key, List<Object> parameters, boolean scriptLog) {
        ObjectNode body = io.cosmosdesk.json.Json.MAPPER.createObjectNode();
        body.set("parameters", io.cosmosdesk.json.Json.MAPPER.valueToTree(parameters));
        Write<Void> write = Write.create(AuditOperation.SCRIPT_EXECUTE, id, key, body, null);
        return scriptChange(handle, write, () -> handle.container().getScripts().getStoredProcedure(id)
                .execute(parameters, new com.azure.cosmos.models.CosmosStoredProcedureRequestOptions()
                        .setPartitionKey(key.toPartitionKey()).setScriptLoggingEnabled(scriptLog))
                .block());
    }

    // ---- Many items

    /**
     * Runs {@code writes} (and reads) through the SDK's bulk execution, in chunks; returns one result per write,
     * in the order given. Blocks until every answer is in, even when the thread is interrupted: the operations
     * are on their way, and callers such as the move journal must record how they ended.
     *
     * @param job ties the entries together in the log (a move's job id), or null
     */
    public <T> List<WriteResult<T>> bulk(ContainerHandle handle, List<Write<T>> writes, String job) {
        List<WriteResult<T>> results = new ArrayList<>(writes.size());
        List<Write<T>> allowed = allowed(handle, writes, job, results);
        if (allowed.isEmpty()) {
            return results;
        }
        CosmosAsyncContainer container = handle.container();
        List<CosmosItemOperation> operations = new ArrayList<>(allowed.size());
        for (Write<T> write : allowed) {
            operations.add(WriteRequests.bulkOperation(write));
        }
        CompletableFuture<List<AuditLines.Ahead>> ahead = recordAhead(handle, allowed, job);
        Map<Write<T>, WriteResult<T>> byWrite = new java.util.IdentityHashMap<>();
        try {
            List<CosmosBulkOperationResponse<Write<T>>> responses = WriteRequests.blockWithoutInterrupt(
                    container.executeBulkOperations(Flux.fromIterable(operations)).collectList()
                            .map(list -> WriteRequests.cast(list)));
            for (CosmosBulkOperationResponse<Write<T>> response : responses) {
                Write<T> write = response.getOperation().getContext();
                CosmosBulkItemResponse item = response.getResponse();
                if (item != null) {
                    ObjectNode read = write.kind() == Write.Kind.READ && item.isSuccessStatusCode()
                            ? item.getItem(ObjectNode.class) : null;
                    CosmosDeskException error = item.isSuccessStatusCode() ? null : WriteRequests.failureOf(item);
                    byWrite.put(write, new WriteResult<>(write, item.getStatusCode(), item.getETag(), read,
                            item.getRequestCharge(), item.getRetryAfterDuration(), error));
                } else {
                    Throwable failure = response.getException();
                    byWrite.put(write, new WriteResult<>(write, WriteRequests.statusOf(failure), null, null, 0, null,
                            CosmosErrors.classify(failure)));
                }
            }
        } catch (RuntimeException e) {
            CosmosDeskException error = CosmosErrors.classify(e);
            for (Write<T> write : allowed) {
                byWrite.putIfAbsent(write, new WriteResult<>(write, WriteRequests.statusOf(e), null, null, 0, null, error));
            }
        }
        List<WriteResult<T>> done = new ArrayList<>(allowed.size());
        for (Write<T> write : allowed) {
            WriteResult<T> result = byWrite.get(write);
            if (result == null) {
                result = new WriteResult<>(write, 0, null, null, 0, null,
                        new CosmosDeskException(ErrorKind.UNREACHABLE, "No answer for this operation."));
            }
            done.add(result);
        }
        recordBatch(handle, allowed, ahead, done, job);
        results.addAll(done);
        return WriteRequests.ordered(writes, results);
    }

    /**
     * Runs {@code writes} (and reads) as point operations, {@code concurrency} at a time, in chunks of
     * {@value #CHUNK} whose entries are recorded (and synced) before the next chunk starts. Once {@code cancelled}
     * says so, no new chunk starts; the writes not started get no result. {@code each} hears of every result, on a
     * thread of the SDK, for progress only. Blocks like {@link #bulk}.
     */
    public <T> List<WriteResult<T>> each(ContainerHandle handle, List<Write<T>> writes, int concurrency,
            BooleanSupplier cancelled, Consumer<WriteResult<T>> each, String job) {
        List<WriteResult<T>> results = new ArrayList<>(writes.size());
        List<Write<T>> allowed = allowed(handle, writes, job, results);
        results.forEach(each);
        CosmosAsyncContainer container = handle.container();
        for (int from = 0; from < allowed.size() && !cancelled.getAsBoolean(); from += CHUNK) {
            List<Write<T>> chunk = allowed.subList(from, Math.min(allowed.size(), from + CHUNK));
            CompletableFuture<List<AuditLines.Ahead>> ahead = recordAhead(handle, chunk, job);
            List<WriteResult<T>> done = WriteRequests.blockWithoutInterrupt(Flux.fromIterable(chunk)
                    .takeWhile(write -> !cancelled.getAsBoolean())
                    .flatMapSequential(write -> point(container, write).doOnNext(each), concurrency)
                    .collectList());
            recordBatch(handle, chunk, ahead, done, job);
            results.addAll(done);
        }
        return results;
    }

    /** The writes that may be sent; refused ones get their result (and entry) in {@code results}. */
    private <T> List<Write<T>> allowed(ContainerHandle handle, List<Write<T>> writes, String job,
            List<WriteResult<T>> results) {
        boolean anyWrite = writes.stream().anyMatch(w -> w.kind() != Write.Kind.READ);
        if (!anyWrite) {
            return writes;
        }
        CosmosDeskException refusal = null;
        try {
            handle.connection().requireWritable();
            log.requireWritable();
        } catch (CosmosDeskException e) {
            refusal = e;
        }
        if (refusal == null) {
            return writes;
        }
        List<Write<T>> reads = new ArrayList<>();
        List<AuditEntry> recorded = new ArrayList<>();
        for (Write<T> write : writes) {
            if (write.kind() == Write.Kind.READ) {
                reads.add(write);
            } else {
                results.add(new WriteResult<>(write, 0, null, null, 0, null, refusal));
                recorded.add(entries.refused(handle, write, refusal, job));
            }
        }
        record(recorded);
        return reads;
    }

    private static <T> Mono<WriteResult<T>> point(CosmosAsyncContainer container, Write<T> write) {
        Mono<WriteResult<T>> call = switch (write.kind()) {
            case CREATE -> container.createItem(write.body(), write.key().toPartitionKey(), WriteRequests.options(null))
                    .map(r -> WriteRequests.answered(write, r));
            case REPLACE -> container.replaceItem(write.body(), write.id(), write.key().toPartitionKey(),
                    WriteRequests.options(write.ifMatch())).map(r -> WriteRequests.answered(write, r));
            case UPSERT -> container.upsertItem(write.body(), write.key().toPartitionKey(), WriteRequests.options(null))
                    .map(r -> WriteRequests.answered(write, r));
            case DELETE -> write.ifMatch() == null && write.before() == null ? readThenDelete(container, write)
                    : container.deleteItem(write.id(), write.key().toPartitionKey(), WriteRequests.options(write.ifMatch()))
                            .map(r -> new WriteResult<>(write, r.getStatusCode(), null, null, r.getRequestCharge(),
                                    null, null));
            case READ -> container.readItem(write.id(), write.key().toPartitionKey(), ObjectNode.class)
                    .map(r -> new WriteResult<>(write, r.getStatusCode(), r.getETag(), r.getItem(),
                            r.getRequestCharge(), null, null));
            case PATCH -> container.patchItem(write.id(), write.key().toPartitionKey(), write.patch().operations(),
                    WriteRequests.pointPatchOptions(write), ObjectNode.class).map(r -> WriteRequests.answered(write, r));
        };
        return call.onErrorResume(e -> Mono.just(WriteRequests.failed(write, e)));
    }

    /**
     * A delete of whatever version the item has: read it, then delete exactly that version (If-Match), again if it
     * changed in between, so the log records the body that was deleted. The result's {@code item} is that body.
     */
    private static <T> Mono<WriteResult<T>> readThenDelete(CosmosAsyncContainer container, Write<T> write) {
        return Mono.defer(() -> container.readItem(write.id(), write.key().toPartitionKey(), ObjectNode.class)
                        .flatMap(read -> container.deleteItem(write.id(), write.key().toPartitionKey(),
                                        WriteRequests.options(read.getETag()))
                                .map(r -> new WriteResult<>(write, r.getStatusCode(), read.getETag(), read.getItem(),
                                        read.getRequestCharge() + r.getRequestCharge(), null, null))))
                .retryWhen(reactor.util.retry.Retry.max(READ_THEN_DELETE_ATTEMPTS - 1L)
                        .filter(e -> WriteRequests.statusOf(e) == 412)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    private static String idOf(ObjectNode body) {
        return body == null ? "" : body.path("id").asText("");
    }
}
