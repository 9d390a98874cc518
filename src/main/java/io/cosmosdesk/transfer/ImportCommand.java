package io.cosmosdesk.transfer;

import io.cosmosdesk.cli.Cli;
import io.cosmosdesk.cli.CliArgs;
import io.cosmosdesk.cli.CliConnections;
import io.cosmosdesk.cli.CliException;
import io.cosmosdesk.cli.CliIO;
import io.cosmosdesk.cli.Command;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** {@code CosmosDesk import}: a JSON, JSON Lines or CSV file into a container, without a window. */
public final class ImportCommand implements Command {

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "write the items of a JSON, JSON Lines or CSV file into a container (resumable)";
    }

    @Override
    public String usage() {
        return """
                Usage: CosmosDesk import --endpoint URL --database DB --container C --format jsonl|json|csv --file PATH
                                         [--mode create|skip|upsert] [--generate-ids] [--skip-invalid]
                                         [--delimiter CHAR] [--keep-text] [--key-env NAME | --emulator] [--quiet]

                Reads the file as a stream (any size), checks every row first (JSON syntax with line and column,
                CSV cell counts, ids, partition key values, 2 MB, the same id and key twice) and lists each bad row;
                then writes in bulk. The job is journaled: if it stops (a crash, Ctrl+C during an outage, the server
                gone), run the same command again and it resumes where it stopped, without duplicates or gaps.

                Options:
                  --database DB          the database
                  --container C          the container (its partition key is read from the account)
                  --format F             jsonl (one object per line), json (one object or an array) or csv
                                         (default: from the file name)
                  --file PATH            the file to import (gzipped too, e.g. orders.jsonl.gz from export --gzip)
                  --mode M               create: an item that already exists is a conflict, reported and never
                                         overwritten (default); skip: existing items are left as they are;
                                         upsert: existing items are OVERWRITTEN by the file's rows
                                         An existing item with exactly the row's content counts as done in every mode.
                  --generate-ids         give rows without an "id" one (the same one if the import is resumed)
                  --skip-invalid         import the good rows even when some rows have problems (they are listed
                                         and reported); without it, any bad row stops the import before writing
                  --delimiter CHAR       CSV cell separator: , ; | or tab (default: detected from the header row)
                  --keep-text            CSV: keep every cell as text (default: numbers, true/false, null and
                                         JSON arrays/objects become typed values)
                  --quiet                no progress lines on stderr
                """ + CliConnections.SIGN_IN_USAGE + """

                Progress goes to stderr, with a report (one JSON line per row: its outcome, and the item when it was
                not imported) and a file of the items not imported, to fix and import again.
                Exit status: 0 every row imported (or already there, or skipped); 1 some rows were not imported
                (conflicts, invalid rows with --skip-invalid, refused by the service) or the import stopped;
                2 bad arguments, an unreadable file, or bad rows without --skip-invalid (nothing written);
                3 cannot connect or sign in.
                """;
    }

    @Override
    public int run(CliArgs args, CliIO io) {
        String database = args.require("database");
        String containerName = args.require("container");
        Path file = path(args.require("file"));
        ImportFormat format = args.optional("format")
                .map(text -> ImportFormat.parse(text).orElseThrow(() -> new CliException(Cli.BAD_INPUT,
                        "--format must be jsonl, json or csv, not \"" + text + "\".")))
                .orElseGet(() -> ImportFormat.fromFileName(file).orElseThrow(() -> new CliException(Cli.BAD_INPUT,
                        "Say which format " + file.getFileName() + " is: --format jsonl, json or csv.")));
        ImportMode mode = mode(args.optional("mode"));
        CsvOptions csv = new CsvOptions(delimiter(args.optional("delimiter")), !args.flag("keep-text"));
        boolean quiet = args.flag("quiet");
        ImportRequest request = new ImportRequest(file, format, csv, mode, args.flag("generate-ids"),
                args.flag("skip-invalid"), null);
        args.optional("endpoint");
        args.optional("key-env");
        args.flag("emulator");
        args.rejectUnknown();
        try (CosmosConnection connection = CliConnections.open(args, io, "");
                io.cosmosdesk.audit.AuditLog audit = CommandSupport.auditLog()) {
            ContainerHandle target = CliConnections.container(connection, database, containerName);
            return importInto(new ImportService(CommandSupport.importsFolder(),
                    new io.cosmosdesk.audit.AuditedWrites(audit)), target, request, quiet, io);
        } catch (ImportInputException e) {
            throw new CliException(Cli.BAD_INPUT, e.sentence(), e);
        } catch (CosmosDeskException e) {
            throw CommandSupport.stop(e);
        }
    }

    private static int importInto(ImportService service, ContainerHandle target, ImportRequest request, boolean quiet,
            CliIO io) {
        ImportControl control = new ImportControl(CommandSupport.progressLines(io, quiet));
        Optional<ImportService.UnfinishedImport> unfinished = service.findUnfinished(target, request.file());
        if (unfinished.isPresent()) {
            io.err().println("Resuming the import of " + request.file().getFileName() + " that stopped after row "
                    + unfinished.get().rowsDone() + " (its own options are kept) …");
            ImportResult result = CommandSupport.cancellable(control,
                    () -> service.resume(target, unfinished.get().journal(), control));
            return CommandSupport.finish(result, "Imported", io);
        }
        if (!quiet) {
            io.err().println("Checking " + request.file() + " (" + request.format().label() + ") …");
        }
        long[] shown = {0};
        ImportCheck check = ImportValidation.check(request, target.info().partitionKeyPaths(), row -> {
            io.err().println(row.describe());
            shown[0]++;
        }, () -> false);
        if (!quiet || !check.clean()) {
            io.err().println(check.summary());
        }
        if (check.valid() == 0 && check.invalid() == 0) {
            io.err().println("Nothing to import.");
            return Cli.OK;
        }
        if (!check.clean() && !request.skipInvalid()) {
            throw new CliException(Cli.BAD_INPUT, check.invalid() + " row" + (check.invalid() == 1 ? " has" : "s have")
                    + " problems (listed above); nothing was written. Fix them, or add --skip-invalid to import the "
                    + "other rows.");
        }
        if (request.mode() == ImportMode.UPSERT) {
            io.err().println("Upsert: items that already exist with these ids are overwritten.");
        }
        ImportResult result = CommandSupport.cancellable(control,
                () -> service.importItems(target, request, control));
        return CommandSupport.finish(result, "Imported", io);
    }

    static ImportMode mode(Optional<String> text) {
        return text.map(m -> ImportMode.fromCliName(m).orElseThrow(() -> new CliException(Cli.BAD_INPUT,
                "--mode must be create, skip or upsert, not \"" + m + "\"."))).orElse(ImportMode.CREATE_ONLY);
    }

    private static Character delimiter(Optional<String> text) {
        if (text.isEmpty()) {
            return null;
        }
        String value = text.get();
        if (value.equalsIgnoreCase("tab") || value.equals("\\t") || value.equals("\t")) {
            return '\t';
        }
        if (value.length() != 1 || "\"\r\n".contains(value)) {
            throw new CliException(Cli.BAD_INPUT, "--delimiter must be one character such as , ; | or the word tab.");
        }
        return value.charAt(0);
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CliException(Cli.BAD_INPUT, "--file \"" + text + "\" is not a valid path: " + e.getReason() + ".");
        }
    }
}
