package io.cosmosdesk.transfer;

import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.CosmosErrors;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.ui.TaskContext;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a container, a filter or a query to a file, streamed page by page: memory stays the same whatever the
 * number of items. Blocking: run it through the TaskRunner (or the command line's thread). Progress goes out as
 * {@link ExportProgress} through {@link TaskContext#publish} a few times a second; cancelling the context stops it.
 *
 * <p>The file is written beside the target as a private {@code .part} file and moved into place only once
 * complete and on disk, so a cancelled or failed export leaves no file that looks complete (see {@link ExportFiles}).
 */
public class ExportService {

    private static final Logger LOG = LoggerFactory.getLogger(ExportService.class);

    public static final int DEFAULT_PAGE_SIZE = 1_000;
    /** Items a CSV export samples for its columns when none were chosen (also what the dialog offers). */
    public static final int SAMPLE_SIZE = 200;
    private static final long PUBLISH_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final int CANCEL_CHECK_EVERY = 64;
    private static final int BUFFER = 1 << 16;

    private final int pageSize;
    private final UnaryOperator<OutputStream> fileStreams;

    public ExportService() {
        this(DEFAULT_PAGE_SIZE);
    }

    public ExportService(int pageSize) {
        this(pageSize, stream -> stream);
    }

    /** @param fileStreams wraps the stream to the file (tests: a disk that fills up) */
    ExportService(int pageSize, UnaryOperator<OutputStream> fileStreams) {
        this.pageSize = Math.max(1, Math.min(1_000, pageSize));
        this.fileStreams = fileStreams;
    }

    /**
     * CSV columns from the first items of {@code source} (at most {@link #SAMPLE_SIZE}), for the dialog's field
     * list and for a CSV export that names none.
     *
     * @throws CosmosDeskException when the query fails
     */
    public List<JsonPath> sampleCsvFields(ExportSource source, boolean systemProperties) {
        CosmosQueryRequestOptions options = new CosmosQueryRequestOptions();
        if (source.scope() != null) {
            options.setPartitionKey(source.scope().toPartitionKey());
        }
        CsvFields fields = new CsvFields(systemProperties);
        try {
            source.container().container().queryItems(source.query(), options, ObjectNode.class)
                    .byPage(SAMPLE_SIZE)
                    .takeUntil(page -> page.getResults().size() > 0 || page.getContinuationToken() == null)
                    .toIterable()
                    .forEach(page -> page.getResults().forEach(fields::add));
        } catch (RuntimeException e) {
            throw CosmosErrors.map("Sampling " + source.container().ref() + " for CSV columns", e);
        }
        return fields.fields();
    }

    /**
     * Exports {@code source} to {@code target}.
     *
     * @param replaceExisting whether an existing {@code target} may be replaced (only once the export is complete)
     * @throws ExportException with a sentence when the file cannot be written or the source cannot be read; no
     *         file is left behind (an existing target is untouched)
     * @throws CancellationException when cancelled; no file is left behind
     */
    public ExportResult export(ExportSource source, ExportOptions options, Path target, boolean replaceExisting,
            TaskContext context) {
        Path file = ExportFiles.checkTarget(target, replaceExisting);
        context.progress(-1, "Reading the first items…");
        long started = System.nanoTime();
        SourceCount expected = SourceCount.start(source);
        Path part = null;
        Counter counter = new Counter();
        try {
            part = ExportFiles.createPart(file);
            double charge;
            int restarts;
            try (FileChannel channel = ExportFiles.open(part);
                    ExportPages pages = new ExportPages(source, pageSize)) {
                charge = writeAll(pages, options, new ForcingStream(channel), counter, expected, started, context);
                restarts = pages.restarts();
            }
            context.throwIfCancelled();
            ExportFiles.complete(part, file, replaceExisting);
            part = null;
            ExportResult result = new ExportResult(file, counter.items, counter.bytes.count(),
                    Duration.ofNanos(System.nanoTime() - started), charge);
            publish(context, counter, expected.atEnd(), started);
            LOG.info("Exported {} items of {} as {} ({} bytes, {} RU, {} ms; the page stream was paused {} times)",
                    result.items(), source.container().ref(), options.format(), result.bytes(), Math.round(charge),
                    result.elapsed().toMillis(), restarts);
            return result;
        } catch (CancellationException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Export cancelled.");
        } catch (IOException e) {
            if (context.isCancelled()) {
                throw new CancellationException("Export cancelled.");
            }
            LOG.warn("Export of {} to {} failed after {} items", source.container().ref(), file, counter.items, e);
            throw new ExportException(ExportException.Reason.FILE, ExportFiles.sentence(e, file)
                    + stoppedAfter(counter), e);
        } catch (CosmosDeskException e) {
            if (context.isCancelled() || e.kind() == io.cosmosdesk.cosmos.ErrorKind.CANCELLED) {
                throw new CancellationException("Export cancelled.");
            }
            LOG.warn("Export of {} failed after {} items: {}", source.container().ref(), counter.items,
                    e.details(), e);
            throw new ExportException(ExportException.Reason.SOURCE, e.userMessage() + stoppedAfter(counter), e);
        } finally {
            expected.cancel();
            if (part != null) {
                ExportFiles.discard(part);
            }
        }
    }

    private double writeAll(ExportPages pages, ExportOptions options, ForcingStream fileStream, Counter counter,
            SourceCount expected, long started, TaskContext context)
            throws IOException, InterruptedException {
        counter.bytes = new CountingOutputStream(new BufferedOutputStream(fileStreams.apply(fileStream), BUFFER));
        double charge = 0;
        ItemWriter writer = null;
        long lastPublished = System.nanoTime();
        try {
            for (ExportPages.Page page = pages.next(); page != null; page = pages.next()) {
                charge += page.requestCharge();
                if (writer == null) {
                    List<JsonPath> fields = options.csvFields();
                    if (options.format() == ExportFormat.CSV && fields.isEmpty()) {
                        fields = CsvFields.of(page.items(), options.systemProperties());
                        if (fields.isEmpty()) {
                            fields = List.of(JsonPath.parse("id"));
                        }
                    }
                    writer = ItemWriters.open(options, fields, counter.bytes);
                }
                for (ObjectNode item : page.items()) {
                    if (counter.items % CANCEL_CHECK_EVERY == 0) {
                        context.throwIfCancelled();
                    }
                    writer.write(item);
                    counter.items++;
                }
                long now = System.nanoTime();
                if (now - lastPublished >= PUBLISH_EVERY_NANOS) {
                    lastPublished = now;
                    publish(context, counter, expected.nowOrUnknown(), started);
                }
                context.throwIfCancelled();
            }
            if (writer == null) { // no page at all: still a valid, empty file
                List<JsonPath> fields = options.csvFields().isEmpty() ? List.of(JsonPath.parse("id"))
                        : options.csvFields();
                writer = ItemWriters.open(options, fields, counter.bytes);
            }
            context.throwIfCancelled();
            fileStream.forceOnClose = true;
            writer.finish();
            writer = null;
            return charge;
        } finally {
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // already failing or cancelled; the part file is removed
                }
            }
        }
    }

    private static String stoppedAfter(Counter counter) {
        return counter.items == 0 ? " Nothing was exported." : String.format(
                " The export stopped after %,d items and the partial file was removed.", counter.items);
    }

    private static void publish(TaskContext context, Counter counter, long expected, long started) {
        long bytes = counter.bytes == null ? 0 : counter.bytes.count();
        ExportProgress progress = new ExportProgress(counter.items, expected, bytes,
                Duration.ofNanos(System.nanoTime() - started));
        context.publish(progress);
        context.progress(progress.fraction(), progress.summary());
    }

    private static final class Counter {
        long items;
        CountingOutputStream bytes;
    }

    /** The file's stream; when the export completes, closing it forces the bytes to disk before the move. */
    private static final class ForcingStream extends OutputStream {
        private final FileChannel channel;
        private final OutputStream out;
        boolean forceOnClose;

        ForcingStream(FileChannel channel) {
            this.channel = channel;
            this.out = Channels.newOutputStream(channel);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (forceOnClose && channel.isOpen()) {
                channel.force(true);
            }
            out.close();
        }
    }
}
