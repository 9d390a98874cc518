package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ContainerHandle;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The grid's columns for one container: id and the partition key levels always, then the JSON paths the
 * user added, which are remembered in the {@link ColumnSettingsStore}.
 */
final class ItemColumns {

    private static final int ROWS_CHECKED = 1_000;
    /** Columns shown by default on a container the user never chose columns for. */
    static final int DEFAULT_COLUMNS = 6;

    private final ColumnSettingsStore settings;
    private final String settingsKey;
    private final ObservableList<ItemColumn> columns = FXCollections.observableArrayList();
    // made once: an unmodifiable wrapper listens to its source weakly (see FilterHistory)
    private final ObservableList<ItemColumn> columnsView = FXCollections.unmodifiableObservableList(columns);
    /** False once the user chose columns (saved settings exist) or the defaults were proposed. */
    private boolean defaultsOpen;

    ItemColumns(ContainerHandle handle, ColumnSettingsStore settings) {
        this.settings = Objects.requireNonNull(settings);
        this.settingsKey = ColumnSettingsStore.keyOf(handle);
        columns.add(ItemColumn.id());
        List<String> keyPaths = handle.info().partitionKeyPaths();
        for (int level = 0; level < keyPaths.size(); level++) {
            if (JsonPath.fromPointer(keyPaths.get(level)).equals(ItemColumn.id().path())) {
                continue; // keyed on /id: the id column already shows it
            }
            columns.add(ItemColumn.partitionKey(keyPaths.get(level), level));
        }
        defaultsOpen = !settings.hasColumns(settingsKey);
        for (String saved : settings.columns(settingsKey)) {
            try {
                addQuietly(JsonPath.parse(saved));
            } catch (IllegalArgumentException ignored) {
                // a column saved by another version that no longer parses: leave it out
            }
        }
    }

    ObservableList<ItemColumn> list() {
        return columnsView;
    }

    /** @return the reason when the path is not usable or already shown */
    Optional<String> add(String pathText) {
        JsonPath path;
        try {
            path = JsonPath.parse(pathText);
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        if (columns.stream().anyMatch(column -> column.path().equals(path))) {
            return Optional.of("The grid already shows " + path + ".");
        }
        defaultsOpen = false;
        addQuietly(path);
        save();
        return Optional.empty();
    }

    /**
     * A sentence for the notice when none of the loaded rows has a value (null included) at {@code path}, so a
     * mistyped path does not just fill a column with "(missing)"; empty when one has, or nothing is loaded.
     * Looks at the first {@value #ROWS_CHECKED} rows at most.
     */
    static Optional<String> noValueNotice(JsonPath path, List<ItemRow> rows, Function<ItemRow, JsonNode> parsed) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<ItemRow> checked = rows.size() > ROWS_CHECKED ? rows.subList(0, ROWS_CHECKED) : rows;
        if (checked.stream().anyMatch(row -> path.read(parsed.apply(row)) != null)) {
            return Optional.empty();
        }
        String subject = checked.size() < rows.size()
                ? String.format(Locale.ROOT, "None of the first %,d loaded items has", checked.size())
                : checked.size() == 1 ? "The loaded item does not have"
                : String.format(Locale.ROOT, "None of the %,d loaded items has", checked.size());
        StringBuilder text = new StringBuilder(subject).append(' ').append(path)
                .append(": its cells show (missing). Names are case-sensitive.");
        List<String> segments = path.segments();
        String last = segments.get(segments.size() - 1);
        if (last.contains(".") && !last.startsWith(".") && !last.endsWith(".") && !last.contains("..")) {
            List<String> split = new ArrayList<>(segments.subList(0, segments.size() - 1));
            split.addAll(List.of(last.split("\\.")));
            text.append(" For a nested property write ").append(JsonPath.of(split)).append(" or ")
                    .append(String.join(".", split)).append('.');
        }
        return Optional.of(text.toString());
    }

    /** Whether {@link #proposeDefaults} would still choose columns (a first visit's first rows). */
    boolean proposesDefaults() {
        return defaultsOpen;
    }

    /**
     * On a container the user never chose columns for, shows after id and the partition key the top-level fields
     * most present in {@code firstRows} (at most {@value #DEFAULT_COLUMNS}, fields holding plain values first). Not
     * saved: they become the user's columns only when the user changes the columns. Once per grid.
     */
    void proposeDefaults(List<JsonNode> firstRows) {
        if (!defaultsOpen || firstRows.isEmpty()) {
            return;
        }
        defaultsOpen = false;
        java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        for (JsonNode row : firstRows) {
            row.fields().forEachRemaining(field -> {
                String name = field.getKey();
                if (name.startsWith("_") || columns.stream().anyMatch(c -> c.path().equals(JsonPath.of(List.of(name))))) {
                    return;
                }
                int[] count = counts.computeIfAbsent(name, n -> new int[2]);
                count[0]++;
                if (!field.getValue().isContainerNode()) {
                    count[1]++;
                }
            });
        }
        counts.entrySet().stream()
                .sorted((a, b) -> a.getValue()[0] != b.getValue()[0] ? Integer.compare(b.getValue()[0], a.getValue()[0])
                        : Integer.compare(b.getValue()[1], a.getValue()[1]))
                .limit(DEFAULT_COLUMNS)
                .forEach(entry -> addQuietly(JsonPath.of(List.of(entry.getKey()))));
    }

    /** The removable columns in the order of {@code headers} (those not named keep their place at the end). */
    void reorder(List<String> headers) {
        List<ItemColumn> fixed = columns.stream().filter(column -> !column.removable()).toList();
        List<ItemColumn> movable = new ArrayList<>(columns.stream().filter(ItemColumn::removable).toList());
        List<ItemColumn> ordered = new ArrayList<>();
        for (String header : headers) {
            movable.stream().filter(column -> column.header().equals(header)).findFirst().ifPresent(column -> {
                ordered.add(column);
                movable.remove(column);
            });
        }
        ordered.addAll(movable);
        List<ItemColumn> next = new ArrayList<>(fixed);
        next.addAll(ordered);
        if (!next.equals(columns)) {
            columns.setAll(next);
            defaultsOpen = false;
            save();
        }
    }

    java.util.OptionalDouble width(String header) {
        Double width = settings.columnWidths(settingsKey).get(header);
        return width == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(width);
    }

    void rememberWidth(String header, double width) {
        Double saved = settings.columnWidths(settingsKey).get(header);
        if (saved == null || Math.abs(saved - width) >= 1) {
            settings.saveColumnWidth(settingsKey, header, Math.round(width));
        }
    }

    /** Id and key columns stay. @return whether the column was removed */
    boolean remove(ItemColumn column) {
        if (column.removable() && columns.remove(column)) {
            defaultsOpen = false;
            save();
            return true;
        }
        return false;
    }

    private void addQuietly(JsonPath path) {
        if (columns.stream().noneMatch(column -> column.path().equals(path))) {
            columns.add(ItemColumn.user(path));
        }
    }

    private void save() {
        settings.saveColumns(settingsKey, columns.stream().filter(ItemColumn::removable)
                .map(column -> column.path().toString()).toList());
    }
}
