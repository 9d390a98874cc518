package io.cosmosdesk.transfer;

import io.cosmosdesk.cosmos.JsonPath;
import io.cosmosdesk.jobs.JobOutcome;
import io.cosmosdesk.jobs.Jobs;
import io.cosmosdesk.ui.BackgroundTask;
import io.cosmosdesk.ui.DialogService;
import io.cosmosdesk.ui.TaskHandle;
import io.cosmosdesk.ui.TaskRunner;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The export dialog's state and commands: what to export (the given source, or the whole container when the
 * source is a filter), format, CSV fields (sampled from the source), system properties, gzip, file. {@link #export}
 * starts the export as a job in the Jobs panel.
 */
public final class ExportDialogViewModel {

    /** One CSV column offered in the dialog. */
    public static final class FieldChoice {
        private final JsonPath path;
        private final BooleanProperty selected = new SimpleBooleanProperty(true);

        FieldChoice(JsonPath path) {
            this.path = path;
        }

        public JsonPath path() {
            return path;
        }

        public String label() {
            return CsvHeader.format(path);
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    private static final Pattern KNOWN_SUFFIX = Pattern.compile("\\.(jsonl|ndjson|json|csv)(\\.gz)?$");

    private final ExportService service;
    private final TaskRunner tasks;
    private final Jobs jobs;
    private final DialogService dialogs;
    private final ExportSource given;

    // Properties
    private final ObjectProperty<ExportFormat> format = new SimpleObjectProperty<>(this, "format", ExportFormat.JSONL);
    private final BooleanProperty wholeContainer = new SimpleBooleanProperty(this, "wholeContainer");
    private final BooleanProperty systemProperties = new SimpleBooleanProperty(this, "systemProperties");
    private final BooleanProperty gzip = new SimpleBooleanProperty(this, "gzip");
    private final StringProperty file = new SimpleStringProperty(this, "file", "");
    private final ObservableList<FieldChoice> fields = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper sampling = new ReadOnlyBooleanWrapper(this, "sampling");
    private final ReadOnlyStringWrapper fieldsMessage = new ReadOnlyStringWrapper(this, "fieldsMessage", "");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private TaskHandle sample = TaskHandle.NONE;
    private int sampleGeneration;
    private Boolean sampledWithSystemProperties;

    public ExportDialogViewModel(ExportService service, TaskRunner tasks, Jobs jobs, DialogService dialogs,
            ExportSource source, Path folder) {
        this.service = service;
        this.tasks = tasks;
        this.jobs = jobs;
        this.dialogs = dialogs;
        this.given = source;
        wholeContainer.set(source.isWholeContainer());
        file.set(folder.resolve(safeName(source.container().ref().containerId()) + ".jsonl").toString());
        format.addListener((obs, old, now) -> {
            renameForFormat();
            if (now == ExportFormat.CSV) {
                sampleFields();
            }
        });
        gzip.addListener((obs, old, now) -> renameForFormat());
        wholeContainer.addListener((obs, old, now) -> resample());
        systemProperties.addListener((obs, old, now) -> resample());
        file.addListener((obs, old, now) -> errorMessage.set(""));
    }

    // Properties

    public ObjectProperty<ExportFormat> formatProperty() {
        return format;
    }

    /** True: every item of the container; false: the given filter or query. */
    public BooleanProperty wholeContainerProperty() {
        return wholeContainer;
    }

    /** Whether the source is a filter or query (then the dialog offers the choice with the whole container). */
    public boolean offersChoiceOfSource() {
        return !given.isWholeContainer();
    }

    public ExportSource givenSource() {
        return given;
    }

    public BooleanProperty systemPropertiesProperty() {
        return systemProperties;
    }

    public BooleanProperty gzipProperty() {
        return gzip;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public ObservableList<FieldChoice> fields() {
        return fields;
    }

    public ReadOnlyBooleanProperty samplingProperty() {
        return sampling.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty fieldsMessageProperty() {
        return fieldsMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    // Commands

    /** The source as chosen now. */
    public ExportSource source() {
        return wholeContainer.get() ? ExportSource.wholeContainer(given.container()) : given;
    }

    /** Samples the source for CSV columns (all selected); a newer sample replaces an older one. */
    public void sampleFields() {
        if (sampledWithSystemProperties != null && sampledWithSystemProperties == systemProperties.get()
                && !fields.isEmpty()) {
            return;
        }
        sample.cancel();
        int generation = ++sampleGeneration;
        boolean system = systemProperties.get();
        ExportSource source = source();
        sampling.set(true);
        fieldsMessage.set("Reading a sample of " + ExportService.SAMPLE_SIZE + " items for the columns…");
        sample = tasks.start(BackgroundTask.of("Sampling fields for CSV", context -> service.sampleCsvFields(source,
                        system))
                .onSuccess(paths -> {
                    if (generation != sampleGeneration) {
                        return;
                    }
                    sampledWithSystemProperties = system;
                    fields.setAll(paths.stream().map(FieldChoice::new).toList());
                    fieldsMessage.set(paths.isEmpty() ? "The sample has no items: the file will have an id column."
                            : paths.size() + " fields found in a sample of up to " + ExportService.SAMPLE_SIZE
                                    + " items. Arrays and objects are written as JSON text.");
                })
                .onFailure(error -> {
                    if (generation == sampleGeneration) {
                        fieldsMessage.set("Could not read a sample: " + Jobs.sentenceOf(error));
                    }
                })
                .onFinally(() -> {
                    if (generation == sampleGeneration) {
                        sampling.set(false);
                    }
                }));
    }

    public void selectAllFields(boolean select) {
        fields.forEach(field -> field.selectedProperty().set(select));
    }

    /**
     * Starts the export as a job, after checking what can be checked here; false (with {@link #errorMessageProperty}
     * set) when the dialog should stay open.
     */
    public boolean export() {
        Path target;
        try {
            String text = file.get() == null ? "" : file.get().strip();
            if (text.isEmpty()) {
                errorMessage.set("Choose a file to export to.");
                return false;
            }
            target = Path.of(text).toAbsolutePath();
        } catch (InvalidPathException e) {
            errorMessage.set("\"" + file.get() + "\" is not a valid file name: " + e.getReason() + ".");
            return false;
        }
        List<JsonPath> columns = fields.stream().filter(field -> field.selectedProperty().get())
                .map(FieldChoice::path).toList();
        if (format.get() == ExportFormat.CSV && columns.isEmpty()) {
            errorMessage.set(sampling.get() ? "Wait for the sample, then choose the CSV columns."
                    : "Choose at least one field for the CSV file.");
            return false;
        }
        boolean replace = false;
        if (Files.isRegularFile(target)) {
            if (!dialogs.confirm("Replace " + target.getFileName() + "?", target + " already exists. Replace it "
                    + "once the export is complete? Until then it stays as it is.", "Replace")) {
                return false;
            }
            replace = true;
        }
        try {
            ExportFiles.checkTarget(target, replace);
        } catch (ExportException e) {
            errorMessage.set(e.sentence());
            return false;
        }
        ExportOptions options = new ExportOptions(format.get(), format.get() == ExportFormat.CSV ? columns : List.of(),
                systemProperties.get(), gzip.get());
        start(jobs, service, source(), options, target, replace);
        return true;
    }

    /** Starts an export job: the one place the dialog, the grid and the query tab start exports from. */
    static void start(Jobs jobs, ExportService service, ExportSource source, ExportOptions options, Path target,
            boolean replace) {
        jobs.start("Export", source.describe() + " → " + target.getFileName(),
                context -> service.export(source, options, target, replace, context),
                result -> new JobOutcome("Exported " + result.summary() + ".", result.file()),
                error -> error instanceof ExportException export ? export.sentence() : Jobs.sentenceOf(error));
    }

    private void resample() {
        if (format.get() == ExportFormat.CSV) {
            sampledWithSystemProperties = null;
            sampleFields();
        }
    }

    private void renameForFormat() {
        String text = file.get();
        if (text == null || text.isBlank()) {
            return;
        }
        String base = KNOWN_SUFFIX.matcher(text).replaceFirst("");
        if (!base.equals(text) || !text.contains(".")) {
            file.set(base + format.get().fileSuffix(gzip.get()));
        }
    }

    private static String safeName(String name) {
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        return safe.isEmpty() ? "export" : safe;
    }
}
