package io.cosmosdesk.editor;

/**
 * Why the editor's text cannot be saved, as one sentence; {@code line} and {@code column} (1-based) point
 * at a JSON syntax error and are 0 for rules about the item as a whole.
 */
public record ValidationProblem(int line, int column, String message) {

    public static ValidationProblem of(String message) {
        return new ValidationProblem(0, 0, message);
    }

    public boolean hasLocation() {
        return line > 0;
    }

    /** e.g. "Line 3, column 14: a comma or } is missing." */
    public String sentence() {
        return hasLocation() ? "Line " + line + ", column " + column + ": " + message : message;
    }
}
