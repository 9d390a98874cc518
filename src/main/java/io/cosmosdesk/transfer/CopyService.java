package io.cosmosdesk.transfer;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosAsyncDatabase;
import com.azure.cosmos.CosmosException;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.FeedResponse;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.SqlQuerySpec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditOperation;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.move.ItemOperations;
import io.cosmosdesk.move.MoveTuning;
import io.cosmosdesk.move.ServerUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Copies the items a query selects from one container to another, on the same connection or another account
 * (Azure to the emulator, emulator to emulator): page by page from the source into bulk writes on the target,
 * nothing on disk but the report. The target container is created when missing, with the source's partition
 * key. The modes and their report are the import's; in create-only and skip modes a copy can simply be run
 * again after a crash or an outage: what was copied already comes back IDENTICAL.
 */
public final class CopyService {

    private static final DateTimeFormatter JOB_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path reports;
    private final AuditedWrites writes;
    private final MoveTuning tuning;

    /** {@code reports}: where copy reports go ({@code AppDirectories.data()/imports/reports}). */
    public CopyService(Path reports, AuditedWrites writes) {
        this(reports, writes, MoveTuning.defaults());
    }

    public CopyService(Path reports, AuditedWrites writes, MoveTuning tuning) {
        this.reports = reports;
        this.writes = writes;
        this.tuning = tuning;
    }

    /**
     * @param query what to copy; null copies every item
     * @throws CosmosDeskException READ_ONLY for a read-only target, or the sentence of what failed
     */
    public ImportResult copyItems(ContainerHandle source, SqlQuerySpec query, CopyTarget target, ImportMode mode,
            ImportControl control) {
        target.connection().requireWritable();
        if (sameContainer(source, target)) {
            throw new CosmosDeskException(ErrorKind.BAD_REQUEST, "The source and the target are the same container.");
        }
        CosmosAsyncContainer to = ensureTarget(source, target);
        List<String> keyPaths = keyPaths(to);
        SqlQuerySpec spec = query != null ? query : new SqlQuerySpec("SELECT * FROM c");
        String jobId = "copy-" + LocalDateTime.now().format(JOB_TIME) + "-" + UUID.randomUUID().toString().substring(0, 8);
        Path folder;
        try {
            folder = PrivateFiles.folder(reports);
        } catch (IOException e) {
            throw new CosmosDeskException(ErrorKind.UNKNOWN, "Cannot create the folder " + reports + ": " + e.getMessage());
        }
        String[] status = new String[1];
        ContainerHandle targetHandle = new ContainerHandle(target.connection(), new io.cosmosdesk.cosmos.ContainerInfo(
                new io.cosmosdesk.cosmos.ContainerRef(target.database(), target.container()), keyPaths,
                keyPaths.size() > 1, null));
        BatchWriter writer = new BatchWriter(new ItemOperations(writes, targetHandle, jobId, tuning,
                line -> status[0] = line), mode, line -> status[0] = line, AuditOperation.COPY_CREATE,
                AuditOperation.COPY_UPSERT);
        ItemPreparation preparation = new ItemPreparation(keyPaths, false, jobId);
        ImportCounts counts = new ImportCounts();
        // counted beside the copy (one cheap query), for "N of M items" and the time left once it is back
        SourceCount expected = SourceCount.start(new ExportSource(source, spec, null));
        long started = System.nanoTime();
        long row = 0;
        boolean cancelled = false;
        // the target exists now
        control.report(progress(counts, expected.nowOrUnknown(), started, "Copying into " + target + "…"));
        try (ImportReportWriter report = new ImportReportWriter(folder.resolve(jobId + "-report.jsonl"),
                folder.resolve(jobId + "-failed.jsonl"), 0, 0)) {
            CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
            Iterable<FeedResponse<ObjectNode>> pages = source.container().queryItems(spec, options, ObjectNode.class)
                    .byPage(tuning.batchSize()).toIterable(2);
            for (FeedResponse<ObjectNode> page : pages) {
                if (control.isCancelRequested()) {
                    cancelled = true;
                    break;
                }
                List<PreparedRow> rows = new ArrayList<>(page.getResults().size());
                for (ObjectNode item : page.getResults()) {
                    row++;
                    rows.add(preparation.prepare(SourceRow.item(row, row, item)));
                }
                if (rows.isEmpty()) {
                    continue;
                }
                for (BatchWriter.Settled settled : writer.write(rows)) {
                    counts.add(settled.outcome());
                    report.add(settled.row(), settled.outcome(), settled.status(), settled.reason());
                }
                report.flush();
                status[0] = null;
                control.report(progress(counts, expected.nowOrUnknown(), started, null));
            }
            ImportProgress totals = progress(counts, cancelled ? expected.nowOrUnknown() : expected.atEnd(), started,
                    null);
            return new ImportResult(totals, report.reportFile(), report.failedFile(), cancelled);
        } catch (ServerUnavailableException e) {
            throw new CosmosDeskException(e.last().kind(), e.last().userMessage() + " The copy stopped after "
                    + counts.total() + " items; run it again to finish (items already copied come back identical).");
        } catch (CosmosDeskException e) {
            throw e;
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Copying items from " + source, e);
        } finally {
            expected.cancel();
            writes.flush(); // the copy's audit entries are on disk before it reports
        }
    }

    private static ImportProgress progress(ImportCounts counts, long expected, long started, String status) {
        return new ImportProgress(counts.total(), counts.snapshot(), 0, -1, Duration.ofNanos(System.nanoTime() - started),
                status, expected);
    }

    private static boolean sameContainer(ContainerHandle source, CopyTarget target) {
        return source.connection() == target.connection() && source.ref().databaseId().equals(target.database())
                && source.ref().containerId().equals(target.container());
    }

    /** The target container, created with the source's partition key definition when it does not exist. */
    private static CosmosAsyncContainer ensureTarget(ContainerHandle source, CopyTarget target) {
        try {
            PartitionKeyDefinition key = source.container().read().block().getProperties().getPartitionKeyDefinition();
            CosmosAsyncDatabase database = target.connection().client().getDatabase(target.database());
            try {
                database.read().block();
            } catch (CosmosException e) {
                if (e.getStatusCode() != 404) {
                    throw e;
                }
                target.connection().client().createDatabaseIfNotExists(target.database()).block();
            }
            database.createContainerIfNotExists(new CosmosContainerProperties(target.container(), key)).block();
            return database.getContainer(target.container());
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Preparing the target container " + target, e);
        }
    }

    private static List<String> keyPaths(CosmosAsyncContainer container) {
        try {
            return container.read().block().getProperties().getPartitionKeyDefinition().getPaths();
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Reading the target container", e);
        }
    }
}
