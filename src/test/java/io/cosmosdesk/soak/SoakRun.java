package io.cosmosdesk.soak;

import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosContainerProperties;
import com.azure.cosmos.models.CosmosQueryRequestOptions;
import com.azure.cosmos.models.PartitionKey;
import com.azure.cosmos.models.PartitionKeyDefinition;
import com.azure.cosmos.models.PartitionKeyDefinitionVersion;
import com.azure.cosmos.models.PartitionKind;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.ItemContent;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.move.ItemBodies;
import io.cosmosdesk.move.MoveStep;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.transfer.ImportMode;
import io.cosmosdesk.transfer.ImportStep;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import reactor.core.publisher.Flux;

/**
 * The soak run (not part of {@code mvn verify}; {@code scripts/soak.sh}): random crash trials across moves and
 * imports. Each trial starts a job in a JVM of its own that dies on the spot ({@code Runtime.halt}) at a random
 * step, sometimes with the server applying writes and dropping their answers; a NEW JVM recovers from the journal;
 * then this process checks the whole container with a client of its own: every item exactly once, bodies equal.
 * Prints trials, crashes, lost, duplicated (and bodies that differ).
 */
public final class SoakRun {

    private static final String DATABASE = "soak";
    private static final long COMMAND_LIMIT_MINUTES = 5;

    /** The JVM that recovered the last trial and runs the next one; null after a crash. */
    private static ChildJvm current;
    /** Started early (JVM start, SDK client) while the current one works; it becomes the next recovering JVM. */
    private static ChildJvm spare;
    private static int jvmsStarted;

