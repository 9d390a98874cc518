package io.cosmosdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import io.cosmosdesk.files.PrivateFiles;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.ImmediateTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit viewer's filters, selection and export, over a real log file; no toolkit. */
class AuditViewModelTest {

    @TempDir
    Path home;

    private AuditLog log;
    private AuditViewModel viewModel;

    private static AuditEntry entry(String time, String connection, String container, String id, String operation) {
        ObjectNode before = Json.MAPPER.createObjectNode().put("id", id).put("n", 1);
        ObjectNode after = Json.MAPPER.createObjectNode().put("id", id).put("n", 2);
        return new AuditEntry(time, "ann", connection, "https://" + connection.toLowerCase() + ".example:443/",
                "retail", container, id, PartitionKeyValue.of("c1").toJsonArray(), operation, "ok", null, 200, null,
                "\"e1\"", "\"e2\"", before, after, null);
    }

    @BeforeEach
    void log() {
        log = new AuditLog(home.resolve("audit"), () -> 90, Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"),
                ZoneOffset.UTC));
        log.append(List.of(
                entry("2026-12-04T09:00:00Z", "Prod", "orders", "o-1", "replace"),
                entry("2026-12-05T09:00:00Z", "Prod", "orders", "o-2", "delete"),
                entry("2026-12-05T10:00:00Z", "Dev", "invoices", "i-1", "create"),
                entry("2026-12-06T11:00:00Z", "Prod", "orders", "o-1", "move-copy")));
        viewModel = new AuditViewModel(log, ImmediateTaskRunner.immediate(), ZoneOffset.UTC);
    }

    private List<String> shown() {
        return viewModel.entries().stream().map(e -> e.id() + "/" + e.operation()).toList();
    }

    @Test
    void showsEveryEntryNewestFirstAndSelectsTheNewest() {
        viewModel.refresh();
        assertThat(shown()).containsExactly("o-1/move-copy", "i-1/create", "o-2/delete", "o-1/replace");
        assertThat(viewModel.selectedProperty().get().operation()).isEqualTo("move-copy");
        assertThat(viewModel.statusProperty().get()).isEqualTo("4 entries.");
    }

    @Test
    void filtersByConnectionContainerIdOperationAndDays() {
        viewModel.connectionProperty().set("prod");
        viewModel.refresh();
        assertThat(shown()).containsExactly("o-1/move-copy", "o-2/delete", "o-1/replace");

        viewModel.connectionProperty().set("");
        viewModel.containerProperty().set("INVOICES");
        viewModel.refresh();
        assertThat(shown()).containsExactly("i-1/create");

        viewModel.containerProperty().set("");
        viewModel.idProperty().set("o-1");
        viewModel.operationProperty().set(AuditOperation.REPLACE);
        viewModel.refresh();
        assertThat(shown()).containsExactly("o-1/replace");

        viewModel.idProperty().set("");
        viewModel.operationProperty().set(null);
        viewModel.fromProperty().set(LocalDate.of(2026, 12, 5));
        viewModel.toProperty().set(LocalDate.of(2026, 12, 5));
        viewModel.refresh();
        assertThat(shown()).containsExactly("i-1/create", "o-2/delete");

        viewModel.idProperty().set("nothing-like-it");
        viewModel.refresh();
        assertThat(shown()).isEmpty();
        assertThat(viewModel.selectedProperty().get()).isNull();
        assertThat(viewModel.statusProperty().get()).isEqualTo("No entries match.");
    }

    @Test
    void theNewestEntriesAreShownFirstAndTheRestFollowInPagesUpToTheLimit() {
        List<AuditEntry> many = new java.util.ArrayList<>();
        for (int i = 0; i < AuditViewModel.LIMIT + 5; i++) {
            many.add(entry(Instant.parse("2026-12-06T11:30:00Z").plusMillis(i).toString(), "Prod", "orders",
                    "n-" + i, "create"));
        }
        log.append(many);
        List<Integer> sizes = new java.util.ArrayList<>();
        List<String> statuses = new java.util.ArrayList<>();
        viewModel.entries().addListener((javafx.collections.ListChangeListener<AuditEntry>) change -> sizes.add(
                viewModel.entries().size()));
        viewModel.statusProperty().addListener((o, was, now) -> statuses.add(now));

        viewModel.refresh();

        // the newest page at once, already selected, then the rest page by page
        assertThat(sizes.get(0)).isEqualTo(AuditViewModel.FIRST_PAGE);
        assertThat(sizes).hasSizeGreaterThan(2).last().isEqualTo(AuditViewModel.LIMIT);
        assertThat(statuses).contains("Reading the audit log… 100 entries so far, newest first.");
        assertThat(viewModel.entries().get(0).id()).isEqualTo("n-" + (AuditViewModel.LIMIT + 4));
        assertThat(viewModel.entries().get(AuditViewModel.LIMIT - 1).id()).isEqualTo("n-5");
        assertThat(viewModel.selectedProperty().get().id()).isEqualTo("n-" + (AuditViewModel.LIMIT + 4));
        assertThat(viewModel.statusProperty().get())
                .isEqualTo("The newest 5,000 entries; narrow the filters to see older ones.");
    }

    @Test
    void exportsTheEntriesShownAsJsonLinesReadableByTheUserAlone() throws Exception {
        viewModel.connectionProperty().set("prod");
        viewModel.refresh();
        Path file = home.resolve("export.jsonl");

        viewModel.export(file);

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        assertThat(lines).map(line -> AuditLog.parse(line).id()).containsExactly("o-1", "o-2", "o-1");
        assertThat(AuditLog.parse(lines.get(2)).before().get("n").asInt()).isEqualTo(1);
        assertThat(viewModel.statusProperty().get()).startsWith("Exported 3 entries to ");
        assumeTrue(PrivateFiles.posix());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void describesAnEntryWithItsOutcomeAndEtags() {
        AuditEntry failed = new AuditEntry("2026-12-06T11:00:00Z", "ann", "Prod", "https://p/", "retail", "orders",
                "o-1", PartitionKeyValue.of("c1").toJsonArray(), "replace", "failed", "CHANGED_BY_SOMEONE_ELSE", 412,
                "Someone else changed it.", "\"e1\"", null, null, null, null);
        assertThat(AuditViewModel.describe(failed))
                .contains("replace of \"o-1\"", "failed (CHANGED_BY_SOMEONE_ELSE, 412)", "Someone else changed it.",
                        "ETag \"e1\" → —");
    }
}
