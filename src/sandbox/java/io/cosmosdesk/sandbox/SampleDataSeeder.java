package io.cosmosdesk.sandbox;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosBulkExecutionOptions;
import com.azure.cosmos.models.CosmosBulkItemRequestOptions;
import com.azure.cosmos.models.CosmosBulkOperationResponse;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosDatabaseProperties;
import com.azure.cosmos.models.CosmosItemRequestOptions;
import com.azure.cosmos.models.CosmosItemResponse;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyBuilder;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fills a Cosmos account (the sandbox's local server, or an emulator) with a realistic, deterministic
 * sample dataset: retail orders, products and invoices, hierarchically keyed IoT telemetry, and
 * support data whose partition keys are missing, null, numbers or booleans. See {@link #DATASET}.
 *
 * <p>Writes go through bulk execution, so the whole set takes seconds. Running it again is safe:
 * databases and containers are created only if absent, and a container that already holds items is
 * left alone. Blocking: call it off the UI thread.
 */
public class SampleDataSeeder {

    /** Told how far seeding has got; called from SDK threads, so a UI must hop to its own thread. */
    @FunctionalInterface
    public interface ProgressListener {
        ProgressListener NONE = (fraction, message) -> { };

        /** @param fraction 0.0 to 1.0 of all items to write */
        void progress(double fraction, String message);
    }

    /** One container of the dataset: where it lives, how it is partitioned, and its items. */
    public record SampleContainer(String databaseId, String containerId, PartitionKeyDefinition partitionKey,
            int itemCount, Supplier<Stream<ObjectNode>> items) {

        public String path() {
            return databaseId + "/" + containerId;
        }
    }

    /** What happened to one container: how many items were written, or skipped because it had data. */
    public record ContainerResult(String databaseId, String containerId, int itemsWritten, boolean skipped) {
    }

    public record SeedResult(List<ContainerResult> containers, Duration elapsed) {
        public int itemsWritten() {
            return containers.stream().mapToInt(ContainerResult::itemsWritten).sum();
        }
    }

    /** The sample dataset, in seeding order. Item generators are deterministic (fixed seeds). */
    public static final List<SampleContainer> DATASET = List.of(
            new SampleContainer("retail", "orders", hash("/customerId"), SampleItems.ORDER_COUNT,
                    SampleItems::orders),
            new SampleContainer("retail", "products", hash("/category"), SampleItems.PRODUCT_COUNT,
                    SampleItems::products),
            new SampleContainer("retail", "invoices", hash("/customer/id"), SampleItems.INVOICE_COUNT,
                    SampleItems::invoices),
            new SampleContainer("iot", "telemetry", multiHash("/tenantId", "/deviceId", "/day"),
                    SampleIot.TELEMETRY_COUNT, SampleIot::telemetry),
            new SampleContainer("support", "tickets", hash("/status"), SampleSupport.TICKET_COUNT,
                    SampleSupport::tickets),
            new SampleContainer("support", "escalations", hash("/priority"), SampleSupport.ESCALATION_COUNT,
                    SampleSupport::escalations),
            new SampleContainer("support", "conversations", hash("/archived"), SampleSupport.CONVERSATION_COUNT,
                    SampleSupport::conversations),
            // an empty container to try writes in
            new SampleContainer("scratch", "playground", hash("/id"), 0, Stream::empty));

    private static final int PROGRESS_STEPS = 200;
    private static final int SINGLE_WRITE_CONCURRENCY = 8;

    private final CosmosAsyncClient client;

    public SampleDataSeeder(CosmosAsyncClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Creates what is missing and writes the items of every empty container.
     *
     * @throws SeedingException when a container cannot be created or an item cannot be written
     */
    public SeedResult seed(ProgressListener listener) {
        long started = System.nanoTime();
        Progress progress = new Progress(DATASET.stream().mapToInt(SampleContainer::itemCount).sum(),
                Objects.requireNonNull(listener, "listener"));
        progress.report("Creating databases and containers");
        List<ContainerResult> results = new ArrayList<>();
        for (SampleContainer sample : DATASET) {
            CosmosAsyncContainer container = createIfNotExists(sample);
            if (hasItems(container, sample)) {
                progress.skip(sample);
                results.add(new ContainerResult(sample.databaseId(), sample.containerId(), 0, true));
                continue;
            }
            int written = writeItems(container, sample, progress);
            results.add(new ContainerResult(sample.databaseId(), sample.containerId(), written, false));
        }
        progress.finish();
        return new SeedResult(List.copyOf(results), Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Lists before creating, rather than {@code createXxxIfNotExists}: those read first, and the SDK
     * logs each expected 404 as an ERROR, which would fill the sandbox's console.
     */
    private CosmosAsyncContainer createIfNotExists(SampleContainer sample) {
        try {
            List<String> databases = client.readAllDatabases().map(CosmosDatabaseProperties::getId)
                    .collectList().block();
            if (databases == null || !databases.contains(sample.databaseId())) {
                ignoreConflict(() -> client.createDatabase(sample.databaseId()).block());
            }
            CosmosAsyncDatabase database = client.getDatabase(sample.databaseId());
            List<String> containers = database.readAllContainers().map(CosmosContainerProperties::getId)
                    .collectList().block();
            if (containers == null || !containers.contains(sample.containerId())) {
                ignoreConflict(() -> database.createContainer(
                        new CosmosContainerProperties(sample.containerId(), sample.partitionKey())).block());
            }
            return database.getContainer(sample.containerId());
        } catch (RuntimeException e) {
            throw new SeedingException("Could not create " + sample.path() + ": " + e.getMessage(), e);
        }
    }

    /** Someone else created it in the meantime: just as good. */
    private static void ignoreConflict(Runnable create) {
        try {
            create.run();
        } catch (CosmosException e) {
            if (e.getStatusCode() != 409) {
                throw e;
            }
        }
    }

    private static boolean hasItems(CosmosAsyncContainer container, SampleContainer sample) {
        try {
            Boolean found = container.queryItems("SELECT TOP 1 c.id FROM c", new CosmosQueryRequestOptions(),
                            JsonNode.class)
                    .byPage(1)
                    .filter(page -> !page.getResults().isEmpty())
                    .hasElements()
                    .block();
            return Boolean.TRUE.equals(found);
        } catch (RuntimeException e) {
            throw new SeedingException("Could not read " + sample.path() + ": " + e.getMessage(), e);
        }
    }

    private static int writeItems(CosmosAsyncContainer container, SampleContainer sample, Progress progress) {
        // the items' bodies are not needed back
        CosmosBulkItemRequestOptions noContent = new CosmosBulkItemRequestOptions()
                .setContentResponseOnWriteEnabled(false);
        Flux<Integer> bulkWrites = container.executeBulkOperations(Flux.fromStream(sample.items().get())
                        .filter(item -> hasPartitionKey(item, sample))
                        .map(item -> CosmosBulkOperations.getCreateItemOperation(item,
                                partitionKeyOf(item, sample.partitionKey()), noContent)),
                        // two batches in flight keep the server busy while the next batch is serialized
                        new CosmosBulkExecutionOptions().setMaxMicroBatchConcurrency(2))
                .map(response -> requireWritten(response, sample));
        // The SDK's bulk executor cannot route an item without its partition key (PartitionKey.NONE:
        // "PartitionKey has fewer components than defined"), so those few go one by one.
        CosmosItemRequestOptions noContentSingle = new CosmosItemRequestOptions()
                .setContentResponseOnWriteEnabled(false);
        Flux<Integer> singleWrites = Flux.fromStream(sample.items().get())
                .filter(item -> !hasPartitionKey(item, sample))
                .flatMap(item -> container.createItem(item, PartitionKey.NONE, noContentSingle)
                        .map(CosmosItemResponse::getStatusCode)
                        .onErrorResume(e -> isConflict(e) ? Mono.just(409) : Mono.error(failure(sample, item, e))),
                        SINGLE_WRITE_CONCURRENCY);
        try {
            Long written = Flux.merge(bulkWrites, singleWrites)
                    .doOnNext(status -> progress.advance(sample))
                    .count()
                    .block();
            return written == null ? 0 : written.intValue();
        } catch (SeedingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SeedingException("Could not write to " + sample.path() + ": " + e.getMessage(), e);
        }
    }

    /** False when the item lacks its partition key property (single-path keys only may be absent). */
    private static boolean hasPartitionKey(ObjectNode item, SampleContainer sample) {
        return !item.at(sample.partitionKey().getPaths().get(0)).isMissingNode();
    }

    private static int requireWritten(CosmosBulkOperationResponse<?> response, SampleContainer sample) {
        int status = response.getResponse() == null ? -1 : response.getResponse().getStatusCode();
        // 409: the item is already there (an earlier, interrupted run), which is what we want
        if (response.getException() == null && (status / 100 == 2 || status == 409)) {
            return status;
        }
        String id = response.getOperation().getId();
        String reason = response.getException() != null ? response.getException().getMessage() : "status " + status;
        throw new SeedingException("Could not write item \"" + id + "\" to " + sample.path() + ": " + reason,
                response.getException());
    }

    private static boolean isConflict(Throwable error) {
        return error instanceof CosmosException cosmos && cosmos.getStatusCode() == 409;
    }

    private static SeedingException failure(SampleContainer sample, ObjectNode item, Throwable error) {
        return new SeedingException("Could not write item \"" + item.path("id").asText() + "\" to " + sample.path()
                + ": " + error.getMessage(), error);
    }

    /**
     * The partition key value of an item as the SDK wants it. A single-path key may be missing
     * ({@link PartitionKey#NONE}) or JSON null; the SDK accepts those only through the
     * {@code PartitionKey} constructor, not in a hierarchical key.
     */
    static PartitionKey partitionKeyOf(ObjectNode item, PartitionKeyDefinition definition) {
        List<String> paths = definition.getPaths();
        if (paths.size() == 1) {
            JsonNode value = item.at(paths.get(0));
            return value.isMissingNode() ? PartitionKey.NONE : new PartitionKey(scalar(value, paths.get(0), item));
        }
        PartitionKeyBuilder builder = new PartitionKeyBuilder();
        for (String path : paths) {
            Object value = scalar(item.at(path), path, item);
            if (value instanceof String text) {
                builder.add(text);
            } else if (value instanceof Double number) {
                builder.add(number);
            } else if (value instanceof Boolean flag) {
                builder.add(flag);
            } else {
                throw new IllegalArgumentException("Hierarchical key " + path + " of \"" + item.path("id").asText()
                        + "\" is missing or null");
            }
        }
        return builder.build();
    }

    private static Object scalar(JsonNode value, String path, ObjectNode item) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        } else if (value.isNumber()) {
            return value.doubleValue();
        } else if (value.isBoolean()) {
            return value.booleanValue();
        } else if (value.isTextual()) {
            return value.textValue();
        }
        throw new IllegalArgumentException("Partition key " + path + " of \"" + item.path("id").asText()
                + "\" is not a string, number, boolean or null");
    }

    static PartitionKeyDefinition hash(String path) {
        PartitionKeyDefinition definition = new PartitionKeyDefinition();
        definition.setPaths(List.of(path));
        definition.setKind(PartitionKind.HASH);
        definition.setVersion(PartitionKeyDefinitionVersion.V2);
        return definition;
    }

    static PartitionKeyDefinition multiHash(String... paths) {
        PartitionKeyDefinition definition = new PartitionKeyDefinition();
        definition.setPaths(List.of(paths));
        definition.setKind(PartitionKind.MULTI_HASH);
        definition.setVersion(PartitionKeyDefinitionVersion.V2);
        return definition;
    }

    /** Thrown when seeding cannot complete; the message says which container or item. */
    public static class SeedingException extends RuntimeException {
        public SeedingException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Counts written items and tells the listener about every half percent, not every item. */
    private static final class Progress {
        private final int total;
        private final int step;
        private final ProgressListener listener;
        private final AtomicInteger done = new AtomicInteger();

        Progress(int total, ProgressListener listener) {
            this.total = total;
            this.step = Math.max(1, total / PROGRESS_STEPS);
            this.listener = listener;
        }

        void advance(SampleContainer sample) {
            int now = done.incrementAndGet();
            if (now % step == 0) {
                report("Writing " + sample.path());
            }
        }

        void skip(SampleContainer sample) {
            done.addAndGet(sample.itemCount());
            report(sample.path() + " already has items; left as it is");
        }

        void finish() {
            listener.progress(1.0, "Sample data ready");
        }

        void report(String message) {
            listener.progress(total == 0 ? 0.0 : Math.min(1.0, (double) done.get() / total), message);
        }
    }
}
