package io.cosmosdesk.bench;

import com.azure.cosmos.CosmosAsyncClient;
import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.CosmosClientBuilder;
import com.azure.cosmos.ConsistencyLevel;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.CosmosItemOperation;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The "other client" of {@link ChangesBenchmark}: writes {@code rate} new items a second for {@code seconds} into
 * bench/changes, in ticks of 50 ms; each tick's items go as one SDK bulk call on the next of {@link #CLIENTS} clients
 * (connections of their own), ticks overlapping, so the rate is not capped by one connection's round trips (one create
 * per request reached only ~200/s here). Each item carries {@code writtenAtMillis} (this machine's clock), from which
 * the benchmark reads each row's lag.
 *
 * <p>Runs in a JVM of its own by default ({@link #inOwnJvm}), as another client does: its allocation, collections and
 * threads are then not the app's. Protocol on stdin/stdout: it prints {@value #READY} once its clients are connected,
 * writes when it reads a line, prints the {@link Result} line and exits.
 */
public final class ChangesWriter {

    static final int CLIENTS = 4;
    static final String READY = "changes-writer: ready";
    static final String RESULT = "changes-writer: result";
    /** The container a warm-up writes into (the measured writes go to bench/changes, which the tab tails). */
    static final String WARM_UP_CONTAINER = "changes-warmup";
    /** The line that asks for a warm-up of N seconds: {@code warm N}. */
    static final String WARM = "warm";

    private final List<CosmosAsyncClient> clients = new ArrayList<>();
    private final List<CosmosAsyncContainer> containers = new ArrayList<>();
    /** The same clients' handles on bench/{@value #WARM_UP_CONTAINER}, made when a warm-up is asked for. */
    private final List<CosmosAsyncContainer> warmUpContainers = new ArrayList<>();

    /** What a run wrote: counts, its wall time, ticks that ended over 1 s late, and when the last write finished. */
    record Result(int written, int failed, double seconds, int ticksLate, long lastWriteDoneMillis) {
        String line() {
            return String.format(Locale.ROOT, "%s %d %d %.3f %d %d", RESULT, written, failed, seconds, ticksLate,
                    lastWriteDoneMillis);
        }

        static Result parse(String line) {
            String[] parts = line.substring(RESULT.length()).strip().split(" ");
            return new Result(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Double.parseDouble(parts[2]),
                    Integer.parseInt(parts[3]), Long.parseLong(parts[4]));
        }
    }

    ChangesWriter(String endpoint, String key) {
        System.setProperty(LocalCosmosServer.CERT_VALIDATION_PROPERTY, "true");
        for (int i = 0; i < CLIENTS; i++) {
            CosmosAsyncClient client = new CosmosClientBuilder().endpoint(endpoint).key(key).gatewayMode()
                    .endpointDiscoveryEnabled(false).consistencyLevel(ConsistencyLevel.SESSION)
                    .contentResponseOnWriteEnabled(true).buildAsyncClient();
            clients.add(client);
            CosmosAsyncContainer container = client.getDatabase("bench").getContainer("changes");
            container.read().block(); // connected (and the container's metadata cached) before the clock starts
            containers.add(container);
        }
    }

    Result write(int rate, int seconds) {
        return write(rate, seconds, containers);
    }

    /**
     * Writes as {@link #write} does (same rate, items and clients) for {@code seconds} into bench/{@value
     * #WARM_UP_CONTAINER} (which must exist), which nobody tails: a real other client is a process already running
     * and writing, its JIT warm, when the tab goes live, not one that starts when the tab does.
     */
    Result warmUp(int rate, int seconds) {
        if (warmUpContainers.isEmpty()) {
            for (CosmosAsyncClient client : clients) {
                CosmosAsyncContainer container = client.getDatabase("bench").getContainer(WARM_UP_CONTAINER);
                container.read().block();
                warmUpContainers.add(container);
            }
        }
        return write(rate, seconds, warmUpContainers);
    }

    private Result write(int rate, int seconds, List<CosmosAsyncContainer> containers) {
        int perTick = Math.max(1, rate / 20);
        AtomicInteger written = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger behind = new AtomicInteger();
        long writeStart = System.nanoTime();
        Flux.interval(Duration.ofMillis(50)).take((long) seconds * 20).onBackpressureBuffer()
                .flatMap(tick -> {
                    CosmosAsyncContainer on = containers.get((int) (tick % containers.size()));
                    Flux<CosmosItemOperation> operations = Flux.range((int) (tick * perTick), perTick)
                            .map(i -> CosmosBulkOperations.getCreateItemOperation(order(i),
                                    new PartitionKey("cust-" + (i % 200))));
                    return on.executeBulkOperations(operations)
                            .doOnNext(response -> {
                                if (response.getResponse() != null && response.getResponse().isSuccessStatusCode()) {
                                    written.incrementAndGet();
                                } else {
                                    failed.incrementAndGet();
                                }
                            })
                            .onErrorResume(error -> {
                                failed.addAndGet(perTick);
                                return Mono.empty();
                            })
                            .then(Mono.fromRunnable(() -> {
                                long due = writeStart + (tick + 1) * 50_000_000L;
                                if (System.nanoTime() - due > 1_000_000_000L) {
                                    behind.incrementAndGet();
                                }
                            }))
                            .thenReturn(tick);
                }, 16)
                .blockLast();
        return new Result(written.get(), failed.get(), (System.nanoTime() - writeStart) / 1e9, behind.get(),
                System.currentTimeMillis());
    }

    void close() {
        clients.forEach(CosmosAsyncClient::close);
    }

    private static ObjectNode order(int i) {
        ObjectNode item = JsonNodeFactory.instance.objectNode()
                .put("id", String.format("order-%07d", i))
                .put("customerId", "cust-" + (i % 200))
                .put("status", i % 3 == 0 ? "open" : "paid")
                .put("total", 10 + i % 500)
                .put("writtenAtMillis", System.currentTimeMillis());
        item.putObject("customer").put("name", "Customer " + (i % 200)).put("city", "Oslo");
        return item;
    }

    /**
     * {@code ChangesWriter ENDPOINT KEY RATE SECONDS}: connects, prints READY; on a line {@code warm N} writes N seconds
     * into the warm-up container and prints the result; on any other line writes the measured run, prints the result.
     */
    public static void main(String[] args) throws IOException {
        ChangesWriter writer = new ChangesWriter(args[0], args[1]);
        System.out.println(READY);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        while (line != null && line.startsWith(WARM + " ")) {
            System.out.println(writer.warmUp(Integer.parseInt(args[2]),
                    Integer.parseInt(line.substring(WARM.length() + 1).strip())).line());
            System.out.flush();
            line = in.readLine();
        }
        if (line == null) {
            writer.close();
            System.exit(1);
        }
        Result result = writer.write(Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        System.out.println(result.line());
        System.out.flush();
        writer.close();
        System.exit(0);
    }

    /** A writer in a JVM of its own (the class path without JavaFX and the test frameworks, 512 MB heap). */
    static final class OwnJvm implements AutoCloseable {
        private final Process process;
        private final BufferedReader out;
        private final BufferedWriter in;

        private OwnJvm(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        }

        /** Starts it and waits until its clients are connected. */
        static OwnJvm start(String endpoint, String key, int rate, int seconds, Path log) throws IOException {
            List<String> command = new java.util.ArrayList<>();
            // -Dbench.writer.nice=N: the writer at nice N, a stand-in for a client on another machine (it takes
            // no core the app's UI thread wants): what the app's own threads cost the UI thread, without the writer's
            Integer nice = Integer.getInteger("bench.writer.nice");
            if (nice != null) {
                command.addAll(List.of("nice", "-n", Integer.toString(nice)));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-cp", io.cosmosdesk.soak.ChildJvm.classPath(), ChangesWriter.class.getName(),
                    endpoint, key, Integer.toString(rate), Integer.toString(seconds)));
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            OwnJvm jvm = new OwnJvm(process);
            for (String line = jvm.out.readLine(); ; line = jvm.out.readLine()) {
                if (line == null) {
                    throw new IOException("the writer's JVM ended before it was ready; see " + log);
                }
                if (line.equals(READY)) {
                    return jvm;
                }
            }
        }

        long pid() {
            return process.pid();
        }

        Result write() throws IOException {
            return ask("go");
        }

        /** Writes {@code seconds} at the rate into the warm-up container; returns what it wrote. */
        Result warmUp(int seconds) throws IOException {
            return ask(WARM + " " + seconds);
        }

        private Result ask(String request) throws IOException {
            in.write(request);
            in.newLine();
            in.flush();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(RESULT)) {
                    return Result.parse(line);
                }
            }
            throw new IOException("the writer's JVM ended without a result");
        }

        @Override
        public void close() throws IOException {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
