package io.cosmosdesk.transfer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to import and how.
 *
 * @param skipInvalid false: the import refuses to start while validation finds bad rows; true: bad rows are
 *        reported as INVALID and the others imported
 * @param idSeed makes generated ids unique to this import and the same in its preview, its run and its resume
 */
public record ImportRequest(Path file, ImportFormat format, CsvOptions csv, ImportMode mode, boolean generateIds,
        boolean skipInvalid, String idSeed) {

    public ImportRequest {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        csv = csv == null ? CsvOptions.defaults() : csv;
        mode = mode == null ? ImportMode.CREATE_ONLY : mode;
        file = file.toAbsolutePath().normalize();
        idSeed = idSeed == null ? java.util.UUID.randomUUID().toString() : idSeed;
    }

    public static ImportRequest of(Path file, ImportFormat format) {
        return new ImportRequest(file, format, CsvOptions.defaults(), ImportMode.CREATE_ONLY, false, false, null);
    }

    public ImportRequest withMode(ImportMode value) {
        return new ImportRequest(file, format, csv, value, generateIds, skipInvalid, idSeed);
    }

    public ImportRequest withGenerateIds(boolean value) {
        return new ImportRequest(file, format, csv, mode, value, skipInvalid, idSeed);
    }

    public ImportRequest withSkipInvalid(boolean value) {
        return new ImportRequest(file, format, csv, mode, generateIds, value, idSeed);
    }

    public ImportRequest withCsv(CsvOptions value) {
        return new ImportRequest(file, format, value, mode, generateIds, skipInvalid, idSeed);
    }
}
