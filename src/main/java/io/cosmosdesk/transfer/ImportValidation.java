package io.cosmosdesk.transfer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The pass over the whole file before anything is written: every row prepared exactly as the import will
 * prepare it, the first ones kept as the preview, every bad row handed to a sink (the dialog keeps the first
 * few hundred, the command line prints them all). Constant memory apart from the duplicate check.
 */
public final class ImportValidation {

    public static final int PREVIEW_ROWS = 20;
    public static final int KEPT_PROBLEMS = 500;

    private ImportValidation() {
    }

    /**
     * @throws ImportInputException when the file cannot be read at all
     */
    public static ImportCheck check(ImportRequest request, List<String> keyPaths, Consumer<PreparedRow> everyProblem,
            BooleanSupplier cancelled) {
        ItemPreparation preparation = new ItemPreparation(keyPaths, request.generateIds(), request.idSeed());
        List<PreparedRow> preview = new ArrayList<>();
        List<PreparedRow> problems = new ArrayList<>();
        long rows = 0;
        long valid = 0;
        boolean toEnd = true;
        try (ItemReader reader = ItemReaders.open(request.file(), request.format(), request.csv())) {
            for (SourceRow source = reader.next(); source != null; source = reader.next()) {
                if ((rows & 255) == 0 && cancelled.getAsBoolean()) {
                    toEnd = false;
                    break;
                }
                rows++;
                PreparedRow row = preparation.prepare(source);
                if (row.ok()) {
                    valid++;
                    if (preview.size() < PREVIEW_ROWS) {
                        preview.add(row);
                    }
                } else {
                    if (problems.size() < KEPT_PROBLEMS) {
                        problems.add(row);
                    }
                    everyProblem.accept(row);
                    if (row.lastReadable()) {
                        toEnd = false;
                    }
                }
            }
        }
        return new ImportCheck(preview, problems, rows, valid, rows - valid, toEnd);
    }
}
