package io.cosmosdesk.schema;

import io.cosmosdesk.cli.Cli;
import io.cosmosdesk.cli.CliArgs;
import io.cosmosdesk.cli.CliConnections;
import io.cosmosdesk.cli.CliException;
import io.cosmosdesk.cli.CliIO;
import io.cosmosdesk.cli.Command;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.CosmosDeskException;
import io.cosmosdesk.json.Json;
import java.util.Locale;

/**
 * {@code CosmosDesk schema --endpoint URL --database DB --container C [--sample N|all] [--format json|markdown]}:
 * samples the container as the Schema tab does and prints its JSON Schema (or the Markdown summary) to stdout.
 */
public final class SchemaCommand implements Command {

    private final SchemaService service;

    public SchemaCommand() {
        this(new SchemaService());
    }

    SchemaCommand(SchemaService service) {
        this.service = service;
    }

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public String summary() {
        return "sample a container and print its JSON Schema (2020-12, with occurrence counts)";
    }

    @Override
    public String usage() {
        return """
            Usage: CosmosDesk schema --endpoint URL --database DB --container C [options]

            Reads a sample of the container's items, spread over its key space, and prints a JSON Schema
            (draft 2020-12) with x-documentsInspected, x-occurrence and per-type x-typeOccurrence and ranges,
            as the VS Code Cosmos DB extension writes them. Progress goes to stderr.

              --database DB          the database
              --container C          the container
              --sample N             how many items to read (default 1000); "all" reads every item
              --format json|markdown JSON Schema (default) or a Markdown summary
            """ + CliConnections.SIGN_IN_USAGE;
    }

    @Override
    public int run(CliArgs args, CliIO io) throws Exception {
        String database = args.require("database");
        String containerId = args.require("container");
        long sample = sampleOf(args.optional("sample").orElse("1000"));
        String format = args.optional("format").orElse("json").toLowerCase(Locale.ROOT);
        if (!format.equals("json") && !format.equals("markdown")) {
            throw new CliException(Cli.BAD_INPUT, "--format must be json or markdown, not \"" + format + "\".");
        }
        // the sign-in options count as known here, so a misspelt option stops before anything is sent
        args.optional("endpoint");
        args.optional("key-env");
        args.flag("emulator");
        args.rejectUnknown();
        try (CosmosConnection connection = CliConnections.open(args, io, "")) {
            ContainerHandle handle = CliConnections.container(connection, database, containerId);
            SampleResult result;
            try {
                result = service.sample(handle, sample, progressPrinter(io.err()), () -> false);
            } catch (CosmosDeskException e) {
                throw new CliException(Cli.CANNOT_CONNECT, e.getMessage(), e);
            }
            io.err().printf(Locale.ROOT, "%s %.1f RU.%n", result.howDrawn(), result.requestCharge());
            String title = handle.ref().toString();
            if (format.equals("markdown")) {
                io.out().print(MarkdownExport.toMarkdown(result.summary(), title, result.howDrawn()));
            } else {
                io.out().println(Json.pretty().writeValueAsString(
                        JsonSchemaExport.toJsonSchema(result.summary(), title, result.howDrawn())));
            }
            io.out().flush();
            return Cli.OK;
        }
    }

    /**
     * Prints each progress step as a line on {@code err}, once: the sampler's last step repeats the count of its
     * last snapshot when no item came in between, and that repeat is not printed again.
     */
    static java.util.function.Consumer<SampleProgress> progressPrinter(java.io.PrintStream err) {
        long[] lastPrinted = {-1};
        return progress -> {
            if (progress.itemsRead() == lastPrinted[0]) {
                return;
            }
            lastPrinted[0] = progress.itemsRead();
            err.printf(Locale.ROOT, "Read %,d items (%.1f RU)…%n", progress.itemsRead(), progress.requestCharge());
        };
    }

    static long sampleOf(String text) {
        if (text.equalsIgnoreCase("all")) {
            return Long.MAX_VALUE;
        }
        try {
            long n = Long.parseLong(text.replace(",", "").replace("_", ""));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new CliException(Cli.BAD_INPUT, "--sample must be a number of items above 0 or \"all\", not \""
                    + text + "\".");
        }
    }
}
