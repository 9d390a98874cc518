package io.cosmosdesk.soak;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.AuthKind;
import io.cosmosdesk.cosmos.ConnectionProfile;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ContainerInfo;
import io.cosmosdesk.cosmos.ContainerRef;
import io.cosmosdesk.cosmos.CosmosConnection;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.move.MoveControl;
import io.cosmosdesk.move.MoveJobSummary;
import io.cosmosdesk.move.MoveService;
import io.cosmosdesk.move.MoveSource;
import io.cosmosdesk.move.MoveStep;
import io.cosmosdesk.move.MoveStepListener;
import io.cosmosdesk.move.MoveTuning;
import io.cosmosdesk.transfer.ImportControl;
import io.cosmosdesk.transfer.ImportFormat;
import io.cosmosdesk.transfer.ImportMode;
import io.cosmosdesk.transfer.ImportRequest;
import io.cosmosdesk.transfer.ImportService;
import io.cosmosdesk.transfer.ImportStep;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A JVM of the soak run, serving the parent's commands one per line on stdin (tab-separated) and answering
 * {@value #DONE} on stdout after each. {@code run}: does the job and dies on the spot ({@link Runtime#halt}, no finally
 * block, no flush) when it reaches the chosen step; answers if it never did. {@code recover}: finishes every
 * unfinished job in the folder from its journal. The parent sends {@code recover} only to a JVM that has not run
 * that trial's job, so recovery always happens in a new JVM; one JVM then serves the next trial's {@code run}, so a
 * trial costs one JVM start, not two. Exit 2 (after printing why) when a command fails.
 *
 * <pre>
 * SoakChild ENDPOINT KEY          then lines:
 * run     import|move DB CONTAINER FOLDER FILE MODE STEP N LOST_ANSWERS [hold]
 * recover import|move DB CONTAINER FOLDER
 * </pre>
 * With {@code hold} (moves only) the child does not die at STEP of item N: it arms the server there to apply the
 * job's next LOST_ANSWERS write requests and hold their answers, and goes on waiting for them, so that the parent
 * can kill it (SIGKILL) between a write applied and its answer recorded ({@link ChildJvm#post}, {@link ChildJvm#kill}).
 */
public final class SoakChild {

    static final int CRASHED = 137;
    static final String DONE = "soak-child: done";
    private static final List<io.cosmosdesk.audit.AuditLog> OPEN_LOGS = new ArrayList<>();
    static final MoveTuning MOVE_TUNING = MoveTuning.defaults().withBatchSize(20);
    static final int IMPORT_BATCH = 8;
    static final MoveTuning IMPORT_TUNING = MoveTuning.defaults().withBatchSize(IMPORT_BATCH);
    static final PartitionKeyValue MOVE_TARGET = PartitionKeyValue.of("target");

    private SoakChild() {
    }

    public static void main(String[] args) throws java.io.IOException {
        String endpoint = args[0];
        CosmosAsyncClient client = SoakRun.client(endpoint, args[1]);
        java.io.BufferedReader commands = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8));
        for (String line = commands.readLine(); line != null; line = commands.readLine()) {
            String[] command = line.split("\t");
            try {
                ContainerHandle handle = handle(client, command[2], command[3]);
                Path folder = Path.of(command[4]);
                if (command[0].equals("run")) {
                    run(command[1], endpoint, handle, folder, command);
                } else {
                    recover(command[1], handle, folder);
                }
            } catch (Throwable e) {
                System.err.println("soak child " + line + " failed: " + e);
                e.printStackTrace();
                Runtime.getRuntime().halt(2);
            }
            OPEN_LOGS.forEach(io.cosmosdesk.audit.AuditLog::close);
            OPEN_LOGS.clear();
            System.out.println(DONE);
            System.out.flush();
        }
        client.close();
        Runtime.getRuntime().halt(0);
    }

    private static void run(String kind, String endpoint, ContainerHandle handle, Path folder, String[] args)
            throws Exception {
        String step = args[7];
        long n = Long.parseLong(args[8]);
        int lostAnswers = Integer.parseInt(args[9]);
        if (kind.equals("import")) {
            armLostAnswers(endpoint, lostAnswers);
            ImportStep crashAt = ImportStep.valueOf(step);
            ImportService service = new ImportService(folder, writes(folder), IMPORT_TUNING, (reached, batch) -> {
                if (reached == crashAt && (batch == n || reached == ImportStep.BEFORE_END)) {
                    Runtime.getRuntime().halt(CRASHED);
                }
            });
            service.importItems(handle, ImportRequest.of(Path.of(args[5]), ImportFormat.JSONL)
                    .withMode(ImportMode.valueOf(args[6])).withSkipInvalid(true), ImportControl.none());
        } else {
            MoveStep crashAt = MoveStep.valueOf(step);
            boolean hold = args.length > 10 && args[10].equals("hold");
            MoveStepListener listener = (reached, index, id) -> {
                if (reached == crashAt && index == n) {
                    if (!hold) {
                        Runtime.getRuntime().halt(CRASHED);
                    }
                    try {
                        armFault(endpoint, lostAnswers, "applyThenHold"); // on the job's thread, before its next write
                    } catch (Exception e) {
                        throw new IllegalStateException("could not arm the server to hold answers", e);
                    }
                }
            };
            List<MoveSource> sources = sources(handle);
            if (!hold) {
                armLostAnswers(endpoint, lostAnswers); // after the job's own query, so only its writes lose answers
            }
            new MoveService(folder, MOVE_TUNING, listener, writes(folder)).moveItems(handle, sources, MOVE_TARGET,
                    MoveControl.none());
        }
    }

    private static void recover(String kind, ContainerHandle handle, Path folder) {
        if (kind.equals("import")) {
            ImportService service = new ImportService(folder, writes(folder), IMPORT_TUNING, ImportStep.Listener.NONE);
            for (ImportService.UnfinishedImport job : service.findUnfinished()) {
                service.resume(handle, job.journal(), ImportControl.none());
            }
        } else {
            MoveService service = new MoveService(folder, MOVE_TUNING, MoveStepListener.NONE, writes(folder));
            for (MoveJobSummary job : service.findUnfinishedJobs()) {
                service.resumeJob(handle, job.jobId(), MoveControl.none());
            }
        }
    }

    /** The server applies the next {@code count} writes to /docs and drops their answers (its control route). */
    private static void armLostAnswers(String endpoint, int count) throws Exception {
        if (count == 0) {
            return;
        }
        armFault(endpoint, count, "applyThenDrop");
    }

    /** The server applies the next {@code count} writes to /docs and loses their answers as {@code mode} says. */
    private static void armFault(String endpoint, int count, String mode) throws Exception {
        javax.net.ssl.HttpsURLConnection connection = (javax.net.ssl.HttpsURLConnection) java.net.URI.create(
                endpoint.replaceAll("/$", "") + "/_cosmosdesk/faults").toURL().openConnection();
        connection.setSSLSocketFactory(io.cosmosdesk.sandbox.LocalCosmosServer.trustAllContext().getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true); // loopback, self-signed for "cosmosdb"
        connection.setRequestMethod("POST");
        connection.setRequestProperty("content-type", "application/json");
        connection.setDoOutput(true);
        try (var out = connection.getOutputStream()) {
            out.write(("{\"mode\":\"" + mode + "\",\"count\":" + count
                    + ",\"methods\":[\"POST\",\"DELETE\"],\"pathContains\":\"/docs\"}").getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException("fault switch answered " + connection.getResponseCode());
        }
    }

    /** The audited door, its log beside the trial's journals (each child JVM opens its own). */
    private static io.cosmosdesk.audit.AuditedWrites writes(Path folder) {
        io.cosmosdesk.audit.AuditLog log = new io.cosmosdesk.audit.AuditLog(folder.resolve("audit"));
        OPEN_LOGS.add(log);
        return new io.cosmosdesk.audit.AuditedWrites(log);
    }

    static ContainerHandle handle(CosmosAsyncClient client, String database, String container) {
        ConnectionProfile profile = ConnectionProfile.create("soak", AuthKind.EMULATOR, "https://127.0.0.1/");
        return new ContainerHandle(new CosmosConnection(profile, client),
                new ContainerInfo(new ContainerRef(database, container), List.of("/pk"), false, null));
    }

    private static List<MoveSource> sources(ContainerHandle handle) {
        List<MoveSource> sources = new ArrayList<>();
        for (ObjectNode item : handle.container().queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(),
                ObjectNode.class).collectList().block()) {
            sources.add(new MoveSource(item.get("id").asText(), PartitionKeyValue.fromItem(item, List.of("/pk")),
                    item.get("_etag").asText(), item));
        }
        sources.sort(java.util.Comparator.comparing(MoveSource::id));
        return sources;
    }
}
