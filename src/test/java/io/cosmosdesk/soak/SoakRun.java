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
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
                }
                if (trial % 25 == 0 || trial == trials) {
                    System.out.printf("soak: %d trials, %d crashes, %d lost, %d duplicated, %d changed, %d failed "
                            + "trials (%.0f s)%n", trial, crashes, lost, duplicated, changed, failedTrials,
                            (System.nanoTime() - started) / 1e9);
                }
            }
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

        @Override
        public String toString() {
            return what + (crashed ? " (crashed)" : "") + ": lost " + lost + ", duplicated " + duplicated + ", changed "
                    + changed + (problem == null ? "" : ", " + problem);
        }
    }

    private static Trial importTrial(LocalCosmosServer server, CosmosAsyncClient client, Path home, Random random,
            int trial) throws Exception {
        CosmosAsyncContainer container = container(client, "import-" + trial);
        int count = 20 + random.nextInt(60);
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
        int batch = 1 + random.nextInt(Math.max(1, (count + 14) / 15));
        ImportMode mode = ImportMode.values()[random.nextInt(ImportMode.values().length)];
        Trial result = new Trial();
        result.what = "import of " + count + " (" + mode + "), crash " + step + " of batch " + batch;
        String lost = lostAnswers(random, result);
        result.crashed = child(result, "run", "import", server, container, folder, file.toString(), mode.name(),
                step.name(), String.valueOf(batch), lost);
        server.clearFaults();
        child(result, "recover", "import", server, container, folder);
        check(container, items, result, false);
        return result;
    }

    private static Trial moveTrial(LocalCosmosServer server, CosmosAsyncClient client, Path home, Random random,
            int trial) throws Exception {
        CosmosAsyncContainer container = container(client, "move-" + trial);
        int count = 20 + random.nextInt(40);
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
        result.crashed = child(result, "run", "move", server, container, folder, "-", "-", step.name(),
                String.valueOf(index), lost);
        server.clearFaults();
        child(result, "recover", "move", server, container, folder);
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

    /** Runs a child JVM; true when it died at its crash point. */
    private static boolean child(Trial trial, String phase, String kind, LocalCosmosServer server,
            CosmosAsyncContainer container, Path folder, String... rest) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SoakChild.class.getName(), phase, kind, server.endpoint(), server.key(), DATABASE, container.getId(),
                folder.toString()));
        command.addAll(List.of(rest));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(folder.resolve(phase + ".log").toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            trial.problem = phase + " did not end in 5 minutes";
            return false;
        }
        int exit = process.exitValue();
        if (exit != 0 && exit != SoakChild.CRASHED) {
            trial.problem = phase + " exited " + exit + " (see " + folder.resolve(phase + ".log") + ")";
        }
        return exit == SoakChild.CRASHED;
    }

    /** Every item exactly once, body equal (for a move: under the target key, equal apart from the key). */
    private static void check(CosmosAsyncContainer container, List<ObjectNode> items, Trial trial, boolean moved) {
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

    private static List<ObjectNode> items(int count, Random random, String keyName, int trial) {
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

    static String classpathSeparator() {
        return File.pathSeparator;
    }
}
