package io.cosmosdesk.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.files.PrivateFiles;
import io.cosmosdesk.json.Json;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.TaskRunner;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The audit viewer: the entries of the audit log that match the filters (connection, container, id: parts of the
 * text, any case; operation; a range of days), newest first, the chosen entry's before and after, and an export
 * of what is shown to JSON Lines. Reading and exporting run through the {@link TaskRunner}; a slow read that a
 * newer one overtook is dropped.
 */
public final class AuditViewModel {

    /** At most this many entries are shown; the status says when there are more. */
    public static final int LIMIT = 5_000;
    /** Entries shown as soon as they are read; the rest follow in pages of {@link #PAGE}. */
    static final int FIRST_PAGE = 100;
    static final int PAGE = 1_000;

    private final AuditLog log;
    private final TaskRunner tasks;
    private final ZoneId zone;

    // ---- Properties
    private final StringProperty connection = new SimpleStringProperty(this, "connection", "");
    private final StringProperty container = new SimpleStringProperty(this, "container", "");
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final ObjectProperty<AuditOperation> operation = new SimpleObjectProperty<>(this, "operation");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AuditEntry> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private int generation;
    private io.cosmosdesk.ui.TaskHandle reading;

    public AuditViewModel(AuditLog log, TaskRunner tasks, ZoneId zone) {
        this.log = Objects.requireNonNull(log);
        this.tasks = Objects.requireNonNull(tasks);
        this.zone = Objects.requireNonNull(zone);
    }

    public StringProperty connectionProperty() {
        return connection;
    }

    public StringProperty containerProperty() {
        return container;
    }

    public StringProperty idProperty() {
        return id;
    }

    /** Null: every operation. */
    public ObjectProperty<AuditOperation> operationProperty() {
        return operation;
    }

    /** First day shown (in the viewer's time zone), or null. */
    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    /** Last day shown (in the viewer's time zone), or null. */
    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public ReadOnlyObjectProperty<AuditEntry> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // ---- Commands

    /**
     * Reads the entries the filters select, in the background, newest first: the first {@value #FIRST_PAGE} are shown
     * as soon as they are read, the rest follow in pages of {@value #PAGE}.
     */
    public void refresh() {
        int mine = ++generation;
        Predicate<AuditEntry> filter = filter();
        busy.set(true);
        status.set("Reading the audit log…");
        int[] shownSoFar = {0};
        boolean[] more = {false};
        if (reading != null) {
            reading.cancel(); // its pages would be dropped anyway: stop reading them
        }
        reading = tasks.start(BackgroundTask.<Integer>of("Reading the audit log", context -> {
            int[] read = {0};
            log.read(filter, LIMIT + 1, FIRST_PAGE, PAGE, page -> {
                if (context.isCancelled()) {
                    return false;
                }
                read[0] += page.size();
                context.publish(page);
                return true;
            });
            return read[0];
        }).onUpdate(update -> {
            if (mine != generation) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<AuditEntry> page = (List<AuditEntry>) update;
            int room = LIMIT - shownSoFar[0];
            List<AuditEntry> taken = page.size() > room ? page.subList(0, Math.max(0, room)) : page;
            more[0] |= taken.size() < page.size();
            if (shownSoFar[0] == 0) {
                entries.setAll(taken);
                selected.set(taken.isEmpty() ? null : taken.get(0));
            } else {
                entries.addAll(taken);
            }
            shownSoFar[0] += taken.size();
            status.set(String.format(Locale.ROOT, "Reading the audit log… %,d %s so far, newest first.",
                    shownSoFar[0], shownSoFar[0] == 1 ? "entry" : "entries"));
        }).onSuccess(found -> {
            if (mine != generation) {
                return;
            }
            if (shownSoFar[0] == 0) {
                entries.clear();
                selected.set(null);
            }
            int shown = shownSoFar[0];
            status.set(shown == 0 ? "No entries match." : more[0]
                    ? String.format(Locale.ROOT, "The newest %,d entries; narrow the filters to see older ones.",
                            LIMIT)
                    : String.format(Locale.ROOT, "%,d %s.", shown, shown == 1 ? "entry" : "entries"));
        })
                .onFailure(error -> {
                    if (mine == generation) {
                        status.set("The audit log could not be read: " + error.getMessage());
                    }
                })
                .onFinally(() -> {
                    if (mine == generation) {
                        busy.set(false);
                    }
                }));
    }

    public void select(AuditEntry entry) {
        selected.set(entry);
    }

    /** Writes the entries shown to {@code file} as JSON Lines (readable by the user alone: they hold items). */
    public void export(Path file) {
        List<AuditEntry> shown = List.copyOf(entries);
        status.set("Exporting " + shown.size() + " entries…");
        tasks.start(BackgroundTask.of("Exporting the audit log", context -> {
            write(file, shown);
            return shown.size();
        }).onSuccess(count -> status.set(String.format(Locale.ROOT, "Exported %,d %s to %s.", count,
                        count == 1 ? "entry" : "entries", file)))
                .onFailure(error -> status.set("Not exported: " + error.getMessage())));
    }

    static void write(Path file, List<AuditEntry> entries) {
        try (OutputStream out = new BufferedOutputStream(Channels.newOutputStream(PrivateFiles.open(file,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)))) {
            for (AuditEntry entry : entries) {
                out.write(Json.MAPPER.writeValueAsBytes(entry));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** What the filters select. */
    Predicate<AuditEntry> filter() {
        String connectionText = lower(connection.get());
        String containerText = lower(container.get());
        String idText = lower(id.get());
        AuditOperation op = operation.get();
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        return entry -> (contains(entry.connection(), connectionText) || contains(entry.endpoint(), connectionText))
                && contains(entry.database() + "/" + entry.container(), containerText)
                && contains(entry.id(), idText)
                && (op == null || op.code().equals(entry.operation()))
                && (start == null || !entry.instant().isBefore(start))
                && (end == null || entry.instant().isBefore(end));
    }

    private static String lower(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String value, String part) {
        return part.isEmpty() || value != null && value.toLowerCase(Locale.ROOT).contains(part);
    }

    /** An entry's body as the editor shows it (indented), or "" when there is none. */
    public static String pretty(JsonNode body) {
        if (body == null || body.isNull()) {
            return "";
        }
        // as the editor shows items, so an entry reads like the item did
        return io.cosmosdesk.editor.ItemJson.pretty(body);
    }

    /** One line about an entry: outcome, error, ETags, job. */
    public static String describe(AuditEntry entry) {
        StringBuilder text = new StringBuilder();
        text.append(entry.operation()).append(" of \"").append(entry.id()).append("\" (partition key ")
                .append(entry.partitionKeyDisplay()).append(") in ").append(entry.connection()).append(':')
                .append(entry.database()).append('/').append(entry.container()).append(" by ").append(entry.user())
                .append(" at ").append(entry.time()).append(": ").append(entry.outcome());
        if (entry.errorKind() != null) {
            text.append(" (").append(entry.errorKind()).append(entry.status() > 0 ? ", " + entry.status() : "")
                    .append(')');
        }
        if (entry.message() != null) {
            text.append(" — ").append(entry.message());
        }
        if (entry.etagBefore() != null || entry.etagAfter() != null) {
            text.append("\nETag ").append(Objects.requireNonNullElse(entry.etagBefore(), "—")).append(" → ")
                    .append(Objects.requireNonNullElse(entry.etagAfter(), "—"));
        }
        if (entry.job() != null) {
            text.append("   job ").append(entry.job());
        }
        return text.toString();
    }
}
