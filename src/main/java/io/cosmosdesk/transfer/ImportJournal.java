package io.cosmosdesk.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.move.MoveJournal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * The durable record of one import, in the same append-only, synced file format as a move's journal
 * ({@link MoveJournal}): a header naming the file (with its size, time and a digest of its start, so a changed
 * file is never resumed), the target and the options; then per batch BATCH (rows on their way) and DONE (rows
 * settled, with the report's length and the counts so far); END when the job ended. The file is the source of
 * the rows, so the journal stays small whatever the import's size.
 */
final class ImportJournal {

    static final String KIND = "import";

    /** What a journal on disk says about its job. */
    record State(Path journal, ObjectNode header, long doneThrough, long reportLength, long failedLength,
            ImportCounts counts, long batches, boolean ended) {

        String fileText() {
            return header.path("file").asText();
        }

        boolean targets(ContainerHandle target) {
            return header.path("endpoint").asText().equals(endpointOf(target))
                    && header.path("database").asText().equals(target.ref().databaseId())
                    && header.path("container").asText().equals(target.ref().containerId());
        }

        ImportRequest request() {
            JsonNode csv = header.path("csv");
            String delimiter = csv.path("delimiter").asText("");
            return new ImportRequest(Path.of(fileText()), ImportFormat.valueOf(header.path("format").asText()),
                    new CsvOptions(delimiter.isEmpty() ? null : delimiter.charAt(0), csv.path("inferTypes").asBoolean(true)),
                    ImportMode.valueOf(header.path("mode").asText()), header.path("generateIds").asBoolean(),
                    header.path("skipInvalid").asBoolean(), header.path("idSeed").asText());
        }

        String jobId() {
            return header.path("id").asText();
        }
    }

    private ImportJournal() {
    }

    static String endpointOf(ContainerHandle target) {
        return ConnectionProfile.normaliseEndpoint(target.connection().profile().endpoint());
    }

    static ObjectNode header(String jobId, ImportRequest request, ContainerHandle target, List<String> keyPaths,
            Path report, Path failed) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("t", "JOB");
        header.put("kind", KIND);
        header.put("version", 1);
        header.put("id", jobId);
        header.put("started", Instant.now().toString());
        header.put("file", request.file().toString());
        header.set("fingerprint", fingerprint(request.file()));
        header.put("format", request.format().name());
        ObjectNode csv = header.putObject("csv");
        csv.put("delimiter", request.csv().delimiter() == null ? "" : String.valueOf(request.csv().delimiter()));
        csv.put("inferTypes", request.csv().inferTypes());
        header.put("mode", request.mode().name());
        header.put("generateIds", request.generateIds());
        header.put("skipInvalid", request.skipInvalid());
        header.put("idSeed", request.idSeed());
        header.put("endpoint", endpointOf(target));
        header.put("database", target.ref().databaseId());
        header.put("container", target.ref().containerId());
        keyPaths.forEach(header.putArray("keyPaths")::add);
        header.put("report", report.toString());
        header.put("failed", failed.toString());
        return header;
    }

    /** Size, modification time and a SHA-256 of the first 64 KB: enough to see that a file was replaced or edited. */
    static ObjectNode fingerprint(Path file) {
        ObjectNode print = JsonNodeFactory.instance.objectNode();
        try (InputStream in = Files.newInputStream(file)) {
            print.put("size", Files.size(file));
            print.put("modified", Files.getLastModifiedTime(file).toMillis());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(in.readNBytes(64 * 1024));
            print.put("head", HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new ImportInputException("Cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return print;
    }

    static ObjectNode batch(long batch, long from, long to) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("t", "BATCH");
        record.put("batch", batch);
        record.put("from", from);
        record.put("to", to);
        return record;
    }

    static ObjectNode done(long batch, long to, long reportLength, long failedLength, ImportCounts counts) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("t", "DONE");
        record.put("batch", batch);
        record.put("to", to);
        record.put("report", reportLength);
        record.put("failed", failedLength);
        record.set("counts", counts.toJson());
        return record;
    }

    static ObjectNode end(String status) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("t", "END");
        record.put("status", status);
        record.put("ended", Instant.now().toString());
        return record;
    }

    /** Replays a journal; null when it is not an import's. */
    static State read(Path journal) {
        MoveJournal.Contents contents = MoveJournal.read(journal);
        if (!KIND.equals(contents.header().path("kind").asText())) {
            return null;
        }
        long doneThrough = 0;
        long reportLength = 0;
        long failedLength = 0;
        long batches = 0;
        ImportCounts counts = new ImportCounts();
        boolean ended = false;
        for (ObjectNode record : contents.records()) {
            switch (record.path("t").asText()) {
                case "DONE" -> {
                    doneThrough = record.path("to").asLong();
                    reportLength = record.path("report").asLong();
                    failedLength = record.path("failed").asLong();
                    counts = ImportCounts.fromJson(record.path("counts"));
                    batches = record.path("batch").asLong();
                }
                case "END" -> ended = true;
                default -> { }
            }
        }
        return new State(journal, contents.header(), doneThrough, reportLength, failedLength, counts, batches, ended);
    }

    /** Refuses to resume from a file that is not the one the job started with. */
    static void requireSameFile(State state) {
        Path file = Path.of(state.fileText());
        if (!Files.exists(file)) {
            throw new ImportInputException("The import cannot be resumed: " + file + " is gone.");
        }
        // by value: a size written as a long reads back as an int
        if (!io.cosmosdesk.cosmos.ItemContent.equalByValue(fingerprint(file), state.header().path("fingerprint"))) {
            throw new ImportInputException("The import cannot be resumed: " + file.getFileName()
                    + " changed since it started, so its rows may not be the same. Start a new import.");
        }
    }
}
