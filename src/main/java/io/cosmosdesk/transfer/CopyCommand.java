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

/** {@code CosmosDesk copy}: items from one container to another, also on another account, without a window. */
public final class CopyCommand implements Command {

    @Override
    public String name() {
        return "copy";
    }

    @Override
    public String summary() {
        return "copy items (all, or a query's) to another container, also on another account or emulator";
    }

    @Override
    public String usage() {
        return """
                Usage: CosmosDesk copy --endpoint URL --database DB --container C [--query SQL]
                                       --to-endpoint URL --to-database DB --to-container C [--mode create|skip|upsert]
                                       [--key-env NAME | --emulator] [--to-key-env NAME | --to-emulator] [--quiet]

                Reads the source page by page and writes each page in bulk to the target (nothing is stored on disk
                but the report). The target container is created if it does not exist, with the source's partition
                key. Running the same copy again is safe: items already copied come back as identical.

                Options:
                  --database DB / --container C           the source
                  --query SQL            what to copy, e.g. "SELECT * FROM c WHERE c.status = 'open'" (default: all)
                  --to-endpoint URL      the target account (default: the source's, with the source's sign-in)
                  --to-database DB / --to-container C     the target
                  --mode M               create (default: existing items are conflicts, never overwritten), skip,
                                         or upsert (existing items are OVERWRITTEN)
                  --to-key-env NAME / --to-emulator       the target's sign-in, as --key-env / --emulator
                  --quiet                no progress lines on stderr
                """ + CliConnections.SIGN_IN_USAGE + """

                Exit status: 0 every item copied (or already there, or skipped); 1 some were not (conflicts,
                refused) or the copy stopped; 2 bad arguments or a bad query; 3 cannot connect or sign in.
                """;
    }

    @Override
    public int run(CliArgs args, CliIO io) {
        String database = args.require("database");
        String container = args.require("container");
        String toDatabase = args.require("to-database");
        String toContainer = args.require("to-container");
        String query = args.optional("query").orElse(null);
        ImportMode mode = ImportCommand.mode(args.optional("mode"));
        boolean quiet = args.flag("quiet");
        boolean otherAccount = args.optional("to-endpoint").isPresent();
        args.optional("endpoint");
        args.optional("key-env");
        args.flag("emulator");
        args.optional("to-key-env");
        args.flag("to-emulator");
        args.rejectUnknown();
        try (CosmosConnection from = CliConnections.open(args, io, "");
                CosmosConnection to = otherAccount ? CliConnections.open(args, io, "to-") : null;
                io.cosmosdesk.audit.AuditLog audit = CommandSupport.auditLog()) {
            ContainerHandle source = CliConnections.container(from, database, container);
            CopyTarget target = new CopyTarget(to != null ? to : from, toDatabase, toContainer);
            if (!quiet) {
                io.err().println("Copying " + (query == null ? "every item" : "the items of the query") + " from "
                        + database + "/" + container + " to " + toDatabase + "/" + toContainer + " …");
            }
            ImportControl control = new ImportControl(CommandSupport.progressLines(io, quiet));
            ImportResult result = CommandSupport.cancellable(control, () -> new CopyService(
                    CommandSupport.importsFolder().resolve("reports"), new io.cosmosdesk.audit.AuditedWrites(audit))
                    .copyItems(source,
                    query == null ? null : new SqlQuerySpec(query), target, mode, control));
            return CommandSupport.finish(result, "Copied", io);
        } catch (CosmosDeskException e) {
            throw CommandSupport.stop(e);
        }
    }
}
