package io.cosmosdesk.transfer;

import com.azure.cosmos.models.SqlQuerySpec;
import io.cosmosdesk.cli.Cli;
import io.cosmosdesk.cli.CliArgs;
import io.cosmosdesk.cli.CliConnections;
import io.cosmosdesk.cli.CliException;
import io.cosmosdesk.cli.CliIO;
import io.cosmosdesk.cli.Command;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.cosmos.ErrorKind;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.ui.TaskContext;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;

/** {@code CosmosDesk export}: a container or a query to a JSON, JSON Lines or CSV file, without a window. */
public final class ExportCommand implements Command {

    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "write a container's items, or a query's, to a JSON, JSON Lines or CSV file";
    }

    @Override
    public String usage() {
        return """
                Usage: CosmosDesk export --endpoint URL --database DB --container C --format jsonl|json|csv --file PATH
                                         [--query SQL] [--partition-key VALUE] [--fields a,b.c] [--gzip]
                                         [--system-properties] [--overwrite] [--key-env NAME | --emulator] [--quiet]

                Writes every item of the container, or what --query selects, streamed page by page (memory stays the
                same whatever the size). The file appears only when complete: it is written beside PATH as a hidden
                .part file (readable by you only) and moved into place at the end: a failed export removes it, and
                one killed or interrupted (Ctrl+C) leaves at most that hidden .part file, never PATH. An existing
                PATH is kept unless --overwrite is given.

                Options:
                  --database DB          the database
                  --container C          the container
                  --format F             jsonl (one item per line), json (one array) or csv
                  --file PATH            where to write (add .gz yourself with --gzip, e.g. orders.jsonl.gz)
                  --query SQL            a Cosmos DB query, e.g. "SELECT * FROM c WHERE c.status = 'paid'"
                                         (default: SELECT * FROM c)
                  --partition-key VALUE  read one logical partition; VALUE is JSON: '"cust-1"' (a string keeps its
                                         double quotes), 42, true, null; a hierarchical key is an array of
                                         one value a level: '["t1","d7"]'
                  --fields a,b.c         CSV columns as field paths, dots for nested fields (default: the fields of
                                         the first 200 items); arrays and objects are written as JSON text
                  --gzip                 compress the file (gzip)
                  --system-properties    keep _rid, _self, _etag, _ts, _attachments (left out by default)
                  --overwrite            replace PATH if it exists (only once the new file is complete)
                  --quiet                no progress lines on stderr
                """ + CliConnections.SIGN_IN_USAGE + """

                Progress goes to stderr. Exit status: 0 done; 1 the export failed part-way (e.g. throttled), no file
                written; 2 bad arguments, a bad query or a file problem (folder missing, no permission, disk full);
                3 cannot connect or sign in.
                """;
    }

    @Override
    public int run(CliArgs args, CliIO io) throws Exception {
        String database = args.require("database");
        String containerName = args.require("container");
        ExportFormat format = ExportFormat.parse(args.require("format")).orElseThrow(() -> new CliException(
                Cli.BAD_INPUT, "--format must be jsonl, json or csv, not \"" + args.optional("format").orElse("")
                        + "\"."));
        Path file = path(args.require("file"));
        String query = args.optional("query").orElse("SELECT * FROM c");
        String partitionKey = args.optional("partition-key").orElse(null);
        List<JsonPath> fields = args.optional("fields").map(ExportCommand::fields).orElse(List.of());
        if (!fields.isEmpty() && format != ExportFormat.CSV) {
            throw new CliException(Cli.BAD_INPUT, "--fields is for --format csv only.");
        }
        ExportOptions options = new ExportOptions(format, fields, args.flag("system-properties"), args.flag("gzip"));
        boolean overwrite = args.flag("overwrite");
        boolean quiet = args.flag("quiet");
        // read before rejectUnknown so they count as known; CliConnections.open reads them again
        args.optional("endpoint");
        args.optional("key-env");
        args.flag("emulator");
        args.rejectUnknown();
        PartitionKeyValue scope = partitionKey == null ? null : partitionKey(partitionKey);
        if (!overwrite && java.nio.file.Files.isRegularFile(file)) {
            throw new CliException(Cli.BAD_INPUT, file.toAbsolutePath() + " already exists: choose another name, or "
                    + "add --overwrite to replace it once the new file is complete.");
        }
        try {
            ExportFiles.checkTarget(file, overwrite);
        } catch (ExportException e) {
            throw new CliException(Cli.BAD_INPUT, e.sentence(), e);
        }

        try (CosmosConnection connection = CliConnections.open(args, io, "")) {
            ContainerHandle container = CliConnections.container(connection, database, containerName);
            ExportSource source = new ExportSource(container, new SqlQuerySpec(query), scope);
            return export(source, options, file, overwrite, quiet, io);
        }
    }

    private static int export(ExportSource source, ExportOptions options, Path file, boolean overwrite, boolean quiet,
            CliIO io) {
        StderrProgress context = new StderrProgress(io, quiet);
        try {
            if (!quiet) {
                io.err().println("Exporting " + source.describe() + " as " + options.format().label() + " to "
                        + file.toAbsolutePath() + " …");
            }
            ExportResult result = new ExportService().export(source, options, file, overwrite, context);
            context.endLine();
            io.err().println("Exported " + result.summary() + ".");
            return Cli.OK;
        } catch (CancellationException e) {
            context.endLine();
            io.err().println("Export cancelled: no file was written.");
            return Cli.SOME_FAILED;
        } catch (ExportException e) {
            context.endLine();
            throw new CliException(statusOf(e), e.sentence(), e);
        }
    }

    static int statusOf(ExportException e) {
        if (e.reason() == ExportException.Reason.FILE) {
            return Cli.BAD_INPUT;
        }
        ErrorKind kind = e.getCause() instanceof CosmosDeskException cause ? cause.kind() : ErrorKind.UNKNOWN;
        return switch (kind) {
            case BAD_REQUEST, NOT_FOUND -> Cli.BAD_INPUT;
            case UNAUTHORIZED, FORBIDDEN, UNREACHABLE, CERTIFICATE, TIMEOUT -> Cli.CANNOT_CONNECT;
            default -> Cli.SOME_FAILED;
        };
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CliException(Cli.BAD_INPUT, "--file \"" + text + "\" is not a valid path: " + e.getReason() + ".");
        }
    }

    /** {@code a,b.c,["x,y"].z}: commas inside brackets or quotes belong to the path. */
    static List<JsonPath> fields(String text) {
        List<JsonPath> paths = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quote != 0) {
                if (ch == '\\' && i + 1 < text.length()) {
                    current.append(ch).append(text.charAt(++i));
                    continue;
                }
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '[') {
                depth++;
            } else if (ch == ']') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                addField(paths, current.toString());
                current.setLength(0);
                continue;
            }
            current.append(ch);
        }
        addField(paths, current.toString());
        if (paths.isEmpty()) {
            throw new CliException(Cli.BAD_INPUT, "--fields names no field.");
        }
        return paths;
    }

    private static void addField(List<JsonPath> paths, String field) {
        if (field.isBlank()) {
            return;
        }
        try {
            paths.add(CsvHeader.parse(field));
        } catch (IllegalArgumentException e) {
            throw new CliException(Cli.BAD_INPUT, "--fields: " + e.getMessage());
        }
    }

    /** {@code --partition-key}'s JSON forms: PartitionKeyValue.fromJson reads them; its refusals exit BAD_INPUT. */
    static PartitionKeyValue partitionKey(String json) {
        try {
            return PartitionKeyValue.fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new CliException(Cli.BAD_INPUT, "--partition-key " + e.getMessage());
        }
    }

    /** Progress lines on stderr: one every two seconds (rewritten in place on a terminal). */
    private static final class StderrProgress implements TaskContext {
        private final CliIO io;
        private final boolean quiet;
        private final boolean terminal = System.console() != null;
        private long lastLine;
        private boolean lineOpen;
        volatile boolean cancelled;

        StderrProgress(CliIO io, boolean quiet) {
            this.io = io;
            this.quiet = quiet;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public void progress(double fraction, String message) {
        }

        @Override
        public void publish(Object update) {
            if (quiet || !(update instanceof ExportProgress progress)) {
                return;
            }
            long now = System.nanoTime();
            if (lastLine != 0 && now - lastLine < PROGRESS_EVERY_NANOS) {
                return;
            }
            lastLine = now;
            if (terminal) {
                io.err().print("\r" + progress.summary() + "   ");
                lineOpen = true;
            } else {
                io.err().println(progress.summary());
            }
            io.err().flush();
        }

        void endLine() {
            if (lineOpen) {
                io.err().println();
                lineOpen = false;
            }
        }
    }
}
