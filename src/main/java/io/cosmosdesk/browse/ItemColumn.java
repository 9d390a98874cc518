package io.cosmosdesk.browse;

import com.fasterxml.jackson.databind.JsonNode;
import io.cosmosdesk.cosmos.ItemRow;
import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.cosmos.PartitionKeyValue;
import java.util.Objects;
import java.util.function.Function;

/**
 * A column of the items grid: {@code id}, one per partition key level (headed by its path), or a
 * user's JSON path. Its header is the path, so a user always sees what a column shows.
 */
public record ItemColumn(Kind kind, JsonPath path, int keyLevel) {

    public enum Kind { ID, PARTITION_KEY, USER }

    /** What a cell shows, and what kind of value it is, so null, missing and "" never look alike. */
    public record Cell(String text, CellKind kind) {
        public static final Cell MISSING = new Cell("(missing)", CellKind.MISSING);
        public static final Cell NULL = new Cell("null", CellKind.NULL);
        public static final Cell EMPTY_STRING = new Cell("\"\"", CellKind.EMPTY_STRING);

        // written out: the grid compares a cell's old and new value for every visible cell on every layout, and a
        // record's generated equals runs through method handles that are slow until the JIT has warmed up
        @Override
        public boolean equals(Object other) {
            return other == this || other instanceof Cell cell && cell.kind == kind && Objects.equals(cell.text, text);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(text) + kind.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public enum CellKind { TEXT, NUMBER, BOOLEAN, EMPTY_STRING, NULL, MISSING, STRUCTURE }

    private static final int MAX_CELL_TEXT = 300;

    public ItemColumn {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    public static ItemColumn id() {
        return new ItemColumn(Kind.ID, JsonPath.parse("/id"), -1);
    }

    public static ItemColumn partitionKey(String path, int level) {
        return new ItemColumn(Kind.PARTITION_KEY, JsonPath.fromPointer(path), level);
    }

    public static ItemColumn user(JsonPath path) {
        return new ItemColumn(Kind.USER, path, -1);
    }

    public String header() {
        return kind == Kind.ID ? "id" : path.toString();
    }

    public boolean removable() {
        return kind == Kind.USER;
    }

    /** The cell of {@code row}; {@code parsed} gives the row's JSON for user columns (cached by the caller). */
    public Cell cellOf(ItemRow row, Function<ItemRow, JsonNode> parsed) {
        return switch (kind) {
            case ID -> new Cell(row.id(), CellKind.TEXT);
            case PARTITION_KEY -> keyCell(row.partitionKey().components().get(keyLevel));
            case USER -> nodeCell(path.read(parsed.apply(row)));
        };
    }

    private static Cell keyCell(Object component) {
        if (component == PartitionKeyValue.MISSING) {
            return Cell.MISSING;
        }
        if (component == null) {
            return Cell.NULL;
        }
        if (component instanceof String s) {
            return s.isEmpty() ? Cell.EMPTY_STRING : new Cell(s, CellKind.TEXT);
        }
        if (component instanceof Boolean b) {
            return new Cell(b.toString(), CellKind.BOOLEAN);
        }
        return new Cell(PartitionKeyValue.displayComponent(component), CellKind.NUMBER);
    }

    static Cell nodeCell(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return Cell.MISSING;
        }
        if (node.isNull()) {
            return Cell.NULL;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return text.isEmpty() ? Cell.EMPTY_STRING : new Cell(shorten(text), CellKind.TEXT);
        }
        if (node.isNumber()) {
            return new Cell(node.asText(), CellKind.NUMBER);
        }
        if (node.isBoolean()) {
            return new Cell(node.asText(), CellKind.BOOLEAN);
        }
        return new Cell(shorten(node.toString()), CellKind.STRUCTURE);
    }

    private static String shorten(String text) {
        String oneLine = text.indexOf('\n') >= 0 ? text.replace('\n', ' ') : text;
        return oneLine.length() > MAX_CELL_TEXT ? oneLine.substring(0, MAX_CELL_TEXT) + "…" : oneLine;
    }
}
