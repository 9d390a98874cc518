package io.cosmosdesk.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.cosmos.CosmosAsyncContainer;
import com.azure.cosmos.models.CosmosBulkOperations;
import com.azure.cosmos.models.PartitionKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.audit.AuditEntry;
import io.cosmosdesk.audit.AuditLog;
import io.cosmosdesk.audit.AuditedWrites;
import io.cosmosdesk.move.MoveStep;
import io.cosmosdesk.sandbox.LocalCosmosServer;
import io.cosmosdesk.sandbox.LocalCosmosServer.RecordedRequest;
import io.cosmosdesk.testing.CosmosServerExtension;
import io.cosmosdesk.testing.CosmosTestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;

/**
 * The audit trail across a real crash: a move runs in a JVM of its own (the soak run's child), the server applies
 * one of its write requests and holds the answer, and the JVM is killed with SIGKILL while it waits, so the write is
 * on the server and neither its answer nor its audit entry exists. A new JVM resumes the job from its journal; then
 * every item is moved exactly once and every copy and every source delete has exactly one audit entry: the ones the
 * crash left unrecorded are recorded on resume, marked {@link AuditedWrites#RECORDED_ON_RECOVERY}, and none written
 * before the kill is written again.
 */
@ExtendWith(CosmosServerExtension.class)
class KilledMoveAuditIT {

    private static final int ITEMS = 60; // three batches of SoakChild.MOVE_TUNING's 20
    /** Generous: a child JVM's start and first SDK connection take seconds, far more on a loaded machine. */
    private static final Duration LIMIT = Duration.ofMinutes(4);

    /** Which of the move's write requests the server applies and never answers. */
    enum Held {
        /** The first batch's copies: held before anything else of the job was written. */
        COPIES(MoveStep.AFTER_PLAN_RECORDED, 0, "move-copy"),
        /**
         * The last batch's source deletes: held after two batches were moved and recorded, once the last copies are
         * journaled (nothing else of the job is written after them).
         */
        SOURCE_DELETES(MoveStep.AFTER_CREATE_RECORDED, ITEMS - 1, "move-delete-source");

        final MoveStep armAt;
        final int index;
        final String operation;

        Held(MoveStep armAt, int index, String operation) {
            this.armAt = armAt;
            this.index = index;
            this.operation = operation;
        }
    }

    @TempDir
    Path home;

    private LocalCosmosServer server;

    @RegisterExtension
    final AfterEachCallback faults = CosmosServerExtension.clearingFaults();

    @ParameterizedTest
    @EnumSource(Held.class)
    void aWriteAppliedBeforeAKillIsRecordedOnceWhenANewJvmResumesTheMove(Held held, LocalCosmosServer server,
            CosmosTestData data) throws Exception {
        this.server = server;
        CosmosAsyncContainer container = data.createContainer("/pk");
        List<ObjectNode> items = SoakRun.items(ITEMS, new Random(17), "pk", 1);
        container.executeBulkOperations(Flux.fromIterable(items).map(i -> CosmosBulkOperations.getCreateItemOperation(
                i, new PartitionKey(i.get("pk").asText())))).blockLast();
        String database = container.getDatabase().getId();
        Path folder = Files.createDirectories(home.resolve("move"));
        server.clearRecentRequests();

        ChildJvm running = ChildJvm.start(server.endpoint(), server.key(), home.resolve("run.log"));
        try {
            running.post("run", "move", database, container.getId(), folder.toString(), "-", "-", held.armAt.name(),
                    String.valueOf(held.index), "1", "hold");
            RecordedRequest applied = awaitHeldAnswer(running);
            assertThat(applied.status()).as("the held batch request was applied").isBetween(200, 299);
            assertThat(running.kill()).as("killed with SIGKILL (128 + 9)").isEqualTo(137);
        } finally {
            if (running.isAlive()) {
                running.kill();
            }
        }
        server.clearFaults();

        Set<String> beforeResume = okWrites(folder);
        try (ChildJvm recovering = ChildJvm.start(server.endpoint(), server.key(), home.resolve("recover.log"))) {
            assertThat(recovering.send(LIMIT.toMinutes(), "recover", "move", database, container.getId(),
                    folder.toString())).as("the resume ended (see " + recovering.log + ")").isTrue();
        }

        SoakRun.Trial trial = new SoakRun.Trial();
        SoakRun.check(container, items, trial, true);
        assertThat(trial.lost).as("items lost").isZero();
        assertThat(trial.duplicated).as("items duplicated").isZero();
        assertThat(trial.changed).as("bodies changed").isZero();

        List<AuditEntry> entries = entries(folder);
        Map<String, Long> perWrite = entries.stream().filter(AuditEntry::ok)
                .collect(Collectors.groupingBy(e -> e.operation() + " " + e.id(), Collectors.counting()));
        for (ObjectNode item : items) {
            String id = item.get("id").asText();
            assertThat(perWrite.get("move-copy " + id)).as("copy entries of " + id).isEqualTo(1L);
            assertThat(perWrite.get("move-delete-source " + id)).as("source delete entries of " + id).isEqualTo(1L);
        }
        List<AuditEntry> recovered = entries.stream()
                .filter(e -> AuditedWrites.RECORDED_ON_RECOVERY.equals(e.message())).toList();
        assertThat(recovered).as("the writes of the held request, recorded on resume").isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.operation()).isEqualTo(held.operation);
                    assertThat(beforeResume).as("had no entry before the resume").doesNotContain(key(e));
                });
        assertThat(entries).filteredOn(AuditEntry::ok).extracting(AuditEntry::job).containsOnly(recovered.get(0).job());
    }

    /**
     * Waits until the server shows the held request applied (its answer's status logged, nothing sent), failing at
     * once if the child died meanwhile.
     */
    private RecordedRequest awaitHeldAnswer(ChildJvm child) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<RecordedRequest> held = server.recentRequests().stream()
                    .filter(r -> "applyThenHold".equals(r.fault()) && r.status() != null).toList();
            if (!held.isEmpty()) {
                return held.get(0);
            }
            assertThat(child.isAlive()).as("the move's JVM is still running (see " + child.log + ")").isTrue();
            Thread.sleep(25); // polling the server's request log, not a wait standing in for a condition
        }
        throw new AssertionError("no write of the move was held within " + LIMIT + " (see " + child.log + ")");
    }

    private static List<AuditEntry> entries(Path folder) {
        AuditLog log = new AuditLog(folder.resolve("audit"));
        try {
            return log.read(e -> true, 10_000);
        } finally {
            log.close();
        }
    }

    private static Set<String> okWrites(Path folder) {
        return entries(folder).stream().filter(AuditEntry::ok).map(KilledMoveAuditIT::key).collect(Collectors.toSet());
    }

    private static String key(AuditEntry entry) {
        return entry.operation() + " " + entry.id();
    }
}
