package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The two files an import leaves for the user, both JSON Lines and private (0600): the report (one line per row:
 * row, line, outcome, status, id, partition key, reason; the item too when it was not imported) and the failed
 * items (just the bodies of the rows not imported, ready to be fixed and imported again; a JSON Lines line that
 * was not an item at all is listed as written, in "text" in the report). A batch is written and
 * forced before the journal says it is done, and a resume cuts both back to what the journal counted, so a row
 * is never reported twice.
 */
final class ImportReportWriter implements AutoCloseable {

    private final Path reportFile;
    private final Path failedFile;
    private final FileChannel report;
    private final FileChannel failed;
    private final ByteArrayOutputStream reportBuffer = new ByteArrayOutputStream(1 << 16);
    private final ByteArrayOutputStream failedBuffer = new ByteArrayOutputStream(1 << 12);

    ImportReportWriter(Path reportFile, Path failedFile, long reportLength, long failedLength) {
        this.reportFile = reportFile;
        this.failedFile = failedFile;
        try {
            this.report = open(reportFile, reportLength);
            this.failed = open(failedFile, failedLength);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the import report " + reportFile, e);
        }
    }

    private static FileChannel open(Path file, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        PrivateFiles.file(file);
        channel.truncate(length);
        channel.position(length);
        return channel;
    }

    void add(PreparedRow row, RowOutcome outcome, int status, String reason) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        line.put("row", row.row());
        line.put("line", row.line());
        line.put("outcome", outcome.name());
        if (status > 0) {
            line.put("status", status);
        }
        if (row.id() != null) {
            line.put("id", row.id());
        }
        if (row.key() != null) {
            line.set("partitionKey", row.key().toJsonArray());
        }
        if (reason != null) {
            line.put("reason", reason);
        }
        if (!outcome.fine() && row.body() != null) {
            line.set("item", row.body());
            write(failedBuffer, row.body());
        } else if (!outcome.fine() && row.text() != null) {
            // a JSON Lines line that is not an item: listed as written, to be fixed in place and imported again
            line.put("text", row.text());
            byte[] text = row.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            failedBuffer.write(text, 0, text.length);
            failedBuffer.write('\n');
        }
        write(reportBuffer, line);
    }

    private static void write(ByteArrayOutputStream buffer, ObjectNode node) {
        try {
            Json.MAPPER.writeValue(buffer, node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        buffer.write('\n');
    }

    /** Writes what was added and forces both files to the disk. */
    void flush() {
        try {
            drain(reportBuffer, report);
            drain(failedBuffer, failed);
            report.force(false);
            failed.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the import report " + reportFile + ": " + e.getMessage(), e);
        }
    }

    private static void drain(ByteArrayOutputStream buffer, FileChannel channel) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer.toByteArray());
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        buffer.reset();
    }

    long reportLength() {
        try {
            return report.position();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long failedLength() {
        try {
            return failed.position();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path reportFile() {
        return reportFile;
    }

    Path failedFile() {
        return failedFile;
    }

    @Override
    public void close() {
        try {
            report.close();
            failed.close();
        } catch (IOException e) {
            // closing
        }
    }
}
