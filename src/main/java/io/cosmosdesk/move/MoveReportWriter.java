package io.cosmosdesk.move;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The final report as JSON (summary plus items) or CSV (one line per item), chosen by the file's extension. */
public final class MoveReportWriter {

    private static final ObjectMapper JSON = Json.MAPPER;
    /** RFC 4180: commas, quotes and line breaks quoted, CRLF between records. */
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
            .setHeader("id", "source", "target", "outcome", "description", "reason").get();

    private MoveReportWriter() {
    }

    public static void save(MoveReport report, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String text = name.endsWith(".csv") ? toCsv(report) : toJson(report);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the report to " + file, e);
        }
    }

    public static String toJson(MoveReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("job", report.jobId()).put("status", report.status().name()).put("message", report.message())
                .put("summary", report.summary()).put("seconds", report.duration().toMillis() / 1000.0)
                .put("requestCharge", report.requestCharge()).put("moved", report.moved())
                .put("skipped", report.skipped()).put("conflicts", report.conflicts())
                .put("changedDuringMove", report.changedDuringMove()).put("failed", report.failures());
        if (report.linesLeftOut() > 0) {
            // a large job lists the items that did not simply move; every item's record is in the journal
            root.put("itemsNotListed", report.linesLeftOut()).put("journal", report.journal().toString());
        }
        ArrayNode items = root.putArray("items");
        for (MoveReport.ItemResult item : report.items()) {
            items.addObject().put("id", item.id()).put("source", item.sourcePartitionKey())
                    .put("target", item.targetPartitionKey()).put("outcome", item.outcome().name())
                    .put("description", item.outcome().label()).put("reason", item.reason());
        }
        try {
            return Json.pretty().writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String toCsv(MoveReport report) {
        StringBuilder csv = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(csv, CSV)) {
            for (MoveReport.ItemResult item : report.items()) {
                printer.printRecord(defused(item.id()), defused(item.sourcePartitionKey()),
                        defused(item.targetPartitionKey()), item.outcome().name(), defused(item.outcome().label()),
                        defused(item.reason()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv.toString();
    }

    /** A leading = + - @ is defused so a spreadsheet never runs a cell as a formula. */
    private static String defused(String value) {
        String text = value == null ? "" : value;
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
