package io.cosmosdesk.audit;

import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosBulkItemRequestOptions;
import com.azure.cosmos.models.CosmosBulkItemResponse;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * For {@link AuditedWrites}: how a {@link Write} becomes the SDK's request (bulk operation, request options) and
 * how the SDK's answer becomes a {@link WriteResult}. Sends nothing itself: only the door calls the SDK's writes.
 */
final class WriteRequests {

    private WriteRequests() {
    }

    static <T> List<WriteResult<T>> ordered(List<Write<T>> writes, List<WriteResult<T>> results) {
        if (results.size() <= 1) {
            return results;
        }
        Map<Write<T>, WriteResult<T>> byWrite = new java.util.IdentityHashMap<>();
        results.forEach(r -> byWrite.put(r.write(), r));
        List<WriteResult<T>> inOrder = new ArrayList<>(writes.size());
        for (Write<T> write : writes) {
            WriteResult<T> result = byWrite.get(write);
            if (result != null) {
                inOrder.add(result);
            }
        }
        return inOrder;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> List<CosmosBulkOperationResponse<Write<T>>> cast(List list) {
        return list;
    }

    static <T> CosmosItemOperation bulkOperation(Write<T> write) {
        CosmosBulkItemRequestOptions options = new CosmosBulkItemRequestOptions();
        if (write.ifMatch() != null) {
            options.setIfMatchETag(write.ifMatch());
        }
        return switch (write.kind()) {
            case CREATE -> CosmosBulkOperations.getCreateItemOperation(write.body(), write.key().toPartitionKey(),
                    options, write);
            case REPLACE -> CosmosBulkOperations.getReplaceItemOperation(write.id(), write.body(),
                    write.key().toPartitionKey(), options, write);
            case UPSERT -> CosmosBulkOperations.getUpsertItemOperation(write.body(), write.key().toPartitionKey(),
                    options, write);
            case DELETE -> CosmosBulkOperations.getDeleteItemOperation(write.id(), write.key().toPartitionKey(),
                    options, write);
            case READ -> CosmosBulkOperations.getReadItemOperation(write.id(), write.key().toPartitionKey(), write);
            case PATCH -> CosmosBulkOperations.getPatchItemOperation(write.id(), write.key().toPartitionKey(),
                    write.patch().operations(), patchOptions(write), write);
        };
    }

    static com.azure.cosmos.models.CosmosBulkPatchItemRequestOptions patchOptions(Write<?> write) {
        com.azure.cosmos.models.CosmosBulkPatchItemRequestOptions options =
                new com.azure.cosmos.models.CosmosBulkPatchItemRequestOptions();
        if (write.ifMatch() != null) {
            options.setIfMatchETag(write.ifMatch());
        }
        if (write.patch().condition() != null) {
            options.setFilterPredicate(write.patch().condition());
        }
        return options;
    }

    static com.azure.cosmos.models.CosmosPatchItemRequestOptions pointPatchOptions(Write<?> write) {
        com.azure.cosmos.models.CosmosPatchItemRequestOptions options =
                new com.azure.cosmos.models.CosmosPatchItemRequestOptions();
        options.setContentResponseOnWriteEnabled(false);
        if (write.ifMatch() != null) {
            options.setIfMatchETag(write.ifMatch());
        }
        if (write.patch().condition() != null) {
            options.setFilterPredicate(write.patch().condition());
        }
        return options;
    }

    static <T> WriteResult<T> answered(Write<T> write, CosmosItemResponse<?> response) {
        return new WriteResult<>(write, response.getStatusCode(), response.getETag(), null,
                response.getRequestCharge(), null, null);
    }

    static <T> WriteResult<T> failed(Write<T> write, Throwable e) {
        Throwable error = CosmosErrors.unwrap(e);
        if (error instanceof CosmosException cosmos && cosmos.getStatusCode() > 0) {
            return new WriteResult<>(write, cosmos.getStatusCode(), null, null, cosmos.getRequestCharge(),
                    cosmos.getRetryAfterDuration(), CosmosErrors.classify(cosmos));
        }
        return new WriteResult<>(write, 0, null, null, 0, null, CosmosErrors.classify(error));
    }

    /** A bulk answer other than success, as the error kind the rest of the app knows. */
    static CosmosDeskException failureOf(CosmosBulkItemResponse item) {
        ErrorKind kind = switch (item.getStatusCode()) {
            case 400 -> ErrorKind.BAD_REQUEST;
            case 401 -> ErrorKind.UNAUTHORIZED;
            case 403 -> ErrorKind.FORBIDDEN;
            case 404 -> ErrorKind.NOT_FOUND;
            case 409 -> ErrorKind.CONFLICT;
            case 412 -> ErrorKind.CHANGED_BY_SOMEONE_ELSE;
            case 413 -> ErrorKind.TOO_LARGE;
            case 429 -> ErrorKind.THROTTLED;
            case 408 -> ErrorKind.TIMEOUT;
            case 410, 449, 503 -> ErrorKind.UNREACHABLE;
            default -> ErrorKind.UNKNOWN;
        };
        return new CosmosDeskException(kind, kind.defaultSentence(), item.getStatusCode(), item.getSubStatusCode(),
                item.getActivityId(), item.getRequestCharge(), null);
    }

    static CosmosItemRequestOptions options(String ifMatch) {
        CosmosItemRequestOptions options = new CosmosItemRequestOptions();
        options.setContentResponseOnWriteEnabled(true);
        if (ifMatch != null) {
            options.setIfMatchETag(ifMatch);
        }
        return options;
    }

    static int statusOf(Throwable e) {
        Throwable error = e == null ? null : CosmosErrors.unwrap(e);
        return error instanceof CosmosException cosmos ? cosmos.getStatusCode() : 0;
    }

    /** Blocks for the answer even when the thread is interrupted (see {@link #bulk}). */
    static <R> R blockWithoutInterrupt(Mono<R> mono) {
        java.util.concurrent.CompletableFuture<R> future = mono.toFuture();
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

    /**
     * The version a conditional write will replace, read for the log's "before" when the caller did not have it;
     * null when it is gone, unreadable, or another version than {@code ifMatch} (then the write fails with 412 and
     * replaces nothing).
     */
    static ObjectNode readVersion(ContainerHandle handle, String id, PartitionKeyValue key, String ifMatch) {
        try {
            CosmosItemResponse<ObjectNode> read = handle.container()
                    .readItem(id, key.toPartitionKey(), ObjectNode.class).block();
            if (read == null || read.getItem() == null) {
                return null;
            }
            return ifMatch == null || ifMatch.equals(read.getETag()) ? read.getItem() : null;
        } catch (RuntimeException e) {
            // the write itself will say what is wrong (gone, unreachable); the entry then has no "before"
            return null;
        }
    }
}
