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
 * One JVM of a soak trial. {@code run}: does the job and dies on the spot ({@link Runtime#halt}, no finally block,
 * no flush) when it reaches the chosen step; exits 0 if it never did. {@code recover}: a new JVM that finishes
 * every unfinished job in the folder from its journal.
 *
 * <pre>
 * SoakChild run     import|move ENDPOINT KEY DB CONTAINER FOLDER FILE MODE STEP N LOST_ANSWERS
 * SoakChild recover import|move ENDPOINT KEY DB CONTAINER FOLDER
 * </pre>
 */
public final class SoakChild {

    static final int CRASHED = 137;
    static final MoveTuning MOVE_TUNING = MoveTuning.defaults().withBatchSize(20);
    static final MoveTuning IMPORT_TUNING = MoveTuning.defaults().withBatchSize(15);
    static final PartitionKeyValue MOVE_TARGET = PartitionKeyValue.of("target");

    private SoakChild() {
    }

    public static void main(String[] args) {
        String phase = args[0];
        String kind = args[1];
        CosmosAsyncClient client = SoakRun.client(args[2], args[3]);
        try {
            ContainerHandle handle = handle(client, args[4], args[5]);
            Path folder = Path.of(args[6]);
            if (phase.equals("run")) {
                run(kind, handle, folder, args);
            } else {
                recover(kind, handle, folder);
            }
        } catch (Throwable e) {
            System.err.println("soak child " + phase + " " + kind + " failed: " + e);
            e.printStackTrace();
            Runtime.getRuntime().halt(2);
        }
        client.close();
        Runtime.getRuntime().halt(0);
    }

    private static void run(String kind, ContainerHandle handle, Path folder, String[] args) throws Exception {
        String step = args[9];
        long n = Long.parseLong(args[10]);
        int lostAnswers = Integer.parseInt(args[11]);
        if (kind.equals("import")) {
            armLostAnswers(args[2], lostAnswers);
            ImportStep crashAt = ImportStep.valueOf(step);
            ImportService service = new ImportService(folder, writes(folder), IMPORT_TUNING, (reached, batch) -> {
                if (reached == crashAt && (batch == n || reached == ImportStep.BEFORE_END)) {
                    Runtime.getRuntime().halt(CRASHED);
                }
            });
            service.importItems(handle, ImportRequest.of(Path.of(args[7]), ImportFormat.JSONL)
                    .withMode(ImportMode.valueOf(args[8])).withSkipInvalid(true), ImportControl.none());
        } else {
            MoveStep crashAt = MoveStep.valueOf(step);
            MoveStepListener listener = (reached, index, id) -> {
                if (reached == crashAt && index == n) {
                    Runtime.getRuntime().halt(CRASHED);
                }
            };
            List<MoveSource> sources = sources(handle);
            armLostAnswers(args[2], lostAnswers); // after the job's own query, so only its writes lose answers
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
        javax.net.ssl.HttpsURLConnection connection = (javax.net.ssl.HttpsURLConnection) java.net.URI.create(
                endpoint.replaceAll("/$", "") + "/_cosmosdesk/faults").toURL().openConnection();
        connection.setSSLSocketFactory(io.cosmosdesk.sandbox.LocalCosmosServer.trustAllContext().getSocketFactory());
        connection.setHostnameVerifier((host, session) -> true); // loopback, self-signed for "cosmosdb"
        connection.setRequestMethod("POST");
        connection.setRequestProperty("content-type", "application/json");
        connection.setDoOutput(true);
        try (var out = connection.getOutputStream()) {
            out.write(("{\"mode\":\"applyThenDrop\",\"count\":" + count
                    + ",\"methods\":[\"POST\",\"DELETE\"],\"pathContains\":\"/docs\"}").getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        if (connection.getResponseCode() != 200) {
            throw new IllegalStateException("fault switch answered " + connection.getResponseCode());
        }
    }

    /** The audited door, its log beside the trial's journals (each child JVM opens its own). */
    private static io.cosmosdesk.audit.AuditedWrites writes(Path folder) {
        return new io.cosmosdesk.audit.AuditedWrites(new io.cosmosdesk.audit.AuditLog(folder.resolve("audit")));
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