    private SoakRun() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20_261_206L;
        Path home = Path.of(System.getProperty("cosmosdesk.home", "target/soak-home")).resolve("soak");
        Files.createDirectories(home);
        Random random = new Random(seed);
        int crashes = 0;
        int lost = 0;
        int duplicated = 0;
        int changed = 0;
        int failedTrials = 0;
        long started = System.nanoTime();
        try (LocalCosmosServer server = LocalCosmosServer.start()) {
            CosmosAsyncClient client = client(server.endpoint(), server.key());
            client.createDatabaseIfNotExists(DATABASE).block();
            for (int trial = 1; trial <= trials; trial++) {
                long trialStarted = System.nanoTime();
                boolean move = random.nextBoolean();
                Trial result = move ? moveTrial(server, client, home, random, trial)
                        : importTrial(server, client, home, random, trial);
                crashes += result.crashed ? 1 : 0;
                lost += result.lost;
                duplicated += result.duplicated;
                changed += result.changed;
                if (result.lost + result.duplicated + result.changed > 0 || result.problem != null) {
                    failedTrials++;
                    System.out.println("trial " + trial + " FAILED: " + result);
                } else {
                    deleteTree(home.resolve((move ? "move-" : "import-") + trial)); // keep only what failed
                }
                client.getDatabase(DATABASE).getContainer((move ? "move-" : "import-") + trial).delete().block();
                if (Boolean.getBoolean("soak.verbose")) {
                    System.out.printf("trial %d: %s; %d ms (child JVMs %d ms)%n", trial, result,
                            (System.nanoTime() - trialStarted) / 1_000_000, result.childMillis);
                }
                if (trial % 25 == 0 || trial == trials) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf("soak: %d trials, %d crashes, %d lost, %d duplicated, %d changed, %d failed "
                            + "trials (%.0f s, %.1f s a trial, %d child JVMs; %s)%n", trial, crashes, lost, duplicated,
                            changed, failedTrials, seconds, seconds / trial, jvmsStarted, loadAverage());
                }
            }
            closeChildren();
            client.close();
        }
        System.out.printf("SOAK RESULT: trials %d, crashes %d, lost %d, duplicated %d, bodies changed %d, "
                + "failed trials %d%n", trials, crashes, lost, duplicated, changed, failedTrials);
        System.exit(lost + duplicated + changed + failedTrials == 0 ? 0 : 1);
    }

    /** What one trial found. */
    static final class Trial {
        String what;
        boolean crashed;
        int lost;
        int duplicated;
        int changed;
        String problem;
        long childMillis; // running and recovering, in the child JVMs

        @Override
        public String toString() {
            return what + (crashed ? " (crashed)" : "") + ": lost " + lost + ", duplicated " + duplicated + ", changed "
                    + changed + (problem == null ? "" : ", " + problem);
        }
    }

    private static Trial importTrial(LocalCosmosServer server, CosmosAsyncClient client, Path home, Random random,
            int trial) throws Exception {
        CosmosAsyncContainer container = container(client, "import-" + trial);
        int count = 10 + random.nextInt(30);
        List<ObjectNode> items = items(count, random, "pk", trial);
        Path folder = home.resolve("import-" + trial);
        Files.createDirectories(folder);
        Path file = folder.resolve("in.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (ObjectNode item : items) {
                out.write(Json.MAPPER.writeValueAsString(item));
                out.write('\n');
            }
        }
        // a few existing items the file has too (identical): the modes must treat them as done
        if (random.nextInt(4) == 0) {
            ObjectNode existing = items.get(random.nextInt(count));
            container.createItem(existing, new PartitionKey(existing.get("pk").asText()), null).block();
        }
        ImportStep step = ImportStep.values()[random.nextInt(ImportStep.values().length)];
        int batch = 1 + random.nextInt(Math.max(1, (count + SoakChild.IMPORT_BATCH - 1) / SoakChild.IMPORT_BATCH));
        ImportMode mode = ImportMode.values()[random.nextInt(ImportMode.values().length)];
        Trial result = new Trial();
        result.what = "import of " + count + " (" + mode + "), crash " + step + " of batch " + batch;
        String lost = lostAnswers(random, result);
        runThenRecover(result, server, "import", container, folder, file.toString(), mode.name(), step.name(),
                String.valueOf(batch), lost);
        check(container, items, result, false);
        return result;
    }

    private static Trial moveTrial(LocalCosmosServer server, CosmosAsyncClient client, Path home, Random random,
            int trial) throws Exception {
        CosmosAsyncContainer container = container(client, "move-" + trial);
        int count = 10 + random.nextInt(20);
        List<ObjectNode> items = items(count, random, "pk", trial);
        container.executeBulkOperations(Flux.fromIterable(items).map(i -> CosmosBulkOperations.getCreateItemOperation(
                i, new PartitionKey(i.get("pk").asText())))).blockLast();
        MoveStep[] forward = {MoveStep.AFTER_PLAN_RECORDED, MoveStep.AFTER_CREATE, MoveStep.AFTER_CREATE_RECORDED,
            MoveStep.AFTER_DELETE, MoveStep.BEFORE_DONE_MARK};
        MoveStep step = forward[random.nextInt(forward.length)];
        int index = random.nextInt(count);
        Path folder = home.resolve("move-" + trial);
        Files.createDirectories(folder);
        Trial result = new Trial();
        result.what = "move of " + count + ", crash " + step + " of item " + index;
        String lost = lostAnswers(random, result);
        runThenRecover(result, server, "move", container, folder, "-", "-", step.name(), String.valueOf(index), lost);
        check(container, items, result, true);
        return result;
    }

    /** One trial in three: the server applies the job's next few writes and drops their answers (armed by the child). */
    private static String lostAnswers(Random random, Trial trial) {
        if (random.nextInt(3) == 0) {
            int count = 1 + random.nextInt(3);
            trial.what += ", " + count + " answers lost";
            return String.valueOf(count);
        }
        return "0";
    }

    /**
     * Runs the job in the current child JVM (it dies at its crash point, or answers when it never got there), then
     * recovers in a JVM that has not run it: the spare, started earlier. The JVM that recovered serves the next
     * trial's run.
     */
    private static void runThenRecover(Trial trial, LocalCosmosServer server, String kind,
            CosmosAsyncContainer container, Path folder, String... rest) throws Exception {
        long started = System.nanoTime();
        if (current == null) {
            current = takeSpare(server, folder.getParent());
        }
        List<String> run = new ArrayList<>(List.of("run", kind, DATABASE, container.getId(), folder.toString()));
        run.addAll(List.of(rest));
        if (current.send(COMMAND_LIMIT_MINUTES, run.toArray(String[]::new))) {
            current.close(); // the job ended without reaching its crash point: recovery still in a new JVM
        } else {
            int exit = current.exitCode();
            trial.crashed = exit == SoakChild.CRASHED;
            if (!trial.crashed) {
                trial.problem = "run exited " + exit + " (see " + current.log + ")";
            }
        }
        current = null;
        server.clearFaults();
        ChildJvm recovering = takeSpare(server, folder.getParent());
        if (recovering.send(COMMAND_LIMIT_MINUTES, "recover", kind, DATABASE, container.getId(), folder.toString())) {
            current = recovering;
        } else {
            trial.problem = (trial.problem == null ? "" : trial.problem + "; ") + "recover exited "
                    + recovering.exitCode() + " (see " + recovering.log + ")";
        }
        trial.childMillis = (System.nanoTime() - started) / 1_000_000;
    }

    private static ChildJvm takeSpare(LocalCosmosServer server, Path home) throws Exception {
        ChildJvm next = spare != null ? spare : startChild(server, home);
        spare = startChild(server, home);
        return next;
    }

    private static ChildJvm startChild(LocalCosmosServer server, Path home) throws Exception {
        jvmsStarted++;
        Path logs = Files.createDirectories(home.resolve("jvm-logs"));
        return ChildJvm.start(server.endpoint(), server.key(), logs.resolve("jvm-" + jvmsStarted + ".log"));
    }

    private static void closeChildren() {
        if (current != null) {
            current.close();
        }
        if (spare != null) {
            spare.close();
        }
    }

    private static String loadAverage() {
        try {
            String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + load[0] + " " + load[1] + " " + load[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "load unknown";
        }
    }

    private static void deleteTree(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Every item exactly once, body equal (for a move: under the target key, equal apart from the key). */
    static void check(CosmosAsyncContainer container, List<ObjectNode> items, Trial trial, boolean moved) {
        Map<String, List<ObjectNode>> byId = new HashMap<>();
        for (ObjectNode item : container.queryItems("SELECT * FROM c", new CosmosQueryRequestOptions(), ObjectNode.class)
                .collectList().block()) {
            byId.computeIfAbsent(item.get("id").asText(), k -> new ArrayList<>()).add(item);
        }
        for (ObjectNode expected : items) {
            List<ObjectNode> found = byId.getOrDefault(expected.get("id").asText(), List.of());
            if (found.isEmpty()) {
                trial.lost++;
                continue;
            }
            if (found.size() > 1) {
                trial.duplicated += found.size() - 1;
            }
            ObjectNode copy = found.get(0);
            boolean same = moved ? ItemBodies.sameContent(copy, expected, List.of("/pk"))
                    && copy.get("pk").asText().equals("target")
                    : ItemContent.equalByValue(ItemContent.withoutSystemProperties(copy), expected);
            if (!same) {
                trial.changed++;
            }
        }
    }

    static List<ObjectNode> items(int count, Random random, String keyName, int trial) {
        List<ObjectNode> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode item = Json.MAPPER.createObjectNode().put("id", "t" + trial + "-" + i)
                    .put(keyName, "p" + random.nextInt(5)).put("n", i).put("name", "Ítem " + i);
            item.putObject("detail").put("price", random.nextInt(10_000) / 100.0).putArray("tags").add("x" + i % 3);
            items.add(item);
        }
        return items;
    }

    private static CosmosAsyncContainer container(CosmosAsyncClient client, String name) {
        PartitionKeyDefinition key = new PartitionKeyDefinition();
        key.setPaths(List.of("/pk"));
        key.setKind(PartitionKind.HASH);
        key.setVersion(PartitionKeyDefinitionVersion.V2);
        client.getDatabase(DATABASE).createContainer(new CosmosContainerProperties(name, key)).block();
        return client.getDatabase(DATABASE).getContainer(name);
    }

    /** A client for the local server (the emulator's certificate accepted for this local endpoint). */
    static CosmosAsyncClient client(String endpoint, String key) {
        System.setProperty(LocalCosmosServer.CERT_VALIDATION_PROPERTY, "true");
        return new CosmosClientBuilder().endpoint(endpoint).key(key).gatewayMode().endpointDiscoveryEnabled(false)
                .consistencyLevel(ConsistencyLevel.SESSION).contentResponseOnWriteEnabled(true).buildAsyncClient();
    }
}
